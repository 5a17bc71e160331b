// Upgrading a store that has stories: the search migration indexes what is already there, the
// listing indexes carry the times of the stories already tagged, and related links are indexed.

import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { decodeCursor } from "../model/storyList";
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
    await db
      .insertInto("stories" as never)
      .values({
        slug: "newer-story",
        headline: "Quay lamps dimmed again",
        section_slug: "city",
        published_at: "2026-11-02T00:00:00.000Z",
        updated_at: "2026-11-02T00:00:00.000Z",
        has_video: 0,
        body_json: JSON.stringify([
          { type: "paragraph", text: "Out went the lamps." },
          { type: "related", slug: "older-story", headline: "Harbour lights switched on" },
        ]),
      } as never)
      .execute();
    await db
      .insertInto("tags" as never)
      .values({ slug: "lights", name: "Lights" } as never)
      .execute();
    await db
      .insertInto("story_tags" as never)
      .values([
        { story_slug: "older-story", tag_slug: "lights", position: 0 },
        { story_slug: "newer-story", tag_slug: "lights", position: 0 },
      ] as never)
      .execute();
    await db.destroy();

    const store = await openStore(database.url);
    try {
      const hits = await store.searchStories(["lamplighters"], 10, 0);
      expect(hits.map((hit) => hit.story.slug)).toEqual(["older-story"]);
      // Page by page, newest first: the cursor works only if the tag's rows carry the stories' times.
      const first = await store.listStories({ tag: "lights", limit: 1 });
      const cursor = decodeCursor(first.nextCursor ?? "") ?? undefined;
      const second = await store.listStories({ tag: "lights", limit: 1, cursor });
      expect([...first.items, ...second.items].map((story) => story.slug)).toEqual(["newer-story", "older-story"]);
      expect(second.nextCursor).toBeNull();
      // The related links the stories held are indexed too: deleting a story unlinks its headline.
      await store.deleteStory("older-story");
      expect((await store.getStory("newer-story"))?.body[1]).toEqual({
        type: "related",
        headline: "Harbour lights switched on",
      });
    } finally {
      await store.close();
    }
  });
});
