// A video: a title, and its picture and sound either uploaded (the server remuxes it and makes its
// poster, decision 039) or a YouTube video named by its id or its address.
import { useId } from "react";
import { useWords } from "../../words/useWords";
import styles from "./blocks.module.css";
import type { BlockFormProps } from "./TextBlocks";
import { Upload } from "./Upload";

/** The id in a YouTube address (watch?v=, youtu.be/, /embed/, /shorts/), or the text itself if it is an id. */
export function youTubeId(text: string): string | null {
  const value = text.trim();
  if (/^[\w-]{11}$/.test(value)) return value;
  if (!URL.canParse(value)) return null;
  const url = new URL(value);
  const host = url.hostname.replace(/^(www|m)\./, "");
  const id =
    host === "youtu.be"
      ? url.pathname.slice(1)
      : host === "youtube.com" || host === "youtube-nocookie.com"
        ? (url.searchParams.get("v") ?? url.pathname.split("/")[2] ?? "")
        : "";
  return /^[\w-]{11}$/.test(id) ? id : null;
}

export function VideoForm({ block, onChange, label, fieldId }: BlockFormProps<"video">) {
  const words = useWords();
  const youTubeHint = useId();
  const source = block.sources[0];
  const youTube = source?.type === "video/youtube" ? source.src : "";
  const noTitle = block.title.trim() === "";

  return (
    <>
      <label className={styles.field}>
        <span className={styles.label}>{words.text("newsroom.videoTitle", { label })}</span>
        <input
          id={fieldId}
          value={block.title}
          required
          aria-invalid={noTitle}
          onChange={(event) => onChange({ ...block, title: event.target.value })}
        />
      </label>
      {source && source.type !== "video/youtube" ? (
        <p className={styles.hint}>{words.text("newsroom.videoUploaded", { file: source.src })}</p>
      ) : (
        <Upload
          label={words.text("newsroom.videoFile")}
          dropHint={words.text("newsroom.videoDrop")}
          accept="video/mp4,video/webm"
          fieldId={`${fieldId}-file`}
          onUploaded={(record) => {
            const { poster: _poster, ...rest } = block;
            onChange({
              ...rest,
              sources: [{ type: record.type as "video/mp4" | "video/webm", src: record.src }],
              ...(record.poster ? { poster: record.poster } : {}),
              width: record.width,
              height: record.height,
            });
          }}
        />
      )}
      <label className={styles.field}>
        <span className={styles.label}>{words.text("newsroom.youTube")}</span>
        <input
          defaultValue={youTube}
          aria-describedby={youTubeHint}
          onChange={(event) => {
            const id = youTubeId(event.target.value);
            const { poster: _p, width: _w, height: _h, ...rest } = block;
            if (id) onChange({ ...rest, sources: [{ type: "video/youtube", src: id }] });
            else if (event.target.value.trim() === "" && youTube) onChange({ ...rest, sources: [] });
          }}
        />
        <span id={youTubeHint} className={styles.hint}>
          {words.text(youTube ? "newsroom.youTubeSet" : "newsroom.youTubeHint", { id: youTube })}
        </span>
      </label>
    </>
  );
}
