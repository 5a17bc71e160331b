// The story's body in the editor: its blocks in order, each a form of its own with buttons to move
// it up or down and to remove it, a handle to drag it, and buttons to add a block at the end. Moves
// keep the focus on the button pressed (on the block, now in its new place), and every move, add and
// removal is announced to screen readers in a live region.
import { type ReactNode, useEffect, useRef, useState } from "react";
import type { Block } from "../../model/story";
import type { TextKey } from "../../words/catalogue";
import { useWords } from "../../words/useWords";
import { ADDABLE, type AddableType, type EditedBlock, emptyBlock } from "../storyBlocks";
import styles from "./blocks.module.css";
import { EmbeddedPostForm } from "./EmbeddedPostForm";
import { PictureForm } from "./PictureForm";
import { RelatedForm } from "./RelatedForm";
import { CorrectionForm, HeadingForm, ParagraphForm, QuoteForm } from "./TextBlocks";
import { VideoForm } from "./VideoForm";

/** What each block type is called ("Paragraph {number}"), and the button that adds one. */
const NAMES: Record<AddableType, { name: TextKey; add: TextKey }> = {
  paragraph: { name: "newsroom.paragraph", add: "newsroom.addParagraph" },
  heading: { name: "newsroom.heading", add: "newsroom.addHeading" },
  quote: { name: "newsroom.quote", add: "newsroom.addQuote" },
  image: { name: "newsroom.picture", add: "newsroom.addPicture" },
  video: { name: "newsroom.video", add: "newsroom.addVideo" },
  related: { name: "newsroom.related", add: "newsroom.addRelated" },
  embed: { name: "newsroom.embeddedPost", add: "newsroom.addEmbeddedPost" },
  correction: { name: "newsroom.correction", add: "newsroom.addCorrection" },
};

const isAddable = (type: string): type is AddableType => (ADDABLE as readonly string[]).includes(type);

/** Where the focus goes once the list has rendered: a block's field, or one of its buttons. */
type FocusNext = { key: string; on: "field" | "up" | "down" | "title" } | { key: "add"; on: "add" };

const domId = (key: string, on: string) => `block-${key}-${on}`;

interface BlockListProps {
  blocks: EditedBlock[];
  onChange: (blocks: EditedBlock[]) => void;
}

export function BlockList({ blocks, onChange }: BlockListProps) {
  const words = useWords();
  const [announcement, setAnnouncement] = useState("");
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const focusNext = useRef<FocusNext | null>(null);

  useEffect(() => {
    const next = focusNext.current;
    if (!next) return;
    focusNext.current = null;
    document.getElementById(next.key === "add" ? "block-add" : domId(next.key, next.on))?.focus();
  });

  // Each block's name, numbered by type in reading order ("Paragraph 2", "Picture 1").
  const seen = new Map<string, number>();
  const labels = blocks.map(({ block }) => {
    const number = (seen.get(block.type) ?? 0) + 1;
    seen.set(block.type, number);
    return isAddable(block.type)
      ? words.text(NAMES[block.type].name, { number })
      : words.text("newsroom.keptBlock", { type: block.type });
  });

  const move = (from: number, to: number, on: FocusNext["on"]) => {
    const moved = blocks[from];
    if (!moved || to < 0 || to >= blocks.length || from === to) return;
    const next = blocks.filter((_, index) => index !== from);
    next.splice(to, 0, moved);
    focusNext.current = { key: moved.key, on } as FocusNext;
    onChange(next);
    setAnnouncement(
      words.text("newsroom.blockMoved", { block: labels[from] ?? "", position: to + 1, count: blocks.length }),
    );
  };

  const remove = (index: number) => {
    const next = blocks.filter((_, at) => at !== index);
    const after = next[index] ?? next[index - 1];
    focusNext.current = after ? { key: after.key, on: "title" } : { key: "add", on: "add" };
    onChange(next);
    setAnnouncement(words.text("newsroom.blockRemoved", { block: labels[index] ?? "" }));
  };

  const add = (type: AddableType, at: number = blocks.length) => {
    const made = emptyBlock(type);
    const next = [...blocks];
    next.splice(at, 0, made);
    focusNext.current = { key: made.key, on: "field" };
    onChange(next);
    setAnnouncement(words.text("newsroom.blockAdded", { position: at + 1, count: next.length }));
  };

  const change = (index: number) => (block: Block) =>
    onChange(blocks.map((edited, at) => (at === index ? { ...edited, block } : edited)));

  return (
    <>
      <ol className={styles.list} aria-label={words.text("newsroom.storyBlocks")}>
        {blocks.map((edited, index) => {
          const label = labels[index] ?? "";
          const first = index === 0;
          const last = index === blocks.length - 1;
          return (
            <li
              key={edited.key}
              className={styles.block}
              aria-labelledby={domId(edited.key, "title")}
              data-dragging={dragging === edited.key}
              data-drop={dropAt === index && dragging !== edited.key}
              onDragOver={(event) => {
                if (!dragging) return;
                event.preventDefault();
                setDropAt(index);
              }}
              onDrop={(event) => {
                if (!dragging) return;
                event.preventDefault();
                const from = blocks.findIndex((other) => other.key === dragging);
                setDragging(null);
                setDropAt(null);
                move(from, index, "title");
              }}
            >
              <div className={styles.head}>
                {/* biome-ignore lint/a11y/noStaticElementInteractions: dragging is the pointer's way; the buttons beside it move the block by keyboard. */}
                <span
                  className={styles.handle}
                  draggable
                  title={words.text("newsroom.drag")}
                  onDragStart={(event) => {
                    event.dataTransfer.effectAllowed = "move";
                    event.dataTransfer.setData("application/x-dispatch-block", edited.key);
                    setDragging(edited.key);
                  }}
                  onDragEnd={() => {
                    setDragging(null);
                    setDropAt(null);
                  }}
                />
                <h2 id={domId(edited.key, "title")} className={styles.title} tabIndex={-1}>
                  {label}
                </h2>
                <button
                  id={domId(edited.key, "up")}
                  type="button"
                  className={styles.button}
                  aria-disabled={first}
                  onClick={() => move(index, index - 1, "up")}
                >
                  <Named full={words.text("newsroom.moveUp", { block: label })} short={words.text("newsroom.up")} />
                </button>
                <button
                  id={domId(edited.key, "down")}
                  type="button"
                  className={styles.button}
                  aria-disabled={last}
                  onClick={() => move(index, index + 1, "down")}
                >
                  <Named full={words.text("newsroom.moveDown", { block: label })} short={words.text("newsroom.down")} />
                </button>
                <button type="button" className={styles.button} onClick={() => remove(index)}>
                  <Named
                    full={words.text("newsroom.removeBlock", { block: label })}
                    short={words.text("newsroom.removeShort")}
                  />
                </button>
              </div>
              {blockForm(edited.block, {
                label,
                fieldId: domId(edited.key, "field"),
                titleId: domId(edited.key, "title"),
                onChange: change(index),
                onEnter: () => add("paragraph", index + 1),
              })}
            </li>
          );
        })}
      </ol>
      <fieldset className={styles.add}>
        <legend className={styles.label}>{words.text("newsroom.addBlock")}</legend>
        {ADDABLE.map((type, index) => (
          <button
            key={type}
            id={index === 0 ? "block-add" : undefined}
            type="button"
            className={styles.button}
            onClick={() => add(type)}
          >
            {words.text(NAMES[type].add)}
          </button>
        ))}
      </fieldset>
      <p aria-live="polite" className={styles.live}>
        {announcement}
      </p>
    </>
  );
}

/** A button's short word on screen ("Up"), its full name ("Move Paragraph 2 up") for screen readers. */
function Named({ full, short }: { full: string; short: string }) {
  return (
    <>
      <span className={styles.live}>{full}</span>
      <span aria-hidden="true">{short}</span>
    </>
  );
}

interface FormContext {
  label: string;
  titleId: string;
  fieldId: string;
  onChange: (block: Block) => void;
  onEnter: () => void;
}

function blockForm(block: Block, context: FormContext): ReactNode {
  switch (block.type) {
    case "paragraph":
      return <ParagraphForm block={block} {...context} />;
    case "quote":
      return <QuoteForm block={block} {...context} />;
    case "heading":
      return <HeadingForm block={block} {...context} />;
    case "correction":
      return <CorrectionForm block={block} {...context} />;
    case "image":
      return <PictureForm block={block} {...context} />;
    case "video":
      return <VideoForm block={block} {...context} />;
    case "related":
      return <RelatedForm block={block} {...context} />;
    case "embed":
      return <EmbeddedPostForm block={block} {...context} />;
    default:
      return null;
  }
}
