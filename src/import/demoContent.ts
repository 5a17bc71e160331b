// The demo stories that ship in content/: loaded into an empty store on first start.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { imageSize } from "image-size";
import { SitePictures } from "../media/sitePictures";
import { versionStoryPictures } from "../media/storyPictures";
import type { Section } from "../model/story";
import { readSiteConfig } from "../site/siteConfig";
import type { StoryStore } from "../store/storyStore";
import { type ImageSizer, parseMarkdownStory } from "./markdownStory";

/** Sizes site images ("/media/x.jpg") by reading them from the public folder. */
export function publicImageSizer(publicDir: string): ImageSizer {
  return (src) => {
    if (!src.startsWith("/") || src.includes("..")) return undefined;
    try {
      const { width, height } = imageSize(readFileSync(join(publicDir, src)));
      return width && height ? { width, height } : undefined;
    } catch {
      return undefined;
    }
  };
}

/** The sections of the demo's site config (content/site.yaml), in masthead order. */
export function readDemoSections(contentDir: string): Section[] {
  return readSiteConfig(join(contentDir, "site.yaml")).sections;
}

/** The stories of a content folder's stories/ (Markdown), in file name order; none when it has no such folder. */
export function readDemoStories(contentDir: string, publicDir: string) {
  const sizeOf = publicImageSizer(publicDir);
  const storiesDir = join(contentDir, "stories");
  if (!existsSync(storiesDir)) return [];
  return readdirSync(storiesDir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => {
      try {
        return parseMarkdownStory(readFileSync(join(storiesDir, name), "utf8"), sizeOf);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
    });
}

/**
 * Gives a store that holds no stories yet the site's sections and the stories of its content
 * folder (the one its config is in: content/ for the demo), if it has a stories/ folder; returns
 * how many stories it loaded.
 */
export async function loadDemoContentIfEmpty(
  store: StoryStore,
  contentDir: string,
  publicDir: string,
  /** The site's sections (its config's); the demo's by default. */
  sections: Section[] = readDemoSections(contentDir),
): Promise<number> {
  if ((await store.countStories()) > 0) return 0;
  const read = readDemoStories(contentDir, publicDir);
  const pictures = new SitePictures(publicDir);
  const stories = await Promise.all(read.map((story) => versionStoryPictures(story, pictures)));
  await store.saveSections(sections);
  if (stories.length > 0) await store.saveStories(stories);
  return stories.length;
}
