// An upload taken in: a file already streamed to this server's disk is told apart by its content
// (sharp for pictures, ffprobe for video; never its name or the client's content type), made safe
// to publish (a picture is re-encoded upright without its EXIF, GPS included; a video is remuxed
// without its metadata and given a poster frame), and written to the media store under its
// hash, its record last: an upload that fails leaves no record (docs/decisions/039-media-store.md).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import sharp, { type Metadata, type OutputInfo, type Sharp } from "sharp";
import type { MediaStore } from "./mediaStore";
import { UPLOAD_TYPES, type UploadExtension, uploadRecordKey } from "./uploadPaths";

const run = promisify(execFile);

export class UploadError extends Error {
  override name = "UploadError";
  constructor(
    readonly kind: "too_large" | "unsupported" | "invalid",
    message: string,
  ) {
    super(message);
  }
}

/** The largest picture and video an upload may be, in bytes (MEDIA_MAX_PICTURE_MB, MEDIA_MAX_VIDEO_MB). */
export interface UploadLimits {
  pictureBytes: number;
  videoBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { pictureBytes: 25 * 1024 * 1024, videoBytes: 500 * 1024 * 1024 };

/** What the uploader says of it: what it shows (alt), and the caption and credit set under it. */
export interface UploadText {
  alt: string;
  caption?: string | undefined;
  credit?: string | undefined;
}

/** An upload as stored, and as POST /api/media answers it. */
export interface UploadRecord extends UploadText {
  id: string;
  kind: "picture" | "video";
  src: string;
  type: string;
  width: number;
  height: number;
  /** A video's poster frame, itself an uploaded picture. */
  poster?: string;
  bytes: number;
  uploadedAt: string;
}

/** Picture formats taken, as sharp names them, and how each is written back (metadata dropped). */
const PICTURES: Record<string, { ext: UploadExtension; encode: (image: Sharp) => Sharp }> = {
  jpeg: { ext: "jpg", encode: (image) => image.jpeg({ quality: 90, mozjpeg: true }) },
  png: { ext: "png", encode: (image) => image.png() },
  webp: { ext: "webp", encode: (image) => image.webp({ quality: 90 }) },
  gif: { ext: "gif", encode: (image) => image.gif() },
};

const uploadId = (hash: ReturnType<typeof createHash>) => hash.digest("hex").slice(0, 32);

/** Takes the file at `file` (in `workDir`, which the caller removes) into the media store, or throws an UploadError. */
export async function takeUpload(
  file: string,
  workDir: string,
  text: UploadText,
  media: MediaStore,
  limits: UploadLimits,
  now: Date,
): Promise<UploadRecord> {
  const size = (await stat(file)).size;
  if (size === 0) throw new UploadError("invalid", "The file is empty.");
  // The header only, whatever size it claims: takePicture refuses too many pixels by name.
  const picture = await sharp(file, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  const stored = picture
    ? await takePicture(file, picture, size, media, limits)
    : await takeVideo(file, workDir, size, media, limits);
  const record: UploadRecord = { ...stored, ...text, uploadedAt: now.toISOString() };
  // The record last: until it is written the upload does not exist (a failure leaves only unnamed bytes).
  await media.put(uploadRecordKey(record.id), Buffer.from(JSON.stringify(record)), UPLOAD_TYPES.json);
  return record;
}

type Stored = Omit<UploadRecord, keyof UploadText | "uploadedAt">;

/**
 * The most pixels a picture may have (all frames of a GIF together): a few kilobytes of PNG can
 * claim a picture that takes gigabytes to decode. 60 megapixels is above a phone's 48.
 */
export const MAX_PICTURE_PIXELS = 60_000_000;

async function takePicture(
  file: string,
  meta: Metadata,
  size: number,
  media: MediaStore,
  limits: UploadLimits,
): Promise<Stored> {
  const { format, width = 0, height: frameHeight = 0, pages = 1 } = meta;
  const kind = PICTURES[format];
  if (!kind) throw new UploadError("unsupported", `A ${format} file: a picture must be JPEG, PNG, WebP or GIF.`);
  if (size > limits.pictureBytes)
    throw new UploadError("too_large", `The picture is ${mb(size)}; pictures may be up to ${mb(limits.pictureBytes)}.`);
  if (width * frameHeight * pages > MAX_PICTURE_PIXELS)
    throw new UploadError(
      "too_large",
      `The picture is ${width}×${frameHeight * pages} pixels; pictures may have up to ${MAX_PICTURE_PIXELS / 1_000_000} megapixels.`,
    );
  let bytes: Buffer;
  let info: OutputInfo;
  try {
    // Turned upright by its EXIF orientation, then written without any metadata (sharp keeps none unless asked).
    const animated = format === "gif";
    const image = sharp(file, { failOn: "warning", animated, limitInputPixels: MAX_PICTURE_PIXELS }).rotate();
    ({ data: bytes, info } = await kind.encode(image).toBuffer({ resolveWithObject: true }));
  } catch (error) {
    throw new UploadError("invalid", `The picture is damaged (${(error as Error).message.split("\n")[0]}).`);
  }
  const id = uploadId(createHash("sha256").update(bytes));
  const src = `/uploads/${id}.${kind.ext}`;
  await media.put(src.slice(1), bytes, UPLOAD_TYPES[kind.ext]);
  const height = info.pageHeight ?? info.height;
  return { id, kind: "picture", src, type: UPLOAD_TYPES[kind.ext], width: info.width, height, bytes: bytes.length };
}

interface Probe {
  format?: { format_name?: string; duration?: string; tags?: { major_brand?: string } };
  streams?: { codec_type?: string; codec_name?: string; width?: number; height?: number }[];
}

/** Video containers taken: the format ffprobe finds, and the codecs the web plays in it. */
const VIDEOS = {
  mp4: { formats: "mov,mp4,m4a,3gp,3g2,mj2", codecs: ["h264", "hevc", "av1", "vp9"], ffmpeg: "mp4" },
  webm: { formats: "matroska,webm", codecs: ["vp8", "vp9", "av1"], ffmpeg: "webm" },
} as const;

async function takeVideo(
  file: string,
  workDir: string,
  size: number,
  media: MediaStore,
  limits: UploadLimits,
): Promise<Stored> {
  const unsupported = new UploadError(
    "unsupported",
    "The file is neither a picture (JPEG, PNG, WebP, GIF) nor a video (MP4, WebM).",
  );
  const probe = await run("ffprobe", ["-v", "error", "-show_format", "-show_streams", "-of", "json", file], {
    timeout: 30_000,
  }).then(
    ({ stdout }) => JSON.parse(stdout) as Probe,
    () => undefined,
  );
  if (!probe?.format) throw unsupported;
  const video = probe.streams?.find((stream) => stream.codec_type === "video");
  // QuickTime shares MP4's demuxer; its brand tells it apart.
  const brand = probe.format.tags?.major_brand?.trim();
  const ext = (Object.keys(VIDEOS) as (keyof typeof VIDEOS)[]).find(
    (name) =>
      probe.format?.format_name === VIDEOS[name].formats &&
      (VIDEOS[name].codecs as readonly string[]).includes(video?.codec_name ?? "") &&
      !(name === "mp4" && brand === "qt"),
  );
  if (!ext || !video?.width || !video.height) throw unsupported;
  if (size > limits.videoBytes)
    throw new UploadError("too_large", `The video is ${mb(size)}; videos may be up to ${mb(limits.videoBytes)}.`);
  // Remuxed, not re-encoded: the same pictures and sound, without the file's metadata (a phone's
  // location among it), and an MP4's index at its start so a player can begin before the end arrives.
  const clean = join(workDir, `clean.${ext}`);
  const remux = ["-v", "error", "-i", file, "-map", "0:v:0", "-map", "0:a:0?", "-c", "copy"];
  const strip = ["-map_metadata", "-1", "-map_chapters", "-1", "-fflags", "+bitexact"];
  const faststart = ext === "mp4" ? ["-movflags", "+faststart"] : [];
  try {
    await run("ffmpeg", [...remux, ...strip, ...faststart, "-f", VIDEOS[ext].ffmpeg, clean], { timeout: 300_000 });
  } catch (error) {
    throw new UploadError("invalid", `The video could not be read through (${firstLine(error)}).`);
  }
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(clean)) hash.update(chunk as Buffer);
  const id = uploadId(hash);
  const poster = await posterFrame(clean, workDir, Number(probe.format.duration ?? 0));
  const src = `/uploads/${id}.${ext}`;
  const posterSrc = `/uploads/${id}-poster.jpg`;
  await media.put(src.slice(1), { file: clean }, UPLOAD_TYPES[ext]);
  await media.put(posterSrc.slice(1), poster, UPLOAD_TYPES.jpg);
  return {
    id,
    kind: "video",
    src,
    type: UPLOAD_TYPES[ext],
    width: video.width,
    height: video.height,
    poster: posterSrc,
    bytes: (await stat(clean)).size,
  };
}

/** A frame a second in (or halfway through a shorter video) as a JPEG without metadata. */
async function posterFrame(video: string, workDir: string, duration: number): Promise<Buffer> {
  const at = Number.isFinite(duration) && duration > 0 ? Math.min(1, duration / 2) : 0;
  const frame = join(workDir, "poster.png");
  try {
    await run("ffmpeg", ["-v", "error", "-ss", String(at), "-i", video, "-frames:v", "1", "-f", "image2", frame], {
      timeout: 60_000,
    });
    return await sharp(await readFile(frame))
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer();
  } catch (error) {
    throw new UploadError("invalid", `No frame of the video could be read for its poster (${firstLine(error)}).`);
  }
}

const firstLine = (error: unknown) =>
  String((error as { stderr?: string }).stderr || (error as Error).message)
    .trim()
    .split("\n")[0];

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
