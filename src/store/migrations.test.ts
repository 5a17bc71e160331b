// Upgrading a store that has stories: the search migration indexes what is already there.

import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrations } from "./migrations";
import { openStore } from "./openStore";
import { createTestDatabase, type TestDatabase, testEngines } from "./testDatabases";

describe.each(testEngines)("migrations on %s", (engine) => {
  let database: TestDatabase;
  afterEach(() => database.drop());

  it("index the stories a store held before search existed", async () => {
    database = await createTestDatabase(engine);
    const dialect =
      engine === "postgres"
        ? new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) })
        : new SqliteDialect({ database: new SQLite(database.url.slice("file:".length)) });
    const db = new Kysely<unknown>({ dialect });
    const schema = new URL(database.url).searchParams.get("options")?.match(/search_path=(\w+)/)?.[1];
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations(engine) },
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    const { error } = await migrator.migrateTo("0002-content-hash");
    expect(error).toBeUndefined();
    await db
      .insertInto("sections" as never)
      .values({ slug: "city", name: "City", position: 0 } as never)
      .execute();
    await db
      .insertInto("stories" as never)
      .values({
        slug: "older-story",
        headline: "Harbour lights switched on",
        section_slug: "city",
        published_at: "2026-11-01T00:00:00.000Z",
        updated_at: "2026-11-01T00:00:00.000Z",
        has_video: 0,
        body_json: JSON.stringify([{ type: "paragraph", text: "The lamplighters returned to the quay." }]),
      } as never)
      .execute();
    await db.destroy();

    const store = await openStore(database.url);
    try {
      const hits = await store.searchStories(["lamplighters"], 10);
      expect(hits.map((hit) => hit.story.slug)).toEqual(["older-story"]);
    } finally {
      await store.close();
    }
  });
});
