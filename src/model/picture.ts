// The renditions of a site picture (one under public/, e.g. /media/x.jpg): what a page, a share
// tag or an oEmbed answer names, and what the server derives on request (src/media/). A picture
// carries a `version` once the server has read its file (at import or publish): the first 16 hex
// digits of a hash of its bytes and the pipeline's design, so a rendition's URL names its bytes
// and may be cached for ever. Pictures elsewhere (https URLs) carry none and are used as they are.

/** The widths offered in a srcset, when the source is at least as wide (never enlarged). */
export const PICTURE_WIDTHS = [320, 640, 960, 1280, 1600] as const;
const WIDEST = 1600;

/** Fixed crops: the share image (platforms show 1.91:1) and the three ratios Google asks for. */
export const PICTURE_CROPS = {
  og: { width: 1200, height: 630 },
  "16x9": { width: 1200, height: 675 },
  "4x3": { width: 1200, height: 900 },
  "1x1": { width: 1200, height: 1200 },
} as const;
export type PictureCrop = keyof typeof PICTURE_CROPS;
export const STRUCTURED_DATA_CROPS = ["16x9", "4x3", "1x1"] as const satisfies readonly PictureCrop[];

/** Rendition formats, best first: a browser takes the first `<source>` it can show. */
export const PICTURE_FORMATS = { avif: "image/avif", webp: "image/webp", jpg: "image/jpeg" } as const;
export type PictureFormat = keyof typeof PICTURE_FORMATS;

/** The point of a picture its crops keep in view: 0 to 1 across and down (0.5, 0.5 is the middle). */
export interface PictureFocus {
  x: number;
  y: number;
}

/** A crop's name in a rendition's address: `og`, or `og-f25-70` when it keeps a focus (in percent). */
export const cropName = (crop: PictureCrop, focus?: PictureFocus | undefined): string =>
  focus ? `${crop}-f${Math.round(focus.x * 100)}-${Math.round(focus.y * 100)}` : crop;

export interface VersionedPicture {
  src: string;
  width: number;
  height: number;
  version?: string | undefined;
}

export const PICTURE_VERSION = /^[0-9a-f]{16}$/;

/** The widths of a source `width` pixels wide: those listed below it, and its own (up to 1600). */
export function pictureWidths(width: number): number[] {
  const top = Math.min(width, WIDEST);
  return [...PICTURE_WIDTHS.filter((w) => w < top), top];
}

/** A rendition's height at `width`, keeping the source's shape. */
export const heightAt = (picture: { width: number; height: number }, width: number): number =>
  Math.max(1, Math.round((picture.height * width) / picture.width));

/** `/img/media/x.jpg/<version>/w640.avif` or `/img/media/x.jpg/<version>/og.jpg`. */
export function renditionPath(picture: { src: string; version: string }, name: string, format: PictureFormat): string {
  return `/img${picture.src}/${picture.version}/${name}.${format}`;
}

/** What a rendition URL names, or undefined when it is not one. */
export function parseRenditionPath(
  path: string,
):
  | { src: string; version: string; width?: number; crop?: PictureCrop; focus?: PictureFocus; format: PictureFormat }
  | undefined {
  const match =
    /^\/img(\/.+)\/([0-9a-f]{16})\/(?:w(\d{2,4})|(og|16x9|4x3|1x1)(?:-f(\d{1,3})-(\d{1,3}))?)\.(avif|webp|jpg)$/.exec(
      path,
    );
  if (!match) return undefined;
  const [, src = "", version = "", width, crop, x, y, format] = match;
  if (Number(x ?? 0) > 100 || Number(y ?? 0) > 100) return undefined;
  return {
    src,
    version,
    ...(width ? { width: Number(width) } : {}),
    ...(crop ? { crop: crop as PictureCrop } : {}),
    ...(x !== undefined && y !== undefined ? { focus: { x: Number(x) / 100, y: Number(y) / 100 } } : {}),
    format: format as PictureFormat,
  };
}

export interface PictureSources {
  /** One `<source>` per modern format. */
  sources: { type: string; srcSet: string }[];
  /** The `<img>`'s JPEG srcset and fallback src. */
  srcSet: string;
  src: string;
}

/** A versioned picture's srcsets, or undefined for a picture used as it is. */
export function pictureSources(picture: VersionedPicture): PictureSources | undefined {
  const { version } = picture;
  if (!version) return undefined;
  const widths = pictureWidths(picture.width);
  const srcSet = (format: PictureFormat) =>
    widths.map((w) => `${renditionPath({ src: picture.src, version }, `w${w}`, format)} ${w}w`).join(", ");
  const fallback = widths.filter((w) => w <= 960).at(-1) ?? widths[0] ?? picture.width;
  return {
    sources: (["avif", "webp"] as const).map((format) => ({ type: PICTURE_FORMATS[format], srcSet: srcSet(format) })),
    srcSet: srcSet("jpg"),
    src: renditionPath({ src: picture.src, version }, `w${fallback}`, "jpg"),
  };
}

/** A crop's path, for a versioned picture: centred on its focus when it has one. */
export const cropPath = (
  picture: { src: string; version: string; focus?: PictureFocus | undefined },
  crop: PictureCrop,
): string => renditionPath(picture, cropName(crop, picture.focus), "jpg");

/** Every URL a page may load for a picture: each candidate of its srcsets, or its src as it is. */
export function pictureUrls(picture: VersionedPicture): string[] {
  const set = pictureSources(picture);
  if (!set) return [picture.src];
  const candidates = [...set.sources.map((s) => s.srcSet), set.srcSet].flatMap((srcSet) =>
    srcSet.split(", ").map((candidate) => candidate.split(" ")[0] ?? ""),
  );
  return [...new Set([...candidates, set.src])];
}
