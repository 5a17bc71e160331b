// The blocks that are text: a paragraph and a quote with their marks (MarkedText), a quote's cite,
// a heading, and a correction (its date set when it was added, and what was wrong).
import { useId } from "react";
import type { Block } from "../../model/story";
import { useWords } from "../../words/useWords";
import styles from "./blocks.module.css";
import { MarkedText } from "./MarkedText";

export interface BlockFormProps<T extends Block["type"]> {
  block: Extract<Block, { type: T }>;
  onChange: (block: Block) => void;
  /** What the block is called where it stands ("Paragraph 2"). */
  label: string;
  /** The id of the block's first field, so the block list can focus it. */
  fieldId: string;
  /** The id of the block's title, which names its main field. */
  titleId: string;
  /** Enter in the text: a new paragraph after this block. */
  onEnter: () => void;
}

export function ParagraphForm({ block, onChange, fieldId, titleId, onEnter }: BlockFormProps<"paragraph">) {
  return (
    <MarkedText
      id={fieldId}
      labelledBy={titleId}
      passage={block}
      onEnter={onEnter}
      onChange={({ text, runs }) => onChange(runs ? { type: "paragraph", text, runs } : { type: "paragraph", text })}
    />
  );
}

export function QuoteForm({ block, onChange, fieldId, titleId, onEnter }: BlockFormProps<"quote">) {
  const words = useWords();
  const { cite } = block;
  return (
    <>
      <MarkedText
        id={fieldId}
        labelledBy={titleId}
        passage={block}
        onEnter={onEnter}
        onChange={({ text, runs }) =>
          onChange({ type: "quote", text, ...(runs ? { runs } : {}), ...(cite !== undefined ? { cite } : {}) })
        }
      />
      <label className={styles.field}>
        <span className={styles.label}>{words.text("newsroom.cite")}</span>
        <input value={cite ?? ""} onChange={(event) => onChange({ ...block, cite: event.target.value })} />
      </label>
    </>
  );
}

export function HeadingForm({ block, onChange, fieldId, titleId }: BlockFormProps<"heading">) {
  return (
    <input
      id={fieldId}
      className={styles.line}
      aria-labelledby={titleId}
      value={block.text}
      onChange={(event) => onChange({ ...block, text: event.target.value })}
    />
  );
}

export function CorrectionForm({ block, onChange, fieldId, titleId }: BlockFormProps<"correction">) {
  const words = useWords();
  const dated = useId();
  return (
    <div className={styles.field}>
      <span id={dated} className={styles.hint}>
        {words.text("newsroom.correctionDated", { time: words.time(block.date) })}
      </span>
      <textarea
        id={fieldId}
        className={styles.line}
        aria-labelledby={titleId}
        aria-describedby={dated}
        rows={3}
        value={block.text}
        onChange={(event) => onChange({ ...block, text: event.target.value })}
      />
    </div>
  );
}
