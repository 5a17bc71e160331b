// A story sitemap as it streams, on each engine's store: read a few rows at a time by key, cut
// into parts, and written out a page at a time. The server tests (feeds.test.ts) read whole
// children of the demo stories, which fit in one page of rows; here pages are two rows long.
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryInput } from "../../model/story";
import { openStore } from "../../store/openStore";
import type { SitemapReads } from "../../store/sitemapReads";
import type { StoryStore } from "../../store/storyStore";
import { createTestDatabase, type TestDatabase, testEngines } from "../../store/testDatabases";
import { parseChildName, storyChild, storyChildren, storySitemap } from "./sitemaps";

const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
const absolute = (path: string) => new URL(path, "https://news.example").href;

/** Seven stories in March 2026, two of them at one time; one in April. */
const stories: StoryInput[] = [
  ["tide-a", "2026-03-01T00:00:00.000Z"],
  ["tide-b", "2026-03-04T08:00:00.000Z"],
  ["tide-d", "2026-03-09T10:00:00.000Z"],
  ["tide-c", "2026-03-09T10:00:00.000Z"],
  ["tide-e", "2026-03-15T12:00:00.000Z"],
  ["tide-f", "2026-03-20T18:00:00.000Z"],
  ["tide-g", "2026-03-31T23:59:59.999Z"],
  ["tide-h", "2026-04-01T00:00:00.000Z"],
].map(([slug, at]) => ({
  slug: slug as string,
  headline: `Story ${slug}`,
  section: "city",
  authors: [],
  tags: [],
  publishedAt: at as string,
  updatedAt: at as string,
  body: [{ type: "paragraph", text: "Text." }],
}));
const march = ["tide-a", "tide-b", "tide-c", "tide-d", "tide-e", "tide-f", "tide-g"];

async function text(chunks: AsyncIterable<string>): Promise<{ chunks: number; text: string }> {
  let count = 0;
  let all = "";
  for await (const chunk of chunks) {
    count++;
    all += chunk;
  }
  return { chunks: count, text: all };
}

const slugsOf = (xml: string) =>
  [...new JSDOM(xml, { contentType: "text/xml" }).window.document.getElementsByTagNameNS(SITEMAP, "loc")].map((loc) =>
    loc.textContent?.replace("https://news.example/stories/", ""),
  );

describe.each(testEngines)("a story sitemap streaming on %s", (engine) => {
  let database: TestDatabase;
  let store: StoryStore;
  let reads: SitemapReads;
  /** The rows each page read asked for. */
  const limits: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    store = await openStore(database.url);
    await store.saveSections([{ slug: "city", name: "City" }]);
    await store.saveStories(stories);
    reads = {
      ...store.sitemaps,
      page: (span, limit, after) => {
        limits.push(limit);
        return store.sitemaps.page(span, limit, after);
      },
    };
  });

  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it("writes a month two rows at a time, by key, each story once in publication order", async () => {
    const child = await storyChild(reads, "2026-03", 1, 50_000);
    if (!child) throw new Error("no child for March");
    expect(child).toMatchObject({ name: "stories-2026-03.xml", count: 7, lastmod: "2026-03-31T23:59:59.999Z" });
    limits.length = 0;
    const { chunks, text: xml } = await text(storySitemap(reads, child, 50_000, absolute, 2));
    expect(slugsOf(xml)).toEqual(march);
    // Four pages (2 + 2 + 2 + 1), each written before the next is read, between the start and end tags.
    expect(limits).toEqual([2, 2, 2, 2]);
    expect(chunks).toBe(4 + 2);
  });

  it("cuts a month into parts at their keys, even between stories of one time", async () => {
    const children = await storyChildren(reads, 3);
    expect(children.map((c) => [c.name, c.count])).toEqual([
      ["stories-2026-03.xml", 3],
      ["stories-2026-03-2.xml", 3],
      ["stories-2026-03-3.xml", 1],
      ["stories-2026-04.xml", 1],
    ]);
    const parts = [];
    for (const child of children.slice(0, 3)) {
      const named = parseChildName(child.name);
      expect(named).toEqual({ month: child.month, part: child.part });
      parts.push(slugsOf((await text(storySitemap(reads, child, 3, absolute, 2))).text));
    }
    expect(parts).toEqual([march.slice(0, 3), march.slice(3, 6), march.slice(6)]);
    expect(await storyChild(reads, "2026-03", 4, 3)).toBeNull();
    expect(await storyChild(reads, "2026-05", 1, 3)).toBeNull();
  });

  it("stops at the part size even when the part has grown since its bounds were read", async () => {
    const child = await storyChild(reads, "2026-03", 1, 3);
    if (!child) throw new Error("no first part of March");
    // A story added inside the part after its bounds were found would make it four long.
    await store.saveStories([{ ...(stories[0] as StoryInput), slug: "tide-aa", headline: "Story tide-aa" }]);
    try {
      expect(slugsOf((await text(storySitemap(reads, child, 3, absolute, 2))).text)).toEqual([
        "tide-a",
        "tide-aa",
        "tide-b",
      ]);
    } finally {
      await store.deleteStory("tide-aa");
    }
  });
});
