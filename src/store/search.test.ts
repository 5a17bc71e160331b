// Search in the store, on each engine: the index follows every insert, update and delete, and
// pages by keyset come out as one ranking (headline matches, then the rest, each newest first),
// also when PostgreSQL's date-order walk is cut short and the rest comes through GIN.
import SQLite from "better-sqlite3";
import fc from "fast-check";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SearchPosition } from "../model/search";
import type { StoryInput } from "../model/story";
import { openStore } from "./openStore";
import type { Database } from "./schema";
import { search } from "./search";
import { checkSqliteSearchIndex } from "./searchIndexCheck";
import type { StoryStore } from "./storyStore";
import { createTestDatabase, type TestDatabase, testEngines } from "./testDatabases";

interface Draft {
  slug: string;
  inHeadline: boolean;
  inBody: boolean;
  /** Few distinct times, so stories often share a published_at to the millisecond. */
  at: number;
}

const times = [
  "2026-11-01T08:00:00.000Z",
  "2026-11-01T08:00:00.001Z",
  "2026-11-03T10:30:00.000Z",
  "1969-07-20T20:17:00.000Z",
];

const toStory = ({ slug, inHeadline, inBody, at }: Draft): StoryInput => ({
  slug,
  headline: inHeadline ? `Kite over the bay, ${slug}` : `Over the bay, ${slug}`,
  section: "city",
  authors: [],
  tags: [],
  publishedAt: times[at] ?? "",
  updatedAt: times[at] ?? "",
  body: [{ type: "paragraph", text: inBody ? "A kite rose." : "A gull rose." }],
});

/** What search must answer for "kite", from the stories as they are. */
function expected(stories: Map<string, Draft>): string[] {
  const newestFirst = (a: StoryInput, b: StoryInput) =>
    a.publishedAt === b.publishedAt ? (a.slug < b.slug ? 1 : -1) : a.publishedAt < b.publishedAt ? 1 : -1;
  const all = [...stories.values()];
  const ranked = (drafts: Draft[]) =>
    drafts
      .map(toStory)
      .sort(newestFirst)
      .map((s) => s.slug);
  return [...ranked(all.filter((d) => d.inHeadline)), ...ranked(all.filter((d) => !d.inHeadline && d.inBody))];
}

describe.each(testEngines)("search in the store on %s", (engine) => {
  let database: TestDatabase;
  let store: StoryStore;

  let direct: Kysely<Database>;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    store = await openStore(database.url);
    await store.saveSections([{ slug: "city", name: "City" }]);
    direct = new Kysely<Database>({
      dialect:
        engine === "postgres"
          ? new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) })
          : new SqliteDialect({ database: new SQLite(database.url.slice("file:".length)) }),
    });
  });

  afterEach(async () => {
    await direct.destroy();
    await store.close();
    await database.drop();
  });

  const walk = async (words: string[], limit: number) => {
    const seen: string[] = [];
    let after: SearchPosition | undefined;
    for (let page = 0; page < 100; page++) {
      const hits = await store.searchStories(words, limit + 1, after);
      const shown = hits.slice(0, limit);
      seen.push(...shown.map((hit) => hit.story.slug));
      const last = shown.at(-1);
      if (hits.length <= limit || !last) return seen;
      after = { phase: last.phase, publishedAt: last.story.publishedAt, slug: last.story.slug };
    }
    throw new Error("more than 100 pages");
  };

  /** The same walk through search() itself, with PostgreSQL's date-order walk cut to `stories` stories. */
  const walkShort = async (words: string[], limit: number, stories: number) => {
    const seen: string[] = [];
    let after: SearchPosition | undefined;
    for (let page = 0; page < 100; page++) {
      const hits = await search(direct, engine, words, limit + 1, after, { walk: stories });
      const shown = hits.slice(0, limit);
      seen.push(...shown.map((hit) => hit.slug));
      const last = shown.at(-1);
      if (hits.length <= limit || !last) return seen;
      after = { phase: last.phase, publishedAt: last.published_at, slug: last.slug };
    }
    throw new Error("more than 100 pages");
  };

  const check = async (stories: Map<string, Draft>) => {
    const want = expected(stories);
    expect((await store.searchStories(["kite"], 100)).map((hit) => hit.story.slug)).toEqual(want);
    expect(await walk(["kite"], 2)).toEqual(want);
    expect(await walkShort(["kite"], 2, 1)).toEqual(want);
    expect(await walkShort(["kite"], 3, 2)).toEqual(want);
    if (engine === "sqlite") checkSqliteSearchIndex(database.url);
  };

  it("follows a story's headline, text and date through updates, and forgets it when deleted", async () => {
    const stories = new Map<string, Draft>();
    const save = async (draft: Draft) => {
      stories.set(draft.slug, draft);
      await store.saveStories([toStory(draft)]);
      await check(stories);
    };
    await save({ slug: "a", inHeadline: true, inBody: false, at: 0 });
    await save({ slug: "b", inHeadline: false, inBody: true, at: 0 });
    await save({ slug: "c", inHeadline: true, inBody: true, at: 2 });
    await save({ slug: "a", inHeadline: false, inBody: true, at: 0 }); // the headline no longer matches
    await save({ slug: "b", inHeadline: true, inBody: true, at: 0 }); // now it does
    await save({ slug: "c", inHeadline: true, inBody: true, at: 3 }); // published long before
    await save({ slug: "b", inHeadline: false, inBody: false, at: 1 }); // no match at all
    stories.delete("c");
    expect(await store.deleteStory("c")).toBe(true);
    await check(stories);
  });

  it("moves a story to its new slug in the index", async () => {
    await store.saveStories([toStory({ slug: "old", inHeadline: true, inBody: false, at: 0 })]);
    await store.saveStories([
      { ...toStory({ slug: "new", inHeadline: true, inBody: false, at: 0 }), movedFrom: "old" },
    ]);
    expect((await store.searchStories(["kite"], 10)).map((hit) => hit.story.slug)).toEqual(["new"]);
    if (engine === "sqlite") checkSqliteSearchIndex(database.url);
  });

  it("stays right through any sequence of saves and deletes", async () => {
    const draft = fc.record({
      slug: fc.constantFrom("k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8"),
      inHeadline: fc.boolean(),
      inBody: fc.boolean(),
      at: fc.integer({ min: 0, max: times.length - 1 }),
    });
    const step = fc.oneof(
      { weight: 3, arbitrary: fc.array(draft, { minLength: 1, maxLength: 4 }).map((drafts) => ({ save: drafts })) },
      { weight: 1, arbitrary: fc.constantFrom("k1", "k2", "k3", "k4").map((slug) => ({ remove: slug })) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        await store.clearStories();
        const stories = new Map<string, Draft>();
        for (const s of steps) {
          if ("save" in s) {
            const unique = [...new Map(s.save.map((d) => [d.slug, d])).values()];
            for (const d of unique) stories.set(d.slug, d);
            await store.saveStories(unique.map(toStory));
          } else {
            stories.delete(s.remove);
            await store.deleteStory(s.remove);
          }
        }
        await check(stories);
      }),
      { numRuns: engine === "postgres" ? 15 : 40 },
    );
  });
});
