// A picture of a story as a page shows it: for a site picture (one with a version), a <picture>
// offering its widths in AVIF and WebP with a JPEG srcset in the <img>; any other as it is. The
// <img> always carries the picture's width and height, so the layout never shifts as it loads.
import type { ImgHTMLAttributes } from "react";
import { preload } from "react-dom";
import { pictureSources, type VersionedPicture } from "../model/picture";
import styles from "./Picture.module.css";

type ImgProps = Omit<ImgHTMLAttributes<HTMLImageElement>, "src" | "srcSet" | "width" | "height" | "sizes" | "alt">;

export function Picture({
  image,
  sizes,
  alt,
  ...img
}: { image: VersionedPicture; sizes: string; alt: string } & ImgProps) {
  const set = pictureSources(image);
  // React preloads an <img> of high priority by itself, but not one inside a <picture> (the browser
  // picks among its sources): the first picture of a page is preloaded here, in the best format.
  // Only in the page the server writes: after a click in the browser the <img> is in the page as
  // soon as a preload would be, and a preload's request there only delays the new page's paint.
  const best = set?.sources[0];
  if (set && best && img.fetchPriority === "high" && import.meta.env.SSR)
    preload(set.src.replace(/\.jpg$/, ".avif"), {
      as: "image",
      type: best.type,
      imageSrcSet: best.srcSet,
      imageSizes: sizes,
      fetchPriority: "high",
    });
  if (!set) return <img src={image.src} alt={alt} width={image.width} height={image.height} {...img} />;
  return (
    <picture className={styles.picture}>
      {set.sources.map((source) => (
        <source key={source.type} type={source.type} srcSet={source.srcSet} sizes={sizes} />
      ))}
      <img
        src={set.src}
        srcSet={set.srcSet}
        sizes={sizes}
        alt={alt}
        width={image.width}
        height={image.height}
        {...img}
      />
    </picture>
  );
}
