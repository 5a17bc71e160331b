// Site pictures: the files under public/ that stories name by path ("/media/x.jpg"). Each is read
// and fully decoded once per process (per version of the file), which gives its version (a hash of
// its bytes and the pipeline's design) and its size, or a clear reason it cannot be used.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { resolve, sep } from "node:path";
import sharp from "sharp";

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
  /** Its site path, and the file it names. */
  src: string;
  file: string;
  version: string;
  width: number;
  height: number;
}

/** Whether `src` names a file of this site (a path), rather than an https URL. */
export const isSitePath = (src: string): boolean => src.startsWith("/") && !src.startsWith("//");

export class SitePictures {
  readonly #root: string;
  readonly #known = new Map<string, { stamp: string; picture: Promise<SitePicture> }>();

  constructor(publicDir: string) {
    this.#root = resolve(publicDir);
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
    const picture = decode(src, file);
    this.#known.set(file, { stamp, picture });
    picture.catch(() => this.#known.delete(file));
    return picture;
  }
}

async function decode(src: string, file: string): Promise<SitePicture> {
  const bytes = await readFile(file);
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
  return { src, file, version: pictureVersion(bytes), width, height };
}

/** A file's version: a hash of its bytes and the pipeline's design (16 hex digits). */
export const pictureVersion = (bytes: Buffer): string =>
  createHash("sha256").update(PIPELINE_DESIGN).update("\0").update(bytes).digest("hex").slice(0, 16);

/** The picture's bytes, as long as they are still those of its version (the file may be replaced meanwhile). */
export async function pictureBytes(picture: SitePicture): Promise<Buffer> {
  const bytes = await readFile(picture.file).catch(() => undefined);
  if (!bytes || pictureVersion(bytes) !== picture.version)
    throw new PictureError(`picture ${picture.src}: its file changed or went while it was read; ask again`);
  return bytes;
}
