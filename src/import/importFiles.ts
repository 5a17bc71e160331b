// Turns files into stories: plain text as scraped (.txt), the editor's Markdown (.md), or the
// API's Story JSON (.json). Each file is accepted as a story or rejected with a reason.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { z } from "zod";
import { headlineFinder } from "../model/headlineMatch";
import { slugify } from "../model/slug";
import {
  captionsSchema,
  mediaUrlSchema,
  publishedStorySchema,
  type StoryInput,
  storyInputSchema,
  type VideoBlock,
  videoSourceSchema,
} from "../model/story";
import { type ImageSizer, parseMarkdownStory } from "./markdownStory";
import { headerFinderFor, type KeptHeader, type KeptReader, readerFor } from "./plainText/keptReader";
import { type LineReading, type PlainTextOptions, readPlainTextStory } from "./plainText/story";

export const MAX_FILE_BYTES = 1024 * 1024;
const EXTENSIONS = new Set([".txt", ".md", ".json"]);

/** A story read from a file (with, for scraped text, what became of each line), or why not. */
export type FileResult =
  | { file: string; story: StoryInput; readings?: LineReading[] }
  | { file: string; error: string };

export interface ImportOptions {
  /** Section of plain-text stories, which do not name one. */
  section: string;
  /** A video source for plain-text stories whose video marker has no sidecar file. */
  videoSrc?: string;
  sizeOf: ImageSizer;
  /** Where times printed without a zone in scraped text are meant (--time-zone, an IANA name). */
  timeZone?: string;
  /** Stories already known (the store's, the batch's): a scraped line naming one reads as a related headline. */
  knownHeadlines?: { slug: string; headline: string }[];
  /** The reader of scraped text: the one kept (plainText/keptReader.ts) unless another is named. */
  reader?: KeptReader;
  /** The header finder of scraped text: the one kept (plainText/keptReader.ts) unless another is named. */
  header?: KeptHeader;
}

/** Every story file named: files as given, folders searched (recursively) for .txt, .md and .json. */
export function listStoryFiles(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (path: string, named: boolean) => {
    if (!existsSync(path)) return void missing.push(path);
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name), false);
    } else if (named || (EXTENSIONS.has(extname(path)) && !path.endsWith(".video.json"))) {
      files.push(path);
    }
  };
  for (const path of paths) walk(path, true);
  return { files, missing };
}

export function readStoryFile(file: string, options: ImportOptions): FileResult {
  try {
    return { file, ...parseStoryFile(file, options) };
  } catch (error) {
    return { file, error: error instanceof Error ? error.message : String(error) };
  }
}

function parseStoryFile(file: string, options: ImportOptions): { story: StoryInput; readings?: LineReading[] } {
  const extension = extname(file);
  if (!EXTENSIONS.has(extension))
    throw new Error(`not a story file (.txt, .md or .json): ${extension || "no extension"}`);
  const bytes = readFileSync(file);
  if (bytes.length > MAX_FILE_BYTES)
    throw new Error(`over the ${MAX_FILE_BYTES / 1024} KiB limit (${bytes.length} bytes)`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Error("not UTF-8 text");
  }
  if (text.trim() === "") throw new Error("empty");
  if (extension === ".md") return { story: parseMarkdownStory(text, options.sizeOf) };
  if (extension === ".json") return { story: parseJsonStory(text) };
  return plainTextStory(file, text, options);
}

function parseJsonStory(text: string): StoryInput {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`);
  }
  const parsed = publishedStorySchema.safeParse(json);
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  return { ...parsed.data, slug: parsed.data.slug ?? slugify(parsed.data.headline) };
}

const sidecarSchema = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  poster: mediaUrlSchema.optional(),
  sources: z.array(videoSourceSchema).min(1).max(8),
  captions: z.array(captionsSchema).max(20).optional(),
  durationS: z.number().positive().optional(),
});

// One finder for each list of known headlines: an import reads every file against the same list,
// and making 100,000 stored headlines comparable for each line that could name one took seconds.
const finders = new WeakMap<object, (headline: string) => string | undefined>();
function finderOf(known: { slug: string; headline: string }[]): (headline: string) => string | undefined {
  let finder = finders.get(known);
  if (!finder) {
    finder = headlineFinder(known);
    finders.set(known, finder);
  }
  return finder;
}

function plainTextStory(
  file: string,
  text: string,
  options: ImportOptions,
): { story: StoryInput; readings: LineReading[] } {
  const known = options.knownHeadlines ?? [];
  const { story: parsed, readings } = readPlainTextStory(text, {
    video: videoFor(file, options.videoSrc),
    sizeOf: options.sizeOf,
    timeZone: options.timeZone,
    isKnownHeadline: known.length ? (line) => finderOf(known)(line) !== undefined : undefined,
    reader: readerFor(options.reader),
    header: headerFinderFor(options.header),
  });
  if (parsed.body.length === 0) throw new Error("no body: the file holds only a headline and perhaps a deck");
  // The date a dateline line gives, else the file's.
  const date = parsed.publishedAt ?? statSync(file).mtime.toISOString();
  const authors = (parsed.authors ?? []).map((name) => ({ slug: slugify(name), name }));
  const story = storyInputSchema.safeParse({
    slug: slugify(parsed.headline),
    ...parsed,
    section: options.section,
    authors,
    tags: [],
    publishedAt: date,
    updatedAt: date,
  });
  if (!story.success) throw new Error(z.prettifyError(story.error));
  return { story: story.data, readings };
}

/** The video of a plain-text story: `<name>.video.json` beside it, else --video-src, else none. */
function videoFor(file: string, videoSrc: string | undefined): PlainTextOptions["video"] {
  const sidecar = join(file, "..", `${basename(file, extname(file))}.video.json`);
  if (existsSync(sidecar)) {
    const parsed = sidecarSchema.safeParse(JSON.parse(readFileSync(sidecar, "utf8")));
    if (!parsed.success) throw new Error(`${basename(sidecar)}: ${z.prettifyError(parsed.error)}`);
    return parsed.data;
  }
  return videoSrc ? { sources: [videoSourceFromUrl(videoSrc)] } : undefined;
}

export function videoSourceFromUrl(url: string): VideoBlock["sources"][number] {
  const youtube = /(?:youtube(?:-nocookie)?\.com\/(?:watch\?v=|embed\/)|youtu\.be\/)([\w-]{11})/.exec(url);
  if (youtube?.[1]) return { type: "video/youtube", src: youtube[1] };
  const path = url.split(/[?#]/)[0] ?? "";
  const type = path.endsWith(".m3u8")
    ? "application/vnd.apple.mpegurl"
    : path.endsWith(".webm")
      ? "video/webm"
      : "video/mp4";
  return videoSourceSchema.parse({ type, src: url });
}
