// The search queries' plans, on each engine: every page is answered from indexes, never by reading
// all of `stories`, nor by sorting all the matches. Speed itself is for benchmarks, not unit tests.
import SQLite from "better-sqlite3";
import { type CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "./openStore";
import { describePostgresPlan, postgresPlan, postgresSeqScans, sqlitePlan, sqliteScans } from "./queryPlan";
import type { Database } from "./schema";
import { postgresSearch, type SearchPage, sqliteSearch } from "./search";
import { createTestDatabase, type TestDatabase, testEngines } from "./testDatabases";

const after = { publishedAt: "2026-11-01T08:00:00.000Z", slug: "some-story" };
const pages: [string, SearchPage & { bucket?: number }][] = [];
for (const words of [["harbour"], ["harbour", "li"]])
  for (const phase of ["headline", "body"] as const) {
    pages.push([`${phase} phase, first page, ${words.join(" ")}`, { words, phase, limit: 11 }]);
    pages.push([`${phase} phase, a later page, ${words.join(" ")}`, { words, phase, limit: 11, after }]);
  }
pages.push(["the rest of one millisecond", { words: ["harbour"], phase: "body", limit: 65536, after, bucket: 1 }]);

describe.each(testEngines)("search plans on %s", (engine) => {
  let database: TestDatabase;
  let db: Kysely<Database>;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await (await openStore(database.url)).close();
    db = new Kysely<Database>({
      dialect:
        engine === "postgres"
          ? new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) })
          : new SqliteDialect({ database: new SQLite(database.url.slice("file:".length)) }),
    });
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  /** The table scans in a query's plan, and the plan, for the failure message. */
  async function scans(query: CompiledQuery): Promise<{ scans: string[]; plan: string }> {
    if (engine === "sqlite") {
      const plan = await sqlitePlan(db, query);
      return { scans: [...sqliteScans(plan), ...(plan.match(/USE TEMP B-TREE FOR ORDER BY/g) ?? [])], plan };
    }
    const plan = await postgresPlan(db, query);
    return { scans: postgresSeqScans(plan).filter((table) => table === "stories"), plan: describePostgresPlan(plan) };
  }

  it.each(pages)("reads no more than it returns: %s", async (_, page) => {
    const queries =
      engine === "sqlite"
        ? [sqliteSearch(page)]
        : (({ walk, edge, beyond }) => [walk, edge, beyond(after, page.limit)])(postgresSearch(page));
    for (const query of queries) {
      const found = await scans(query.compile(db));
      expect(found.scans, found.plan).toEqual([]);
    }
  });

  it("catches a query that reads every story", async () => {
    // By the deck, which no index holds (the headline is in stories_headlines, which PostgreSQL would read whole instead).
    const query = sql`select slug from stories where deck like ${"%harbour%"} order by deck`.compile(db);
    expect((await scans(query)).scans).not.toEqual([]);
  });
});
