import type { Block } from "../model/story";
import { VideoPlayer } from "../video/VideoPlayer";
import { RelatedHeadline } from "./RelatedHeadline";
import styles from "./Story.module.css";

/** The story's body: one renderer for every kind of block, exhaustive over the model's types. */
export function StoryBody({ blocks, startAt }: { blocks: Block[]; startAt?: number }) {
  return (
    <div className={styles.body}>
      {blocks.map((block, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their place in the story
        <StoryBlock key={index} block={block} startAt={startAt} />
      ))}
    </div>
  );
}

function StoryBlock({ block, startAt }: { block: Block; startAt?: number }) {
  switch (block.type) {
    case "paragraph":
      return <p>{block.text}</p>;
    case "heading":
      return <h2 className={styles.subheading}>{block.text}</h2>;
    case "quote":
      return (
        <figure className={styles.quote}>
          <blockquote>
            <p>{block.text}</p>
          </blockquote>
          {block.cite && <figcaption>{block.cite}</figcaption>}
        </figure>
      );
    case "image":
      return (
        <figure className={styles.figure}>
          <img
            src={block.src}
            alt={block.alt}
            width={block.width}
            height={block.height}
            loading="lazy"
            decoding="async"
          />
          {block.caption && <figcaption>{block.caption}</figcaption>}
        </figure>
      );
    case "related":
      return <RelatedHeadline slug={block.slug} headline={block.headline} />;
    case "video":
      return <VideoPlayer video={block} startAt={startAt} />;
    default:
      return unknownBlock(block);
  }
}

function unknownBlock(block: never): never {
  throw new Error(`No renderer for story block ${JSON.stringify(block)}`);
}
