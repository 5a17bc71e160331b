// Renditions of a site picture, derived by sharp (libvips) on libuv's threads, never the event
// loop's: a width in AVIF, WebP or JPEG, or a fixed crop. Each is derived once and kept in the
// media store, named by the source's version, so every process and server finds what any of them
// derived (docs/decisions/016-media-pipeline.md, 039-media-store.md).
import sharp, { type Sharp } from "sharp";
import {
  cropName,
  PICTURE_CROPS,
  PICTURE_FORMATS,
  type PictureCrop,
  type PictureFocus,
  type PictureFormat,
  pictureWidths,
} from "../model/picture";
import type { Block } from "../model/story";
import type { MediaStore } from "./mediaStore";
import { isSitePath, type SitePicture, type SitePictures } from "./sitePictures";

export interface RenditionSpec {
  width?: number | undefined;
  crop?: PictureCrop | undefined;
  /** The point a crop keeps in view. */
  focus?: PictureFocus | undefined;
  format: PictureFormat;
}

const specName = (spec: RenditionSpec) =>
  `${spec.crop ? cropName(spec.crop, spec.focus) : `w${spec.width}`}.${spec.format}`;

/** The rendition's bytes: the source resized (never enlarged) to a width, or cropped to a fixed box. */
export async function deriveRendition(bytes: Buffer, spec: RenditionSpec): Promise<Buffer> {
  let image = sharp(bytes).rotate();
  if (spec.crop && spec.focus) image = await focusedCrop(image, PICTURE_CROPS[spec.crop], spec.focus);
  else
    image = spec.crop
      ? // The crop keeps what libvips finds most salient; a smaller source is enlarged to the box.
        image.resize({ ...PICTURE_CROPS[spec.crop], fit: "cover", position: "attention" })
      : image.resize({ width: spec.width, withoutEnlargement: true });
  if (spec.format === "avif") image = image.avif({ quality: 55, effort: 2 });
  else if (spec.format === "webp") image = image.webp({ quality: 75 });
  else image = image.flatten({ background: "#ffffff" }).jpeg({ quality: 80, mozjpeg: true, progressive: true });
  return image.toBuffer();
}

/**
 * The picture scaled to cover the box, then the box cut around the focus, as near its middle as the
 * picture's edges allow (a focus at the very edge keeps that edge).
 */
async function focusedCrop(image: Sharp, box: { width: number; height: number }, focus: PictureFocus): Promise<Sharp> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  const scale = Math.max(box.width / info.width, box.height / info.height);
  const width = Math.max(box.width, Math.round(info.width * scale));
  const height = Math.max(box.height, Math.round(info.height * scale));
  const within = (at: number, size: number, room: number) =>
    Math.min(Math.max(0, Math.round(at * size - room / 2)), size - room);
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const scaled = await sharp(data, { raw }).resize(width, height).raw().toBuffer();
  return sharp(scaled, { raw: { ...raw, width, height } }).extract({
    left: within(focus.x, width, box.width),
    top: within(focus.y, height, box.height),
    width: box.width,
    height: box.height,
  });
}

/** The media store's key of a rendition: `renditions/<version>/<w640|og…>.<format>`. */
export const renditionKey = (version: string, spec: RenditionSpec) => `renditions/${version}/${specName(spec)}`;

/** Renditions kept in the media store, derived at most two at a time per process, each once however many ask at once. */
export class RenditionCache {
  readonly #media: MediaStore;
  readonly #pictures: SitePictures;
  readonly #deriving = new Map<string, Promise<Buffer>>();
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(media: MediaStore, pictures: SitePictures) {
    this.#media = media;
    this.#pictures = pictures;
  }

  async get(picture: SitePicture, spec: RenditionSpec): Promise<Buffer> {
    const key = renditionKey(picture.version, spec);
    const under = this.#deriving.get(key);
    if (under) return under;
    // Derived already, by this server or another on the same store.
    const kept = await this.#media.read(key);
    if (kept) return kept;
    const derived = this.#derive(picture, spec, key).finally(() => this.#deriving.delete(key));
    this.#deriving.set(key, derived);
    return derived;
  }

  async #derive(picture: SitePicture, spec: RenditionSpec, key: string): Promise<Buffer> {
    if (this.#running >= 2) await new Promise<void>((go) => this.#waiting.push(go));
    this.#running += 1;
    try {
      // The source is read again rather than kept: a process may see thousands of pictures.
      const bytes = await deriveRendition(await this.#pictures.bytes(picture), spec);
      // Two servers deriving the same rendition at once write the same bytes: either write may win.
      await this.#media.put(key, bytes, PICTURE_FORMATS[spec.format]);
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
