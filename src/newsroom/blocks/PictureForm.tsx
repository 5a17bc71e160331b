// A picture: uploaded or dropped, then described. Alt text is required, and the editor says so as
// soon as a picture has none (the server refuses to publish one without it, decision 039); the
// caption takes marks and links like a paragraph; the credit is plain.
import { useEffect, useId, useRef } from "react";
import type { Block } from "../../model/story";
import { useWords } from "../../words/useWords";
import styles from "./blocks.module.css";
import { FocusPoint } from "./FocusPoint";
import { MarkedText } from "./MarkedText";
import type { BlockFormProps } from "./TextBlocks";
import { Upload } from "./Upload";

type Picture = Extract<Block, { type: "image" }>;

export function PictureForm({ block, onChange, label, fieldId }: BlockFormProps<"image">) {
  const words = useWords();
  const altHint = useId();
  const set = (change: Partial<Picture>) => onChange({ ...block, ...change });
  // Once a picture arrives, the focus moves on to describing it (the file input it came through is gone).
  const uploaded = useRef(false);
  const altInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (block.src && uploaded.current) altInput.current?.focus();
    uploaded.current = false;
  }, [block.src]);

  if (!block.src)
    return (
      <Upload
        label={words.text("newsroom.pictureFile", { label })}
        dropHint={words.text("newsroom.pictureDrop")}
        accept="image/jpeg,image/png,image/webp,image/gif"
        fieldId={fieldId}
        onUploaded={(record) => {
          uploaded.current = true;
          set({
            src: record.src,
            width: record.width,
            height: record.height,
            alt: block.alt || record.alt,
          });
        }}
      />
    );

  const noAlt = block.alt.trim() === "";
  return (
    <>
      <FocusPoint picture={block} onChange={(focus) => set({ focus })} />
      <label className={styles.field}>
        <span className={styles.label}>{words.text("newsroom.alt")}</span>
        <input
          ref={altInput}
          id={fieldId}
          value={block.alt}
          required
          aria-invalid={noAlt}
          aria-describedby={altHint}
          onChange={(event) => set({ alt: event.target.value })}
        />
        <span id={altHint} className={noAlt ? styles.problem : styles.hint}>
          {words.text(noAlt ? "newsroom.altMissing" : "newsroom.altHint")}
        </span>
      </label>
      <MarkedText
        label={words.text("newsroom.caption")}
        passage={{ text: block.caption ?? "", ...(block.captionRuns ? { runs: block.captionRuns } : {}) }}
        onChange={({ text, runs }) => {
          const { caption: _caption, captionRuns: _runs, ...rest } = block;
          onChange({ ...rest, caption: text, ...(runs ? { captionRuns: runs } : {}) });
        }}
      />
      <label className={styles.field}>
        <span className={styles.label}>{words.text("newsroom.credit")}</span>
        <input value={block.credit ?? ""} onChange={(event) => set({ credit: event.target.value })} />
      </label>
    </>
  );
}
