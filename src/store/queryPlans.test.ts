// The hot reads use indexes on both engines: each store operation a page or the API runs is
// recorded as it executes, then explained by the database itself, and a plan that reads every
// story (or sorts every row of a list to find a page) fails. SQLite: EXPLAIN QUERY PLAN.
// PostgreSQL: EXPLAIN with sequential scans, bitmap scans and sorts priced out, so that on these
// small test tables the planner still takes an index in order wherever one serves, and a seq scan
// or a sort left in the plan means none does.
import { type CompiledQuery, type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findStoryByHeadline } from "../model/headlineMatch";
import type { StoryInput } from "../model/story";
import { decodeCursor } from "../model/storyList";
import type { Engine } from "./engine";
import { keptPlanName } from "./keptPlans";
import { monthGreatestChange } from "./migrations";
import { connect, openStore } from "./openStore";
import { planNodes, postgresPlan, sqlitePlan } from "./queryPlan";
import type { Database } from "./schema";
import { monthSpan } from "./sitemapReads";
import { createStoryStore, type StoryStore } from "./storyStore";
import { createTestDatabase, type TestDatabase, testEngines } from "./testDatabases";

function story(n: number): StoryInput {
  const at = new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString();
  return {
    slug: `story-${n}`,
    headline: `Harbour story number ${n}`,
    section: n % 2 ? "city" : "world",
    authors: [{ slug: `author-${n % 3}`, name: `Author ${n % 3}` }],
    tags: [{ slug: `tag-${n % 4}`, name: `Tag ${n % 4}` }],
    publishedAt: at,
    updatedAt: at,
    body: [
      { type: "paragraph", text: `Paragraph of story ${n}.` },
      ...(n > 1
        ? [{ type: "related" as const, slug: `story-${n - 1}`, headline: `Harbour story number ${n - 1}` }]
        : []),
    ],
  };
}

/** SQLite plan lines that mean a read of every row of a table (a scan of an index in order is fine). */
const SQLITE_FULL_READ =
  /^SCAN (stories|story_tags|story_authors|story_views|slug_redirects|sections|story_changes|live_coverage)\b(?! USING)/;
/** A sort of every row the query found: for a page, that is every story of the list. */
const SQLITE_SORT = /^USE TEMP B-TREE FOR ORDER BY/;
/** PostgreSQL's ways to read a table other than by an index in order: priced out, not forbidden. */
const PRICED_OUT = { enable_seqscan: "off", enable_bitmapscan: "off", enable_sort: "off" };

type Plans = { sql: string; plan: string[] }[];

/**
 * A store on `databaseUrl` whose connection records every query it runs, and the plans of what an
 * operation ran: SQLite's steps, or PostgreSQL's nodes (type, table, index, condition).
 */
function recordingStore(databaseUrl: string, engine: Engine) {
  const executed: CompiledQuery[] = [];
  const db = connect(databaseUrl, {
    log: (event) => {
      if (event.level === "query") executed.push(event.query);
    },
  });
  const explain = async (query: CompiledQuery): Promise<string[]> => {
    if (engine === "sqlite") return (await sqlitePlan(db, query)).split("\n").map((line) => line.trim());
    return planNodes(await postgresPlan(db, query, PRICED_OUT)).map((node) =>
      [node["Node Type"], node["Relation Name"], node["Index Name"], node["Index Cond"]].filter(Boolean).join(" "),
    );
  };
  return {
    db,
    store: createStoryStore(db, engine),
    executed,
    explain,
    async plansOf(operation: () => Promise<unknown>): Promise<Plans> {
      executed.length = 0;
      await operation();
      const queries = executed.filter((query) => !/^(begin|commit|rollback|savepoint|release)\b/i.test(query.sql));
      expect(queries.length).toBeGreaterThan(0);
      const plans = [];
      for (const query of queries) plans.push({ sql: query.sql, plan: await explain(query) });
      return plans;
    },
  };
}

/**
 * No query reads a whole table; with `inOrder`, none sorts what it found either (a page must come
 * in order from its index). Sorting a story's few authors, or a day's view counts, is allowed.
 */
function expectIndexed(engine: Engine, plans: Plans, { inOrder = false } = {}) {
  for (const { sql: text, plan } of plans) {
    const bad =
      engine === "sqlite"
        ? plan.filter((line) => SQLITE_FULL_READ.test(line) || (inOrder && SQLITE_SORT.test(line)))
        : plan.filter((line) => line.startsWith("Seq Scan") || (inOrder && line.startsWith("Sort")));
    expect(bad, `${text}\n  ${plan.join("\n  ")}`).toEqual([]);
  }
}

describe.each(testEngines)("query plans on %s", (engine) => {
  let database: TestDatabase;
  let setup: StoryStore;
  let recording: ReturnType<typeof recordingStore>;
  let db: Kysely<Database>;
  let store: StoryStore;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    setup = await openStore(database.url);
    await setup.saveSections([
      { slug: "city", name: "City" },
      { slug: "world", name: "World" },
    ]);
    await setup.saveStories(Array.from({ length: 39 }, (_, n) => story(n + 1)));
    await setup.saveStories([{ ...story(40), slug: "story-40-before" }]);
    await setup.saveStories([{ ...story(40), movedFrom: "story-40-before" }]);
    for (const n of [3, 5, 5, 7]) await setup.countView(`story-${n}`, new Date());
    // The store under test, on a connection that records every query it runs.
    recording = recordingStore(database.url, engine);
    ({ db, store } = recording);
  });

  afterAll(async () => {
    await db.destroy();
    await setup.close();
    await database.drop();
  });

  /** The plan of each query the operation ran, as lines of text. */
  const plansOf = (operation: () => Promise<unknown>) => recording.plansOf(operation);
  const _explain = (query: CompiledQuery) => recording.explain(query);

  const secondPage = async (query: { section?: string; tag?: string; author?: string }) => {
    const first = await store.listStories({ ...query, limit: 3 });
    const cursor = decodeCursor(first.nextCursor ?? "");
    if (!cursor) throw new Error("no second page");
    return store.listStories({ ...query, limit: 3, cursor });
  };

  it.each([
    ["the newest stories", {}],
    ["a section's stories", { section: "city" }],
    ["a tag's stories", { tag: "tag-1" }],
    ["an author's stories", { author: "author-2" }],
    ["a tag's stories in a section", { tag: "tag-1", section: "city" }],
  ])("lists %s, first page and by cursor, from an index in order", async (_, query) => {
    expectIndexed(engine, await plansOf(() => store.listStories({ ...query, limit: 3 })), { inOrder: true });
    expectIndexed(engine, await plansOf(() => secondPage(query)), { inOrder: true });
  });

  it("finds the ends of the change log from its key (asked on every page request)", async () => {
    const plans = await plansOf(() => store.changeLogBounds());
    expectIndexed(engine, plans);
    // Not even a walk of an index: each end is read where the key starts or ends.
    for (const { plan } of plans) expect(plan.filter((line) => /^SCAN story_changes/.test(line))).toEqual([]);
  });

  it("reads a story with its authors, tags and related stories by key and index", async () => {
    expectIndexed(engine, await plansOf(() => store.getStory("story-20")));
  });

  it("fills the related block in one statement, seeking each index to the story's place, not walking the newer stories", async () => {
    const plans = await plansOf(() => store.getStory("story-20"));
    const sources = plans.filter(({ sql: text }) => /order by "published_at" desc/.test(text));
    // The section's and the tag's reads, in one statement: each must seek by (time, slug), not by
    // section or tag alone.
    expect(sources).toHaveLength(1);
    const [{ sql: text, plan }] = sources as [Plans[number]];
    const seek =
      engine === "sqlite"
        ? plan.filter((line) => /USING COVERING INDEX \w+ \(\w+=\? AND \(published_at,\w+\)<\(\?,\?\)\)/.test(line))
        : plan.filter((line) => /^Index Only Scan .*ROW\(published_at, \w+\) < ROW\(/.test(line));
    expect(seek, `${text}\n  ${plan.join("\n  ")}`).toHaveLength(2);
  });

  it("reads a story page in four statements: the row, its authors and tags, its linked stories, its fill", async () => {
    const plans = await plansOf(() => store.getStory("story-20"));
    expect(plans.map(({ sql: text }) => text)).toHaveLength(4);
    expect((await store.getStory("story-20"))?.related.map((s) => s.slug)).toEqual([
      "story-19", // linked from its body
      "story-18", // then the newest of its section (world) and its tag (tag-0) before it
      "story-16",
      "story-14",
      "story-12",
      "story-10",
    ]);
  });

  it("reads a story by statements kept planned: on PostgreSQL, named and prepared once a connection", async () => {
    recording.executed.length = 0;
    await store.getStory("story-40-before");
    const names = recording.executed.map((query) => keptPlanName(query.sql));
    expect(names.length).toBeGreaterThan(0);
    for (const [i, name] of names.entries()) expect(name, recording.executed[i]?.sql).toBeDefined();
    if (engine !== "postgres") return;
    await db.connection().execute(async (connection) => {
      await createStoryStore(connection, engine).getStory("story-40-before");
      const prepared = await sql<{ name: string }>`select name from pg_prepared_statements`.execute(connection);
      expect(prepared.rows.map((row) => row.name)).toEqual(expect.arrayContaining([...new Set(names)]));
    });
  });

  it("follows a moved story's old slug by key", async () => {
    expectIndexed(engine, await plansOf(() => store.getStory("story-40-before")));
  });

  it("ranks most read from the views of the window only", async () => {
    const plans = await plansOf(() => store.mostRead(new Date(Date.now() - 86_400_000), 5));
    expectIndexed(engine, plans);
    if (engine === "sqlite")
      expect(plans.flatMap((p) => p.plan)).toContainEqual(expect.stringMatching(/^SEARCH story_views .*\(hour>\?\)/));
    expect((await store.mostRead(new Date(Date.now() - 86_400_000), 5)).map((s) => s.slug)).toEqual([
      "story-5",
      "story-7",
      "story-3",
    ]);
  });

  it("saves a story, links its related headlines and those waiting for it, by key and index", async () => {
    await store.saveStories([{ ...story(50), body: [{ type: "related", headline: "A headline no story has yet" }] }]);
    const plans = await plansOf(() =>
      store.saveStories(
        [
          { ...story(51), headline: "A headline no story has yet" },
          { ...story(52), body: [{ type: "related", headline: "Harbour story number 7" }] },
        ],
        { linkHeadlines: findStoryByHeadline },
      ),
    );
    expectIndexed(engine, plans);
    expect((await store.getStory("story-50"))?.body[0]).toMatchObject({ slug: "story-51" });
    expect((await store.getStory("story-52"))?.body[0]).toMatchObject({ slug: "story-7" });
  });

  it("deletes and moves a story, unlinking and relinking what linked it, by key and index", async () => {
    expectIndexed(engine, await plansOf(() => store.deleteStory("story-8")));
    expectIndexed(
      engine,
      await plansOf(() => store.saveStories([{ ...story(11), slug: "story-11-moved", movedFrom: "story-11" }])),
    );
    expect((await store.getStory("story-12"))?.body[1]).toMatchObject({ slug: "story-11-moved" });
    expect((await store.getStory("story-9"))?.body[1]).toEqual({ type: "related", headline: "Harbour story number 8" });
  });

  it("would catch a full read: an unindexed filter on stories fails the check", async () => {
    const plans = await plansOf(() => db.selectFrom("stories").select("slug").where("deck", "=", "x").execute());
    expect(() => expectIndexed(engine, plans)).toThrow();
  });
});

// Feeds and sitemaps: a feed page's stories whole in a fixed number of queries, and the sitemap
// reads as ranges of a publication index: a month's stories are a range, never a scan of them all.
describe.each(testEngines)("query plans of feeds and sitemaps on %s", (engine) => {
  let database: TestDatabase;
  let setup: StoryStore;
  let recording: ReturnType<typeof recordingStore>;
  let db: Kysely<Database>;
  let store: StoryStore;
  let executed: CompiledQuery[];

  /** Stories in three months: January, February and April 2026 (none in March). */
  const dated = (n: number): StoryInput => {
    const month = [0, 1, 3][n % 3] as number;
    const at = new Date(Date.UTC(2026, month, 1 + (n % 27), n % 24)).toISOString();
    return { ...story(n), publishedAt: at, updatedAt: at, body: [{ type: "paragraph", text: `Story ${n}.` }] };
  };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    setup = await openStore(database.url);
    await setup.saveSections([
      { slug: "city", name: "City" },
      { slug: "world", name: "World" },
    ]);
    await setup.saveStories(Array.from({ length: 60 }, (_, n) => dated(n + 1)));
    recording = recordingStore(database.url, engine);
    ({ db, store, executed } = recording);
  });

  afterAll(async () => {
    await db.destroy();
    await setup.close();
    await database.drop();
  });

  const plansOf = (operation: () => Promise<unknown>) => recording.plansOf(operation);
  const explain = (query: CompiledQuery) => recording.explain(query);

  /**
   * Every query that reads a span of stories (a month, or part of one) reads it as a range of a
   * publication index: the index is sought to the span's start, and left at its end.
   */
  function expectPublicationRange(plans: { sql: string; plan: string[] }[], spans: number) {
    const spanReads = plans.filter((p) => /published_at >= .* and published_at <= /s.test(p.sql));
    expect(spanReads).toHaveLength(spans);
    for (const { sql: text, plan } of spanReads) {
      const range =
        engine === "sqlite"
          ? /^SEARCH stories USING (COVERING )?INDEX stories_(by_publication|newest) \(published_at>\? AND published_at<\?\)/
          : /^Index (Only )?Scan( Backward)? stories stories_(by_publication|newest) .*published_at >= .*published_at <= /;
      expect(
        plan.some((line) => range.test(line)),
        `${text}\n  ${plan.join("\n  ")}`,
      ).toBe(true);
    }
  }

  it("reads a feed page's stories whole in two queries by key, for 3 stories as for 40", async () => {
    const slugs = (await store.listStories({ limit: 40 })).items.map((s) => s.slug);
    const few = await plansOf(() => store.fullStories(slugs.slice(0, 3)));
    const many = await plansOf(() => store.fullStories(slugs));
    expect(few).toHaveLength(2);
    expect(many).toHaveLength(2);
    expectIndexed(engine, many);
    expect((await store.fullStories(slugs)).map((s) => s.slug)).toEqual(slugs);
  });

  it("lists every story's headline for an import from an index, not from the stories' rows", async () => {
    const plans = await plansOf(() => store.listHeadlines());
    expect(plans).toHaveLength(1);
    // PostgreSQL reads these few small rows whichever way it likes; SQLite's plan is the same at any size.
    if (engine === "sqlite") expect(plans[0]?.plan.join("\n")).toContain("USING COVERING INDEX stories_headlines");
    expect(await store.listHeadlines()).toHaveLength(await store.countStories());
  });

  it("finds the months of stories in one read of their summary, none of the stories", async () => {
    const plans = await plansOf(() => store.sitemaps.months());
    expect(plans).toHaveLength(1);
    expectIndexed(engine, plans);
    for (const { sql: text, plan } of plans) {
      expect(text).not.toMatch(/\bstories\b/);
      expect(
        plan.filter((line) => /\bstories\b/.test(line)),
        plan.join("\n"),
      ).toEqual([]);
    }
    expect((await store.sitemaps.months()).map((m) => [m.month, m.count])).toEqual([
      ["2026-01", 20],
      ["2026-02", 20],
      ["2026-04", 20],
    ]);
  });

  it("reads a month's latest change again, when a write takes it away, from the month's range of the index", async () => {
    // What the triggers of migration 0015 run when the story leaving a month held its lastmod.
    const query = sql`select ${sql.raw(monthGreatestChange("'2026-02'"))} as lastmod`.compile(db);
    const plan = await explain(query);
    expectIndexed(engine, [{ sql: query.sql, plan }]);
    const range =
      engine === "sqlite"
        ? /^SEARCH s USING COVERING INDEX stories_by_publication \(published_at>\? AND published_at<\?\)/
        : /^Index Only Scan stories stories_by_publication .*published_at >= .*published_at < /;
    expect(
      plan.some((line) => range.test(line)),
      plan.join("\n"),
    ).toBe(true);
  });

  it("reads a month's stories, its parts and its summary as ranges of the publication index, in order", async () => {
    const february = monthSpan("2026-02");
    const first = await store.sitemaps.page(february, 5);
    const last = first.at(-1);
    if (!last) throw new Error("no stories in February");
    const plans = [
      ...(await plansOf(() => store.sitemaps.page(february, 5))),
      ...(await plansOf(() => store.sitemaps.page(february, 5, { publishedAt: last.publishedAt, slug: last.slug }))),
      ...(await plansOf(() => store.sitemaps.keyAt(february, 10))),
      ...(await plansOf(() => store.sitemaps.summary(february))),
    ];
    expectIndexed(engine, plans, { inOrder: true });
    expectPublicationRange(plans, 4);
  });

  it("seeks a page after a key to that key, not to the start of the month", async () => {
    const april = monthSpan("2026-04");
    const first = await store.sitemaps.page(april, 10);
    const last = first.at(-1);
    if (!last) throw new Error("no stories in April");
    executed.length = 0;
    const next = await store.sitemaps.page(april, 10, { publishedAt: last.publishedAt, slug: last.slug });
    expect(next.map((s) => s.slug)).not.toContain(last.slug);
    expect([...first, ...next].map((s) => s.slug)).toEqual((await store.sitemaps.page(april, 20)).map((s) => s.slug));
    const [query] = executed;
    if (!query) throw new Error("no query");
    // The one lower bound on the time is the key's: it is where the range of the index starts.
    expect(query.sql.match(/published_at >= /g)).toHaveLength(1);
    expect(query.parameters[0]).toBe(last.publishedAt);
    const plan = await explain(query);
    if (engine === "postgres")
      expect(plan).toContainEqual(expect.stringContaining(`(published_at >= '${last.publishedAt}'::text)`));
    else
      expect(plan).toEqual([
        "SEARCH stories USING COVERING INDEX stories_by_publication (published_at>? AND published_at<?)",
      ]);
  });
});
