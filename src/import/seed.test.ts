// npm run seed against a real store on each engine: 300 stories seeded once, then read back,
// searched, seeded again (nothing changes) and reset; and the command's argument checking.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kickerCase } from "../model/kickerCase";
import { queryWords } from "../model/searchText";
import { type StoryInput, storyInputSchema } from "../model/story";
import { openStore } from "../store/openStore";
import type { StoredStory, StoryStore } from "../store/storyStore";
import { createTestDatabase, type TestDatabase, testEngines } from "../store/testDatabases";
import {
  AUTHOR_POOL,
  generateStory,
  mulberry32,
  parseSeedArgs,
  runSeed,
  runSeedCommand,
  SEED_USAGE,
  type SeedContext,
  seedContext,
  TAG_POOL,
} from "./seed";

const N = 300;
const quiet = { progress: () => {}, summary: () => {} };

describe("the generator", () => {
  it("mulberry32 gives the same numbers from the same seed, in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const numbers = Array.from({ length: 1000 }, () => a());
    expect(numbers).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(numbers.every((n) => n >= 0 && n < 1)).toBe(true);
    expect(new Set(numbers).size).toBe(1000);
  });

  it("has pools of about 300 tags and 150 authors, each slug once", () => {
    expect(TAG_POOL.length).toBeGreaterThanOrEqual(290);
    expect(new Set(TAG_POOL.map((t) => t.slug)).size).toBe(TAG_POOL.length);
    expect(AUTHOR_POOL).toHaveLength(150);
    expect(new Set(AUTHOR_POOL.map((a) => a.slug)).size).toBe(150);
  });
});

describe("npm run seed arguments", () => {
  it.each([
    [[]],
    [["--stories"]],
    [["--stories", "0"]],
    [["--stories", "-5"]],
    [["--stories", "1.5"]],
    [["--stories", "1e3"]],
    [["--stories", "lots"]],
    [["--stories", "1000001"]],
    [["--stories", "10", "extra"]],
    [["--stories", "10", "--fast"]],
  ])("%j: exit 2 and the usage, before touching any store", async (argv) => {
    const err: string[] = [];
    const code = await runSeedCommand(
      argv,
      () => {
        throw new Error("the store must not be opened");
      },
      { out: () => {}, err: (line) => err.push(line) },
    );
    expect(code).toBe(2);
    expect(err.join("\n")).toContain("Usage: npm run seed -- --stories N [--reset]");
  });

  it("takes N up to a million, and --reset", () => {
    expect(parseSeedArgs(["--stories", "1000000"])).toEqual({ stories: 1_000_000, reset: false });
    expect(parseSeedArgs(["--reset", "--stories=7"])).toEqual({ stories: 7, reset: true });
    expect(SEED_USAGE).toContain("1,000,000");
  });
});

describe.each(testEngines)("npm run seed on %s", (engine) => {
  let database: TestDatabase;
  let store: StoryStore;
  let context: SeedContext;
  const stored = new Map<string, StoredStory>();
  const generated: StoryInput[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    store = await openStore(database.url);
    const report = await runSeed(store, { stories: N, batchSize: 120, ...quiet });
    expect(report).toMatchObject({ created: N, updated: 0, unchanged: 0, cleared: 0, total: N });
    context = await seedContext(store);
    for (let i = 0; i < N; i++) generated.push(generateStory(i, context));
    for (const story of generated) {
      const back = await store.getStory(story.slug);
      if (back) stored.set(story.slug, back);
    }
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  it("fills an empty store with N stories, in the default sections", async () => {
    expect(await store.countStories()).toBe(N);
    expect((await store.listSections()).map((s) => s.slug)).toEqual(["city", "world", "science", "culture"]);
    expect(new Set(generated.map((s) => s.section)).size).toBe(4);
  });

  it("makes valid stories the store gives back as they were made", () => {
    expect(new Set(generated.map((s) => s.slug)).size).toBe(N);
    for (const story of generated) {
      // Parsing changes nothing, key order included: the store's re-reads find nothing to rewrite.
      expect(JSON.stringify(storyInputSchema.parse(story))).toBe(JSON.stringify(story));
      const back = stored.get(story.slug);
      expect(back, story.slug).toBeDefined();
      const { section, kicker, ...rest } = story;
      // A kicker typed in capitals comes back in ordinary case (model/kickerCase.ts, decision 025).
      expect(back).toMatchObject({
        ...rest,
        ...(kicker ? { kicker: kickerCase(kicker) } : {}),
        section: { slug: section },
      });
    }
  });

  it("makes the same story i whenever it is asked, alone", () => {
    expect(generateStory(217, { ...context })).toEqual(generated[217]);
    expect(generateStory(5, context)).not.toEqual(generated[6]);
  });

  it("links related headlines to earlier seeded stories, under their headlines", () => {
    const withRelated = [...stored.values()].filter((s) => s.body.some((b) => b.type === "related"));
    expect(withRelated.length).toBeGreaterThan(N * 0.15);
    expect(withRelated.length).toBeLessThan(N * 0.35);
    for (const story of withRelated)
      for (const block of story.body) {
        if (block.type !== "related") continue;
        const target = block.slug ? stored.get(block.slug) : undefined;
        expect(target, `${story.slug} → ${block.slug}`).toBeDefined();
        expect(block.headline).toBe(target?.headline);
        expect((target?.slug ?? "") < story.slug).toBe(true);
        expect(story.related.map((r) => r.slug)).toContain(block.slug);
      }
  });

  it("gives some stories video and pictures, kickers and decks, and spreads them over years", () => {
    const stories = [...stored.values()];
    const share = (test: (s: StoredStory) => boolean) => stories.filter(test).length / stories.length;
    expect(share((s) => s.hasVideo)).toBeGreaterThan(0.02);
    expect(share((s) => s.hasVideo)).toBeLessThan(0.16);
    expect(share((s) => Boolean(s.image))).toBeGreaterThan(0.25);
    expect(share((s) => s.body.some((b) => b.type === "quote" && b.cite))).toBeGreaterThan(0.3);
    expect(share((s) => s.body.some((b) => b.type === "heading"))).toBeGreaterThan(0.1);
    expect(share((s) => Boolean(s.kicker))).toBeGreaterThan(0.1);
    expect(share((s) => Boolean(s.deck))).toBeGreaterThan(0.6);
    expect(share((s) => s.updatedAt > s.publishedAt)).toBeGreaterThan(0.1);
    for (const s of stories) {
      expect(s.updatedAt >= s.publishedAt).toBe(true);
      expect(s.tags.length).toBeGreaterThanOrEqual(1);
      expect(s.tags.length).toBeLessThanOrEqual(4);
      expect(s.authors.length).toBeGreaterThanOrEqual(1);
      expect(s.authors.length).toBeLessThanOrEqual(2);
      const paragraphs = s.body.filter((b) => b.type === "paragraph").length;
      expect(paragraphs).toBeGreaterThanOrEqual(4);
      expect(paragraphs).toBeLessThanOrEqual(12);
    }
    const times = stories.map((s) => Date.parse(s.publishedAt));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(365 * 24 * 3600 * 1000);
  });

  it("uses only demo media that exists, at its true size", () => {
    const images = [...stored.values()].flatMap((s) => (s.image ? [s.image] : []));
    for (const image of images) expect(context.media.images).toContainEqual(image);
    const videos = [...stored.values()].flatMap((s) => s.body.filter((b) => b.type === "video"));
    expect(videos.length).toBeGreaterThan(0);
    for (const video of videos) {
      expect(video.poster).toBe("/media/ferry-rescue-poster.jpg");
      expect(video.sources.map((s) => s.src)).toEqual(["/media/ferry-rescue.mp4", "/media/ferry-rescue.webm"]);
      expect(video).toMatchObject({ width: 640, height: 360, durationS: 8 });
    }
  });

  it("lets search find a seeded story by the words of its headline", async () => {
    for (const story of [generated[17], generated[242]]) {
      if (!story) throw new Error("no story");
      const word = queryWords(story.headline).sort((a, b) => b.length - a.length)[0] ?? "";
      const hits = await store.searchStories([word], N);
      expect(
        hits.map((h) => h.story.slug),
        word,
      ).toContain(story.slug);
    }
  });

  it("seeds nothing new when run again, and --reset then N=50 leaves 50", async () => {
    expect(await runSeed(store, { stories: N, batchSize: 120, ...quiet })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: N,
      total: N,
    });
    expect(await runSeed(store, { stories: 50, reset: true, ...quiet })).toMatchObject({
      created: 50,
      cleared: N,
      total: 50,
    });
    expect(await store.countStories()).toBe(50);
    expect((await store.getStory(generated[49]?.slug ?? ""))?.headline).toBe(generated[49]?.headline);
  });

  it("runs as a command on the store at DATABASE_URL, reporting on stdout and stderr", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runSeedCommand(["--stories", "60"], () => database.url, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    expect(code).toBe(0);
    expect(out.join("\n")).toMatch(/Seeded 60 stories in .* s \(\d+ stories\/s\): 10 created, 0 updated, 50 unchanged/);
    expect(out.join("\n")).toContain("The store holds 60 stories.");
    expect(err.join("\n")).toMatch(/seed: 60\/60 stories, \d+ stories\/s/);
    expect(await store.countStories()).toBe(60);
  });
});
