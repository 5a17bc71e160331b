import type { Image } from "../model/story";
import styles from "./Story.module.css";

/** Under a picture: what it shows, and who made it. */
export function PictureCaption({ image }: { image: Pick<Image, "caption" | "credit"> }) {
  if (!image.caption && !image.credit) return null;
  return (
    <figcaption className={styles.caption}>
      {image.caption} {image.credit && <small>Picture: {image.credit}</small>}
    </figcaption>
  );
}
