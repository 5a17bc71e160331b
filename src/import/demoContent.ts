// The demo stories that ship in content/: loaded into an empty store on first start.
import { readdirSync, readFileSync } from "node:fs";
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

export function readDemoContent(contentDir: string, publicDir: string) {
  const sections = readDemoSections(contentDir);
  const sizeOf = publicImageSizer(publicDir);
  const storiesDir = join(contentDir, "stories");
  const stories = readdirSync(storiesDir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => {
      try {
        return parseMarkdownStory(readFileSync(join(storiesDir, name), "utf8"), sizeOf);
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
    });
  return { sections, stories };
}

/** Loads the demo content into the store when it holds no stories yet; returns how many it loaded. */
export async function loadDemoContentIfEmpty(
  store: StoryStore,
  contentDir: string,
  publicDir: string,
  /** The site's sections (its config's), saved with the stories; the demo's by default. */
  sections: Section[] = readDemoSections(contentDir),
): Promise<number> {
  if ((await store.countStories()) > 0) return 0;
  const { stories: read } = readDemoContent(contentDir, publicDir);
  const pictures = new SitePictures(publicDir);
  const stories = await Promise.all(read.map((story) => versionStoryPictures(story, pictures)));
  await store.saveSections(sections);
  await store.saveStories(stories);
  return stories.length;
}
