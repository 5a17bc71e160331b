// The Arabic demo site's stories (content/demo-ar), loaded by the demo's own loader into a fresh
// store of each engine: every story is read and kept, every inline related headline links a story
// of the set, every picture, poster, video and captions file it names is in public/, and the set
// has what a second demo site needs (issue 20, part 6): stories in several sections, a video, a
// correction, and text punctuated as Arabic is. Then the real server over HTTP serves them.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Block } from "../model/story";
import { startTestServer, type TestServer } from "../server/testServer";
import { openStore } from "../store/openStore";
import type { StoredStory, StoryStore } from "../store/storyStore";
import { createTestDatabase, type TestDatabase, testEngines } from "../store/testDatabases";
import { loadDemoContentIfEmpty } from "./demoContent";

const root = join(import.meta.dirname, "../..");
const contentDir = join(root, "content/demo-ar");
const publicDir = join(root, "public");
const files = readdirSync(join(contentDir, "stories")).filter((name) => name.endsWith(".md"));

/** Every file a story names under public/: its pictures, a video's poster, sources and captions. */
function filesNamed(story: StoredStory): string[] {
  const named = (block: Block): string[] => {
    if (block.type === "image") return [block.src];
    if (block.type !== "video") return [];
    return [
      ...(block.poster ? [block.poster] : []),
      ...block.sources.map((source) => source.src),
      ...(block.captions ?? []).map((captions) => captions.src),
    ];
  };
  return [...(story.image ? [story.image.src] : []), ...story.body.flatMap(named)];
}

/** The texts a reader sees of a story: headline, deck, kicker, captions, paragraphs, quotes… */
function textsOf(story: StoredStory): string[] {
  const texts = [story.headline, story.deck, story.kicker, story.image?.alt, story.image?.caption];
  for (const block of story.body) {
    if (block.type === "paragraph" || block.type === "heading" || block.type === "correction") texts.push(block.text);
    if (block.type === "quote") texts.push(block.text, block.cite);
    if (block.type === "related") texts.push(block.headline);
    if (block.type === "image") texts.push(block.alt, block.caption);
    if (block.type === "video") texts.push(block.title);
  }
  return texts.filter((text): text is string => text !== undefined);
}

describe.each(testEngines)("the Arabic demo site's content on %s", (engine) => {
  let database: TestDatabase;
  let store: StoryStore;
  let stories: StoredStory[];
  let loaded: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    store = await openStore(database.url);
    loaded = await loadDemoContentIfEmpty(store, contentDir, publicDir);
    const { items } = await store.listStories({ limit: 100 });
    stories = (await Promise.all(items.map((item) => store.getStory(item.slug)))).filter(
      (story): story is StoredStory => story !== null,
    );
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it("loads every story file, at least 8, each with a headline in Arabic", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(loaded).toBe(files.length);
    expect(stories).toHaveLength(files.length);
    for (const story of stories) expect(story.headline, story.slug).toMatch(/\p{Script=Arabic}{3}/u);
  });

  it("files its stories under at least 4 sections, each named in Arabic, with stories in each", async () => {
    const sections = await store.listSections();
    expect(sections.length).toBeGreaterThanOrEqual(4);
    for (const section of sections) {
      expect(section.name).toMatch(/^\p{Script=Arabic}[\p{Script=Arabic}\s]*$/u);
      expect(stories.filter((story) => story.section.slug === section.slug).length, section.slug).toBeGreaterThan(0);
    }
  });

  it("links every inline related headline to a story of the set, and every story has some", () => {
    const slugs = new Set(stories.map((story) => story.slug));
    for (const story of stories) {
      const related = story.body.filter((block) => block.type === "related");
      expect(related.length, story.slug).toBeGreaterThan(0);
      for (const block of related) {
        expect(block.slug && slugs.has(block.slug), `${story.slug} → ${block.headline}`).toBe(true);
        expect(block.slug).not.toBe(story.slug);
        // The headline as written is the headline of the story it links.
        expect(block.headline).toBe(stories.find((other) => other.slug === block.slug)?.headline);
      }
      expect(story.related.length, story.slug).toBeGreaterThan(0);
    }
  });

  it("names only files that are in public/, and every picture has Arabic alt text and a credit", () => {
    for (const story of stories) {
      for (const src of filesNamed(story)) expect(existsSync(join(publicDir, src)), `${story.slug}: ${src}`).toBe(true);
      const pictures = [story.image, ...story.body.filter((block) => block.type === "image")];
      for (const picture of pictures) {
        expect(picture?.alt, story.slug).toMatch(/\p{Script=Arabic}{3}/u);
        // Versioned from its file by the loader, as a published story's pictures are.
        expect(picture?.version, story.slug).toMatch(/^[0-9a-f]{16}$/);
      }
      expect(story.image?.credit, story.slug).toBeTruthy();
    }
  });

  it("has a video story with Arabic captions, and a corrected story", () => {
    const video = stories.find((story) => story.hasVideo);
    const block = video?.body.find((b) => b.type === "video");
    expect(block?.type === "video" && block.captions?.map((captions) => captions.srclang)).toEqual(["ar"]);
    expect(stories.some((story) => story.body.some((b) => b.type === "correction"))).toBe(true);
  });

  it("bylines, tags, quotes with cites and subheadings in every story, dated in late November 2026", () => {
    for (const story of stories) {
      expect(story.authors.length, story.slug).toBeGreaterThan(0);
      expect(story.tags.length, story.slug).toBeGreaterThan(0);
      expect(story.deck, story.slug).toBeTruthy();
      expect(story.kicker, story.slug).toBeTruthy();
      expect(
        story.body.some((block) => block.type === "quote" && block.cite),
        story.slug,
      ).toBe(true);
      expect(
        story.body.some((block) => block.type === "heading"),
        story.slug,
      ).toBe(true);
      expect(story.publishedAt >= "2026-11-20" && story.publishedAt < "2026-12-01", story.slug).toBe(true);
    }
  });

  it("punctuates as Arabic does: the Arabic comma, semicolon and question mark, never the Latin ones", () => {
    for (const story of stories) for (const text of textsOf(story)) expect(text, story.slug).not.toMatch(/[,;?]/);
    const all = stories.flatMap(textsOf).join(" ");
    expect(all).toContain("،");
    expect(all).toContain("؛");
    expect(all).toContain("؟");
  });
});

describe.each(testEngines)("the Arabic demo site served over HTTP on %s", (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ engine, demo: false });
    await loadDemoContentIfEmpty(server.store, contentDir, publicDir);
  });
  afterAll(() => server.close());

  it("serves each story page with its headline, the Arabic sections and its related headlines linked", async () => {
    const { items } = await server.store.listStories({ limit: 100 });
    expect(items).toHaveLength(files.length);
    for (const { slug } of items) {
      const story = await server.store.getStory(slug);
      const response = await fetch(`${server.url}/stories/${slug}`);
      expect(response.status, slug).toBe(200);
      const html = await response.text();
      expect(html, slug).toContain(`>${story?.headline}</h1>`);
      expect(html, slug).toMatch(/<a [^>]*href="\/sections\/culture"[^>]*>ثقافة<\/a>/);
      for (const block of story?.body ?? [])
        if (block.type === "related") expect(html, slug).toContain(`href="/stories/${block.slug}"`);
    }
  });
});
