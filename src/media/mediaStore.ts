// Where uploaded media and every picture's renditions live, for every server at once: a folder
// (the default, data/media) or an S3-compatible bucket, behind one interface, chosen by MEDIA_URL
// (docs/decisions/039-media-store.md). Keys are paths such as `uploads/<id>.jpg` or
// `renditions/<version>/w640.avif`; an object is written whole, so no reader sees half of one.
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";

/** An object as it is read: its bytes (or those of a range of it) as a stream. */
export interface MediaObject {
  body: Readable;
}

/** Bytes `start` to `end` of an object, both included (as HTTP's Range counts them). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface MediaStore {
  /** Where it keeps media, for logs and errors (never with credentials). */
  readonly where: string;
  /** Writes an object whole from bytes in memory or a local file (streamed, never read whole). */
  put(key: string, from: Buffer | { file: string }, type: string): Promise<void>;
  /** An object's bytes, or undefined when there is none under the key. */
  read(key: string): Promise<Buffer | undefined>;
  /** How many bytes an object has, or undefined when there is none under the key. */
  size(key: string): Promise<number | undefined>;
  /** An object, or a range of it, as a stream (a video, say), or undefined when there is none. */
  open(key: string, range?: ByteRange): Promise<MediaObject | undefined>;
}

/** A key is a relative path of plain names: no `..`, no empty part, nothing a folder could escape by. */
const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

function checkKey(key: string): string {
  if (!KEY.test(key) || key.split("/").includes(".."))
    throw new Error(`media key ${JSON.stringify(key)}: not a plain path`);
  return key;
}

/** Media in a folder of this machine: one server's, or one every server mounts. */
export class FolderMediaStore implements MediaStore {
  readonly #root: string;
  readonly where: string;

  constructor(dir: string) {
    this.#root = resolve(dir);
    this.where = `folder ${this.#root}`;
  }

  #path(key: string): string {
    const path = resolve(this.#root, checkKey(key));
    if (!path.startsWith(this.#root + sep)) throw new Error(`media key ${key}: outside the media folder`);
    return path;
  }

  async put(key: string, from: Buffer | { file: string }, _type: string): Promise<void> {
    const path = this.#path(key);
    await mkdir(dirname(path), { recursive: true });
    // Written aside then renamed: another process (or server on a shared folder) never reads half a file.
    const aside = `${path}.${randomBytes(6).toString("hex")}.part`;
    try {
      if (Buffer.isBuffer(from)) await writeFile(aside, from);
      else await pipeline(createReadStream(from.file), createWriteStream(aside));
      await rename(aside, path);
    } catch (error) {
      await rm(aside, { force: true });
      throw error;
    }
  }

  async read(key: string): Promise<Buffer | undefined> {
    return readFile(this.#path(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "EISDIR") return undefined;
      throw error;
    });
  }

  async size(key: string): Promise<number | undefined> {
    const info = await stat(this.#path(key)).catch(() => undefined);
    return info?.isFile() ? info.size : undefined;
  }

  async open(key: string, range?: ByteRange): Promise<MediaObject | undefined> {
    if ((await this.size(key)) === undefined) return undefined;
    return { body: createReadStream(this.#path(key), range ? { start: range.start, end: range.end } : {}) };
  }
}

export interface S3Location {
  bucket: string;
  endpoint?: string;
  region?: string;
  forcePathStyle: boolean;
  /** Keys under this prefix (`prefix=` in the URL), so one bucket may serve several sites. */
  prefix: string;
}

/** Media in an S3-compatible bucket, with the AWS SDK's usual credentials (AWS_ACCESS_KEY_ID…). */
export class S3MediaStore implements MediaStore {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;
  readonly where: string;

  constructor(location: S3Location) {
    this.#client = new S3Client({
      ...(location.endpoint ? { endpoint: location.endpoint } : {}),
      ...(location.region ? { region: location.region } : {}),
      forcePathStyle: location.forcePathStyle,
      // Checksums only where a request needs one: not every S3-compatible server takes the
      // SDK's newer streaming checksums, and each object is written with its length known.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    this.#bucket = location.bucket;
    this.#prefix = location.prefix;
    this.where = `s3://${location.bucket}/${location.prefix}${location.endpoint ? ` at ${location.endpoint}` : ""}`;
  }

  async put(key: string, from: Buffer | { file: string }, type: string): Promise<void> {
    const Key = this.#prefix + checkKey(key);
    const body = Buffer.isBuffer(from)
      ? { Body: from, ContentLength: from.length }
      : { Body: createReadStream(from.file), ContentLength: (await stat(from.file)).size };
    await this.#client.send(new PutObjectCommand({ Bucket: this.#bucket, Key, ContentType: type, ...body }));
  }

  async size(key: string): Promise<number | undefined> {
    const head = await this.#client
      .send(new HeadObjectCommand({ Bucket: this.#bucket, Key: this.#prefix + checkKey(key) }))
      .catch(absent);
    return head?.ContentLength;
  }

  async open(key: string, range?: ByteRange): Promise<MediaObject | undefined> {
    const answer = await this.#client
      .send(
        new GetObjectCommand({
          Bucket: this.#bucket,
          Key: this.#prefix + checkKey(key),
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      )
      .catch(absent);
    return answer && { body: answer.Body as Readable };
  }

  async read(key: string): Promise<Buffer | undefined> {
    const object = await this.open(key);
    if (!object) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of object.body) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}

/** An S3 error that says there is no such object, as undefined; any other is thrown. */
function absent(error: unknown): undefined {
  if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404))
    return undefined;
  throw error;
}

/** Where media go by default: a folder beside the SQLite store's. */
export const DEFAULT_MEDIA_URL = "file:./data/media";

/**
 * The media store a MEDIA_URL names: `file:PATH` (or a plain path) for a folder,
 * `s3://BUCKET?endpoint=URL&region=R&forcePathStyle=true&prefix=P` for a bucket. Throws a message
 * naming what is wrong.
 */
export function parseMediaUrl(url: string): { folder: string } | { s3: S3Location } {
  if (!url.startsWith("s3://")) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new Error(`MEDIA_URL ${url}: file:PATH, a path, or s3://BUCKET?…`);
    return { folder: url.replace(/^file:/, "") };
  }
  const parsed = new URL(url);
  const bucket = parsed.hostname;
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new Error(`MEDIA_URL ${url}: the bucket name must be 3–63 lowercase letters, digits, dots or hyphens`);
  const known = new Set(["endpoint", "region", "forcePathStyle", "prefix"]);
  for (const name of parsed.searchParams.keys())
    if (!known.has(name))
      throw new Error(`MEDIA_URL: unknown setting ${name} (endpoint, region, forcePathStyle, prefix)`);
  const endpoint = parsed.searchParams.get("endpoint") ?? undefined;
  if (endpoint !== undefined && !URL.canParse(endpoint))
    throw new Error(`MEDIA_URL: endpoint ${endpoint} is not a URL`);
  const prefix = parsed.searchParams.get("prefix") ?? "";
  if (prefix !== "" && !/^([a-z0-9][a-z0-9._-]*\/)+$/i.test(prefix))
    throw new Error(`MEDIA_URL: prefix ${prefix} must be plain names ending in /`);
  return {
    s3: {
      bucket,
      ...(endpoint ? { endpoint } : {}),
      ...(parsed.searchParams.get("region") ? { region: parsed.searchParams.get("region") as string } : {}),
      forcePathStyle: parsed.searchParams.get("forcePathStyle") === "true",
      prefix,
    },
  };
}

/** The media store for a MEDIA_URL; a relative folder is taken from `base` (the working directory). */
export function openMediaStore(url: string = DEFAULT_MEDIA_URL, base = process.cwd()): MediaStore {
  const where = parseMediaUrl(url);
  return "folder" in where ? new FolderMediaStore(resolve(base, where.folder)) : new S3MediaStore(where.s3);
}
