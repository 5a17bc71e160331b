// A picture's focus: the point its crops (the share image, the square and the 4:3 and 16:9 ones)
// keep in view. Chosen by clicking the picture, or by two fields in percent for the keyboard; a
// dot shows it. None chosen: the crops keep what the server finds most salient.
import type { PictureFocus } from "../../model/picture";
import { useWords } from "../../words/useWords";
import styles from "./blocks.module.css";

interface FocusPointProps {
  picture: { src: string; width: number; height: number; focus?: PictureFocus | undefined };
  onChange: (focus: PictureFocus) => void;
}

const percent = (share: number) => Math.round(share * 100);
const share = (value: string) => Math.min(100, Math.max(0, Number(value) || 0)) / 100;

export function FocusPoint({ picture, onChange }: FocusPointProps) {
  const words = useWords();
  const focus = picture.focus;
  return (
    <>
      {/* The picture's own left and top, whatever the page's direction. */}
      <div className={styles.frame} dir="ltr">
        {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the fields below set the same point by keyboard. */}
        <img
          className={styles.preview}
          src={picture.src}
          alt=""
          width={picture.width}
          height={picture.height}
          onClick={(event) => {
            const box = event.currentTarget.getBoundingClientRect();
            onChange({
              x: Math.round(((event.clientX - box.left) / box.width) * 100) / 100,
              y: Math.round(((event.clientY - box.top) / box.height) * 100) / 100,
            });
          }}
        />
        {focus ? (
          <span
            className={styles.focusDot}
            style={{ insetInlineStart: `${percent(focus.x)}%`, insetBlockStart: `${percent(focus.y)}%` }}
          />
        ) : null}
      </div>
      <p className={styles.hint}>{words.text("newsroom.focusHint")}</p>
      <div className={styles.row}>
        <label className={styles.field}>
          <span>{words.text("newsroom.focusAcross")}</span>
          <input
            type="number"
            min={0}
            max={100}
            value={focus ? percent(focus.x) : ""}
            onChange={(event) => onChange({ x: share(event.target.value), y: focus?.y ?? 0.5 })}
          />
        </label>
        <label className={styles.field}>
          <span>{words.text("newsroom.focusDown")}</span>
          <input
            type="number"
            min={0}
            max={100}
            value={focus ? percent(focus.y) : ""}
            onChange={(event) => onChange({ x: focus?.x ?? 0.5, y: share(event.target.value) })}
          />
        </label>
      </div>
    </>
  );
}
