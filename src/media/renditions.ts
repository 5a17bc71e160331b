// Renditions of a site picture, derived by sharp (libvips) on libuv's threads, never the event
// loop's: a width in AVIF, WebP or JPEG, or a fixed crop. Each is derived once per server and kept
// in a folder, named by the source's version, so every process and server derives the same URL
// from the same file (docs/decisions/016-media-pipeline.md).
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import sharp from "sharp";
import { PICTURE_CROPS, PICTURE_FORMATS, type PictureCrop, type PictureFormat, pictureWidths } from "../model/picture";
import type { Block } from "../model/story";
import { isSitePath, pictureBytes, type SitePicture, type SitePictures } from "./sitePictures";

export interface RenditionSpec {
  width?: number | undefined;
  crop?: PictureCrop | undefined;
  format: PictureFormat;
}

const specName = (spec: RenditionSpec) => `${spec.crop ?? `w${spec.width}`}.${spec.format}`;

/** The rendition's bytes: the source resized (never enlarged) to a width, or cropped to a fixed box. */
export async function deriveRendition(bytes: Buffer, spec: RenditionSpec): Promise<Buffer> {
  let image = sharp(bytes).rotate();
  image = spec.crop
    ? // The crop keeps what libvips finds most salient; a smaller source is enlarged to the box.
      image.resize({ ...PICTURE_CROPS[spec.crop], fit: "cover", position: "attention" })
    : image.resize({ width: spec.width, withoutEnlargement: true });
  if (spec.format === "avif") image = image.avif({ quality: 55, effort: 2 });
  else if (spec.format === "webp") image = image.webp({ quality: 75 });
  else image = image.flatten({ background: "#ffffff" }).jpeg({ quality: 80, mozjpeg: true, progressive: true });
  return image.toBuffer();
}

/** Renditions kept in `dir`, derived at most two at a time, each once however many ask at once. */
export class RenditionCache {
  readonly #dir: string;
  readonly #deriving = new Map<string, Promise<Buffer>>();
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(dir: string) {
    this.#dir = dir;
  }

  async get(picture: SitePicture, spec: RenditionSpec): Promise<Buffer> {
    const file = join(this.#dir, picture.version, specName(spec));
    const under = this.#deriving.get(file);
    if (under) return under;
    try {
      return await readFile(file);
    } catch {
      // Not derived on this server yet.
    }
    const derived = this.#derive(picture, spec, file).finally(() => this.#deriving.delete(file));
    this.#deriving.set(file, derived);
    return derived;
  }

  async #derive(picture: SitePicture, spec: RenditionSpec, file: string): Promise<Buffer> {
    if (this.#running >= 2) await new Promise<void>((go) => this.#waiting.push(go));
    this.#running += 1;
    try {
      // The source is read again rather than kept: a process may see thousands of pictures.
      const bytes = await deriveRendition(await pictureBytes(picture), spec);
      // Written aside then renamed, so another process never reads half a file.
      await mkdir(join(this.#dir, picture.version), { recursive: true });
      const aside = `${file}.${randomBytes(6).toString("hex")}`;
      await writeFile(aside, bytes);
      await rename(aside, file);
      return bytes;
    } finally {
      this.#running -= 1;
      this.#waiting.shift()?.();
    }
  }
}

/** Every rendition a page, a share tag or JSON-LD names of a picture: its widths in each format, and its crops. */
export function renditionSpecs(width: number): RenditionSpec[] {
  const formats = Object.keys(PICTURE_FORMATS) as PictureFormat[];
  return [
    ...pictureWidths(width).flatMap((w) => formats.map((format) => ({ width: w, format }))),
    ...(Object.keys(PICTURE_CROPS) as PictureCrop[]).map((crop) => ({ crop, format: "jpg" as const })),
  ];
}

/**
 * Derives, one after another, every rendition of the site pictures named (those not kept yet), so
 * that readers rarely wait for one: after a publish, and for the latest stories when a server
 * starts. A picture that cannot be read is skipped (its page shows it as missing either way).
 */
export async function warmRenditions(srcs: Iterable<string>, pictures: SitePictures, cache: RenditionCache) {
  for (const src of new Set(srcs)) {
    const picture = await pictures.read(src).catch(() => undefined);
    if (!picture) continue;
    for (const spec of renditionSpecs(picture.width)) await cache.get(picture, spec).catch(() => undefined);
  }
}

/** The site pictures of stories (lead and body), for warmRenditions. */
export const sitePicturesOf = (stories: { image?: { src: string } | undefined; body?: Block[] }[]): string[] =>
  stories.flatMap((story) =>
    [story.image?.src, ...(story.body ?? []).map((b) => (b.type === "image" ? b.src : undefined))].filter(
      (src): src is string => src !== undefined && isSitePath(src),
    ),
  );
