// A live story's entries are read from migration 0014's indexes on both engines, in order: the
// newest page, a page by keyset, the pinned ones and the feed never read or sort every entry.
import type { CompiledQuery } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "./engine";
import { connect, openStore } from "./openStore";
import { planNodes, postgresPlan, sqlitePlan } from "./queryPlan";
import { createStoryStore, type StoryStore } from "./storyStore";
import { createTestDatabase, type TestDatabase, testEngines } from "./testDatabases";

const PRICED_OUT = { enable_seqscan: "off", enable_bitmapscan: "off", enable_sort: "off" };

describe.each(testEngines)("live entry plans on %s", (engine: Engine) => {
  let database: TestDatabase;
  let setup: StoryStore;
  let store: StoryStore;
  let close: () => Promise<void>;
  const executed: CompiledQuery[] = [];
  let explain: (query: CompiledQuery) => Promise<string[]>;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    setup = await openStore(database.url);
    await setup.saveSections([{ slug: "city", name: "City" }]);
    const at = "2026-11-27T08:00:00.000Z";
    for (const slug of ["live-a", "live-b"])
      await setup.saveStories([
        {
          slug,
          headline: slug,
          section: "city",
          authors: [],
          tags: [],
          publishedAt: at,
          updatedAt: at,
          live: true,
          body: [{ type: "paragraph", text: "x" }],
        },
      ]);
    for (let i = 0; i < 60; i++)
      await setup.addEntry(
        i % 2 ? "live-a" : "live-b",
        {
          postedAt: new Date(Date.parse(at) + i * 60_000).toISOString(),
          body: [{ type: "paragraph", text: `entry ${i}` }],
          pinned: i < 4,
        },
        new Date(),
      );
    const db = connect(database.url, {
      log: (event) => {
        if (event.level === "query") executed.push(event.query);
      },
    });
    store = createStoryStore(db, engine);
    close = () => db.destroy();
    explain = async (query) =>
      engine === "sqlite"
        ? (await sqlitePlan(db, query)).split("\n").map((line) => line.trim())
        : planNodes(await postgresPlan(db, query, PRICED_OUT)).map((node) =>
            [node["Node Type"], node["Relation Name"], node["Index Name"], node["Index Cond"]]
              .filter(Boolean)
              .join(" "),
          );
  });

  afterAll(async () => {
    await close();
    await setup.close();
    await database.drop();
  });

  async function plansOf(operation: () => Promise<unknown>) {
    executed.length = 0;
    await operation();
    const queries = executed.filter((query) => /live_entries/.test(query.sql));
    expect(queries.length).toBeGreaterThan(0);
    return Promise.all(queries.map(async (query) => ({ sql: query.sql, plan: await explain(query) })));
  }

  function expectInOrderFromIndex(plans: { sql: string; plan: string[] }[]) {
    for (const { sql, plan } of plans) {
      const bad = plan.filter((line) =>
        engine === "sqlite"
          ? /^SCAN live_entries\b(?! USING)/.test(line) || /^USE TEMP B-TREE/.test(line)
          : line.startsWith("Seq Scan") || line.startsWith("Sort"),
      );
      expect(bad, `${sql}\n  ${plan.join("\n  ")}`).toEqual([]);
      expect(plan.join("\n"), sql).toMatch(
        /live_entries_by_time|live_entries_pinned|sqlite_autoindex|PRIMARY KEY|live_entries_pkey/,
      );
    }
  }

  it("reads the first page, pinned entries and all, from the indexes in order", async () => {
    expectInOrderFromIndex(await plansOf(() => store.listEntries("live-a", { limit: 5 })));
  });

  it("reads a page by keyset from the index in order, starting at the cursor rather than walking to it", async () => {
    const first = await store.listEntries("live-a", { limit: 5 });
    const plans = await plansOf(() => store.listEntries("live-a", { before: first?.nextBefore ?? 1, limit: 5 }));
    expectInOrderFromIndex(plans);
    const page = plans.find(({ sql }) => sql.includes("order by"));
    expect(page?.plan.join("\n")).toMatch(
      engine === "sqlite"
        ? /live_entries_by_time \(story_slug=\? AND posted_at<\?\)/
        : /live_entries_by_time.*posted_at/,
    );
  });

  it("reads the feed's newest entries from the index in order", async () => {
    expectInOrderFromIndex(await plansOf(() => store.newestEntries("live-b", 10)));
  });
});
