// A file chosen or dropped, uploaded through POST /api/media: the one way a picture or a video
// reaches a block. Says it is uploading, and why the server refused a file.
import { type ReactNode, useId, useState } from "react";
import { useWords } from "../../words/useWords";
import { type UploadRecord, UploadRefused, upload } from "./blockApi";
import styles from "./blocks.module.css";

interface UploadProps {
  /** The file input's label. */
  label: string;
  /** What the drop zone says. */
  dropHint: string;
  accept: string;
  fieldId: string;
  onUploaded: (record: UploadRecord) => void;
  children?: ReactNode;
}

export function Upload({ label, dropHint, accept, fieldId, onUploaded, children }: UploadProps) {
  const words = useWords();
  const [state, setState] = useState<"idle" | "uploading">("idle");
  const [problem, setProblem] = useState("");
  const [over, setOver] = useState(false);
  const hintId = useId();

  const send = async (file: File | undefined) => {
    if (!file) return;
    setState("uploading");
    setProblem("");
    try {
      onUploaded(await upload(file));
    } catch (error) {
      setProblem(
        error instanceof UploadRefused
          ? words.text("newsroom.uploadRefused", { reason: error.message })
          : words.text("newsroom.failed"),
      );
    } finally {
      setState("idle");
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is the pointer's way; the file input inside is the keyboard's.
    <div
      className={styles.drop}
      data-over={over}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        if (!event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setOver(false);
        void send(event.dataTransfer.files[0]);
      }}
    >
      <label className={styles.field}>
        <span className={styles.label}>{label}</span>
        <input
          id={fieldId}
          type="file"
          accept={accept}
          aria-describedby={hintId}
          disabled={state === "uploading"}
          onChange={(event) => void send(event.target.files?.[0])}
        />
      </label>
      <p id={hintId} className={styles.hint}>
        {dropHint}
      </p>
      {children}
      <p role="status" className={styles.hint}>
        {state === "uploading" ? words.text("newsroom.uploading") : ""}
      </p>
      <p role="alert" className={styles.problem}>
        {problem}
      </p>
    </div>
  );
}
