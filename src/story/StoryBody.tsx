import { corrections } from "../model/corrections";
import { passageNumbers } from "../model/quotes";
import type { Run } from "../model/runs";
import type { Block } from "../model/story";
import { ShareQuote } from "../sharing/ShareQuote";
import { VideoPlayer } from "../video/VideoPlayer";
import { Corrections } from "./Corrections";
import { EmbeddedPost } from "./EmbeddedPost";
import { MarkedText } from "./MarkedText";
import { Picture } from "./Picture";
import { PictureCaption } from "./PictureCaption";
import { RelatedHeadline } from "./RelatedHeadline";
import styles from "./Story.module.css";

interface Props {
  blocks: Block[];
  /** `?t=`: where the video starts. */
  startAt?: number;
  /** `?quote=`: the passage marked and scrolled to. */
  marked?: number;
  /** The story's canonical URL and headline, to share quotes from it. */
  share?: { url: string; title: string };
  /** Whether paragraphs and quotes carry their `p-N` anchors: a live entry's do not (they are the story's). */
  anchors?: boolean;
}

/**
 * The story's body: one renderer for every kind of block, exhaustive over the model's types.
 * Paragraphs and quotes carry `p-N` anchors (see src/model/quotes.ts). Corrections close the body,
 * wherever they stand among the blocks.
 */
export function StoryBody({ blocks, startAt, marked, share, anchors = true }: Props) {
  const numbers = anchors ? passageNumbers(blocks) : new Map<number, number>();
  return (
    <div className={styles.body}>
      {blocks.map((block, index) => (
        <StoryBlock
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their place in the story
          key={index}
          block={block}
          passage={numbers.get(index)}
          marked={marked !== undefined && numbers.get(index) === marked}
          startAt={startAt}
          share={share}
        />
      ))}
      <Corrections corrections={corrections(blocks)} />
    </div>
  );
}

interface BlockProps {
  block: Block;
  passage?: number;
  marked: boolean;
  startAt?: number;
  share?: Props["share"];
}

function StoryBlock({ block, passage, marked, startAt, share }: BlockProps) {
  const id = passage ? `p-${passage}` : undefined;
  const text = (passage: { text: string; runs?: Run[] }) => {
    const value = <MarkedText text={passage.text} runs={passage.runs} />;
    return marked ? <mark className={styles.marked}>{value}</mark> : value;
  };
  switch (block.type) {
    case "paragraph":
      return <p id={id}>{text(block)}</p>;
    case "heading":
      return <h2 className={styles.subheading}>{block.text}</h2>;
    case "quote": {
      const quoteUrl = share && passage ? `${share.url}?quote=${passage}` : undefined;
      const figure = (
        <figure id={id} className={styles.quoteFigure}>
          <blockquote>
            <p>{text(block)}</p>
          </blockquote>
          {block.cite && <figcaption>{block.cite}</figcaption>}
        </figure>
      );
      // The share link is beside the quote, not part of it (nor of what a reader view keeps).
      return (
        <div className={styles.quote}>
          {figure}
          {share && quoteUrl && <ShareQuote url={quoteUrl} title={share.title} text={block.text} />}
        </div>
      );
    }
    case "image":
      return (
        <figure className={styles.figure}>
          <Picture
            image={block}
            alt={block.alt}
            sizes="(min-width: 48rem) 42rem, 100vw"
            loading="lazy"
            decoding="async"
          />
          <PictureCaption image={block} />
        </figure>
      );
    case "related":
      return <RelatedHeadline slug={block.slug} headline={block.headline} />;
    case "video":
      return <VideoPlayer video={block} startAt={startAt} />;
    case "correction":
      return null;
    case "embed":
      return <EmbeddedPost post={block} />;
    default:
      return unknownBlock(block);
  }
}

function unknownBlock(block: never): never {
  throw new Error(`No renderer for story block ${JSON.stringify(block)}`);
}
