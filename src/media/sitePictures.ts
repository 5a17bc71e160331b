// Site pictures: the files under public/ that stories name by path ("/media/x.jpg"), and pictures
// uploaded into the media store ("/uploads/<id>.jpg", media/uploads.ts). Each is read and fully
// decoded once per process (per version of the file), which gives its version (a hash of its bytes
// and the pipeline's design) and its size, or a clear reason it cannot be used.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { resolve, sep } from "node:path";
import sharp from "sharp";
import type { MediaStore } from "./mediaStore";
import { uploadKey, uploadRecordKey } from "./uploadPaths";

/** Bumped when renditions are made differently, so their URLs (and every cache of them) change. */
export const PIPELINE_DESIGN = "1";

/** Formats a story's picture may be in: those every rendition can be made from. */
const READABLE = new Set(["jpeg", "png", "webp", "heif", "gif"]);

// One image at a time per libvips operation: the machine's cores serve pages too.
sharp.concurrency(1);
sharp.cache(false);

export class PictureError extends Error {
  override name = "PictureError";
}

export interface SitePicture {
  /** Its site path, and the file it names under public/ or its key in the media store (an upload). */
  src: string;
  file?: string;
  key?: string;
  version: string;
  width: number;
  height: number;
}

/** Whether `src` names a file of this site (a path), rather than an https URL. */
export const isSitePath = (src: string): boolean => src.startsWith("/") && !src.startsWith("//");

export class SitePictures {
  readonly #root: string;
  readonly #media: MediaStore | undefined;
  readonly #known = new Map<string, { stamp: string; picture: Promise<SitePicture> }>();

  constructor(publicDir: string, media?: MediaStore) {
    this.#root = resolve(publicDir);
    this.#media = media;
  }

  /** The file a site path names under the public folder, or a PictureError. */
  file(src: string): string {
    const path = src.split(/[?#]/)[0] ?? "";
    const file = resolve(this.#root, `.${path}`);
    if (path !== src || path.split("/").includes("..") || !file.startsWith(this.#root + sep))
      throw new PictureError(`picture ${src}: not a plain path to a file in the public folder`);
    return file;
  }

  /** The picture at a site path: its version and size, once its whole file has been decoded. */
  async read(src: string): Promise<SitePicture> {
    if (src.startsWith("/uploads/")) return this.#upload(src);
    const file = this.file(src);
    let stamp: string;
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new PictureError(`picture ${src}: not a file in the public folder`);
      stamp = `${info.size}:${info.mtimeMs}`;
    } catch (error) {
      if (error instanceof PictureError) throw error;
      throw new PictureError(`picture ${src}: no such file in the public folder`);
    }
    const known = this.#known.get(file);
    if (known?.stamp === stamp) return known.picture;
    const picture = readFile(file).then(async (bytes) => ({ ...(await decode(src, bytes)), file }));
    this.#known.set(file, { stamp, picture });
    picture.catch(() => this.#known.delete(file));
    return picture;
  }

  /** An uploaded picture: its key names its bytes for good (an upload is never replaced), so it is decoded once. */
  #upload(src: string): Promise<SitePicture> {
    const key = uploadKey(src);
    if (key === undefined) return Promise.reject(new PictureError(`picture ${src}: not the address of an upload`));
    const media = this.#media;
    if (!media) return Promise.reject(new PictureError(`picture ${src}: this program has no media store`));
    const known = this.#known.get(src);
    if (known) return known.picture;
    const picture = media.read(key).then(async (bytes) => {
      if (!bytes) throw new PictureError(`picture ${src}: no such upload in the media store`);
      return { ...(await decode(src, bytes)), key };
    });
    this.#known.set(src, { stamp: "", picture });
    picture.catch(() => this.#known.delete(src));
    return picture;
  }

  /** What an upload's uploader said of it (alt, caption, credit), or undefined for any other picture. */
  async uploadText(src: string): Promise<{ alt?: string; caption?: string; credit?: string } | undefined> {
    const id = uploadKey(src)?.match(/^uploads\/([0-9a-f]{32})\./)?.[1];
    const record = id && (await this.#media?.read(uploadRecordKey(id)));
    try {
      return record ? JSON.parse(record.toString("utf8")) : undefined;
    } catch {
      // A damaged record gives nothing: the story's own text stands, and alt is still required.
      return undefined;
    }
  }

  /** The picture's bytes, as long as they are still those of its version (a file may be replaced meanwhile). */
  async bytes(picture: SitePicture): Promise<Buffer> {
    const bytes = picture.key
      ? await this.#media?.read(picture.key)
      : picture.file
        ? await readFile(picture.file).catch(() => undefined)
        : undefined;
    if (!bytes || pictureVersion(bytes) !== picture.version)
      throw new PictureError(`picture ${picture.src}: its file changed or went while it was read; ask again`);
    return bytes;
  }
}

async function decode(src: string, bytes: Buffer): Promise<SitePicture> {
  let format: string | undefined;
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ format, width, height } = await sharp(bytes).metadata());
    // Every pixel, not only the header: a truncated or damaged file fails here, not on a reader's screen.
    await sharp(bytes, { failOn: "warning" }).resize(8).raw().toBuffer();
  } catch (error) {
    throw new PictureError(`picture ${src}: damaged or not a picture (${(error as Error).message.split("\n")[0]})`);
  }
  if (!format || !READABLE.has(format))
    throw new PictureError(
      `picture ${src}: a ${format ?? "unknown"} file; a story's picture is JPEG, PNG, WebP, AVIF or GIF`,
    );
  if (!width || !height) throw new PictureError(`picture ${src}: has no size`);
  return { src, version: pictureVersion(bytes), width, height };
}

/** A file's version: a hash of its bytes and the pipeline's design (16 hex digits). */
export const pictureVersion = (bytes: Buffer): string =>
  createHash("sha256").update(PIPELINE_DESIGN).update("\0").update(bytes).digest("hex").slice(0, 16);
