import type { Image } from "../model/story";
import { useWords } from "../words/useWords";
import styles from "./Story.module.css";

/** Under a picture: what it shows, and who made it. */
export function PictureCaption({ image }: { image: Pick<Image, "caption" | "credit"> }) {
  const words = useWords();
  if (!image.caption && !image.credit) return null;
  return (
    <figcaption className={styles.caption}>
      {image.caption} {image.credit && <small>{words.text("story.pictureCredit", { credit: image.credit })}</small>}
    </figcaption>
  );
}
