// The addresses of uploaded media: `/uploads/<id>.<ext>` (and a video's poster,
// `/uploads/<id>-poster.jpg`), each the key `uploads/<id>.<ext>` in the media store. An id is the
// first 32 hex digits of SHA-256 over the stored bytes, so an address names its bytes for good.
export const UPLOAD_TYPES = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
  mp4: "video/mp4",
  webm: "video/webm",
  json: "application/json",
} as const;

export type UploadExtension = keyof typeof UPLOAD_TYPES;

const UPLOAD_PATH = /^\/uploads\/([0-9a-f]{32}(?:-poster)?\.(jpg|png|webp|gif|avif|mp4|webm))$/;

/** The media store's key for an upload's address, or undefined when it is not one. */
export function uploadKey(src: string): string | undefined {
  const name = UPLOAD_PATH.exec(src)?.[1];
  return name === undefined ? undefined : `uploads/${name}`;
}

/** An upload's content type, from its address. */
export const uploadType = (src: string): string =>
  UPLOAD_TYPES[(src.split(".").pop() ?? "") as UploadExtension] ?? "application/octet-stream";

/** The key of an upload's record (what it is, its alt text, caption and credit). */
export const uploadRecordKey = (id: string): string => `uploads/${id}.json`;
