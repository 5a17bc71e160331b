// A feed item's <enclosure>: the one file a podcast app or feed reader downloads with the item.
// RSS allows one per item: the story's video file when it has one, else its lead picture. Its
// length is the file's size in bytes, read from the public folder; a file elsewhere (an https URL)
// has a length of 0, which the RSS board's profile gives for a size that cannot be known.
import { stat } from "node:fs/promises";
import { extname, relative, resolve, sep } from "node:path";
import { videoFile } from "../../model/videoFile";
import type { FeedStory } from "./storyHtml";

export interface Enclosure {
  /** The file's site path (/media/…) or https URL, as the story gives it. */
  src: string;
  type: string;
  length: number;
}

const IMAGE_TYPES: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
};

/** The file a story's item encloses, with its type, before its length is known. */
function enclosedFile(story: FeedStory): { src: string; type: string } | undefined {
  for (const block of story.body) {
    const file = block.type === "video" ? videoFile(block) : undefined;
    if (file && file.type !== "video/youtube") return { src: file.src, type: file.type };
  }
  if (!story.image) return undefined;
  const type = IMAGE_TYPES[extname(new URL(story.image.src, "https://site.invalid").pathname).toLowerCase()];
  return type ? { src: story.image.src, type } : undefined;
}

/** The size of a site path's file under the public folder; 0 when it is not one there. */
async function fileLength(publicDir: string | undefined, src: string): Promise<number> {
  if (!publicDir || !src.startsWith("/") || src.startsWith("//")) return 0;
  const root = resolve(publicDir);
  const path = resolve(root, `.${decodeURIComponent(new URL(src, "https://site.invalid").pathname)}`);
  if (relative(root, path).startsWith(`..${sep}`) || path === root) return 0;
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : 0;
  } catch {
    return 0;
  }
}

/** Each story's enclosure, by slug (a story with neither a video file nor a picture has none). */
export async function enclosures(stories: FeedStory[], publicDir?: string): Promise<Map<string, Enclosure>> {
  const found = await Promise.all(
    stories.map(async (story) => {
      const file = enclosedFile(story);
      return file ? ([story.slug, { ...file, length: await fileLength(publicDir, file.src) }] as const) : undefined;
    }),
  );
  return new Map(found.filter((entry) => entry !== undefined));
}
