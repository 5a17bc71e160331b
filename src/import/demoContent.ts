// The demo stories that ship in content/: loaded into an empty store on first start.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { imageSize } from "image-size";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { SitePictures } from "../media/sitePictures";
import { versionStoryPictures } from "../media/storyPictures";
import { type Section, sectionSchema } from "../model/story";
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

/** The sections of content/sections.yaml, in masthead order. */
export function readDemoSections(contentDir: string): Section[] {
  return z.array(sectionSchema).parse(parseYaml(readFileSync(join(contentDir, "sections.yaml"), "utf8")));
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
): Promise<number> {
  if ((await store.countStories()) > 0) return 0;
  const { sections, stories: read } = readDemoContent(contentDir, publicDir);
  const pictures = new SitePictures(publicDir);
  const stories = await Promise.all(read.map((story) => versionStoryPictures(story, pictures)));
  await store.saveSections(sections);
  await store.saveStories(stories);
  return stories.length;
}
