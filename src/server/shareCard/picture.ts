// The picture a card shows, read from the site's public folder: only local JPEG or PNG files of a
// sane size, never a path outside the folder, never a URL.
import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import { imageSize } from "image-size";
import type { Story, VideoBlock } from "../../model/story";

// Pictures beyond these are not worth decoding for a card (and could exhaust memory).
const MAX_PICTURE_BYTES = 8 * 1024 * 1024;
const MAX_PICTURE_SIDE = 8000;

/** Where a card may take its picture from: the lead image first, then the poster of the first video. */
export function sharePictureSources(story: Story): string[] {
  const video = story.body.find((block): block is VideoBlock => block.type === "video" && block.poster !== undefined);
  return [story.image?.src, video?.poster].filter((src): src is string => src !== undefined);
}

export async function firstReadablePicture(sources: string[], publicDir: string): Promise<string | undefined> {
  for (const src of sources) {
    const dataUrl = await readPublicPicture(publicDir, src);
    if (dataUrl) return dataUrl;
  }
  return undefined;
}

/** A JPEG or PNG from the public folder as a data URL; undefined for anything else, missing or too big. */
export async function readPublicPicture(publicDir: string, src: string): Promise<string | undefined> {
  const path = publicFilePath(publicDir, src);
  if (!path) return undefined;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_PICTURE_BYTES) return undefined;
    const { type, width, height } = imageSize(bytes);
    if (Math.max(width, height) > MAX_PICTURE_SIDE) return undefined;
    const mime = type === "jpg" ? "image/jpeg" : type === "png" ? "image/png" : undefined;
    return mime && `data:${mime};base64,${bytes.toString("base64")}`;
  } catch {
    return undefined;
  }
}

/** The file a site path ("/media/x.jpg") names inside the public folder; never a path outside it, never a URL. */
function publicFilePath(publicDir: string, src: string): string | undefined {
  if (!src.startsWith("/") || src.startsWith("//")) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(src, "http://site.invalid").pathname);
  } catch {
    return undefined;
  }
  const root = resolve(publicDir);
  const path = resolve(root, `.${pathname}`);
  return path.startsWith(root + sep) ? path : undefined;
}
