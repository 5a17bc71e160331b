// Upgrading a store that has stories: the search migrations index what is already there, the
// listing indexes carry the times of the stories already tagged, and related links are indexed.

import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import type { SearchPosition } from "../model/search";
import { decodeCursor } from "../model/storyList";
import type { Engine } from "./engine";
import { migrations } from "./migrations";
import { openStore } from "./openStore";
import { checkSqliteSearchIndex } from "./searchIndexCheck";
import { createTestDatabase, type TestDatabase, testEngines } from "./testDatabases";

describe.each(testEngines)("migrations on %s", (engine) => {
  let database: TestDatabase;
  afterEach(() => database.drop());

  it("index the stories a store held before search existed", async () => {
    let db: Kysely<unknown>;
    ({ database, db } = await storeAt(engine, "0002-content-hash"));
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
      const hits = await store.searchStories(["lamplighters"], 10);
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

/** A fresh database migrated up to `version` only, as an older Dispatch left it, and a connection to it. */
async function storeAt(engine: Engine, version: string): Promise<{ database: TestDatabase; db: Kysely<unknown> }> {
  const database = await createTestDatabase(engine);
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
  const { error } = await migrator.migrateTo(version);
  expect(error).toBeUndefined();
  return { database, db };
}

describe.each(testEngines)("the keyset search migration on %s", (engine) => {
  let database: TestDatabase;
  afterEach(() => database.drop());

  it("keeps search right for the stories a store already held, and for every change after", async () => {
    const old = await storeAt(engine, "0004-views");
    database = old.database;
    const db = old.db;
    await db
      .insertInto("sections" as never)
      .values({ slug: "city", name: "City", position: 0 } as never)
      .execute();
    // Stories as search before keysets indexed them: four share one millisecond, saved out of slug order.
    const row = (slug: string, headline: string, text: string, at: string) => ({
      slug,
      headline,
      section_slug: "city",
      published_at: at,
      updated_at: at,
      has_video: 0,
      body_json: JSON.stringify([{ type: "paragraph", text }]),
      search_text: text,
    });
    const same = "2026-11-02T09:00:00.000Z";
    await db
      .insertInto("stories" as never)
      .values([
        row("quay-d", "Quay lights", "Lamps.", same),
        row("quay-a", "Market day", "Stalls on the quay.", same),
        row("quay-c", "Quay repairs", "Cranes.", same),
        row("quay-b", "Ferry day", "Boats at the quay.", same),
        row("quay-e", "Quay at dawn", "Fog.", "2026-11-01T06:00:00.000Z"),
        row("quay-f", "Fish prices", "The quay market.", "2026-11-03T06:00:00.000Z"),
        row("other", "Harbour lights", "Nothing here.", "2026-11-04T06:00:00.000Z"),
      ] as never)
      .execute();
    await db.destroy();

    const store = await openStore(database.url);
    try {
      const slugs = async (limit = 10) => (await store.searchStories(["quay"], limit)).map((hit) => hit.story.slug);
      expect(await slugs()).toEqual(["quay-d", "quay-c", "quay-e", "quay-f", "quay-b", "quay-a"]);
      // One story a page, by keyset: most pages end inside the millisecond the four share.
      const walked: string[] = [];
      let after: SearchPosition | undefined;
      for (let page = 0; page < 10; page++) {
        const [hit, more] = await store.searchStories(["quay"], 2, after);
        if (!hit) break;
        walked.push(hit.story.slug);
        if (!more) break;
        after = { phase: hit.phase, publishedAt: hit.story.publishedAt, slug: hit.story.slug };
      }
      expect(walked).toEqual(await slugs());

      // After the upgrade, the index follows new stories, changed headlines and dates, and deletes.
      const story = (slug: string, headline: string, at: string) => ({
        slug,
        headline,
        section: "city",
        authors: [],
        tags: [],
        publishedAt: at,
        updatedAt: at,
        body: [{ type: "paragraph" as const, text: "Words." }],
      });
      await store.saveStories([
        story("quay-g", "Quay opens", same),
        story("quay-c", "Repairs", "2026-10-01T00:00:00.000Z"),
        story("other", "Quay lights again", "2026-11-04T06:00:00.000Z"),
      ]);
      await store.deleteStory("quay-d");
      expect(await slugs()).toEqual(["other", "quay-g", "quay-e", "quay-f", "quay-b", "quay-a"]);
      if (engine === "sqlite") checkSqliteSearchIndex(database.url);
    } finally {
      await store.close();
    }
  });
});

describe.each(testEngines)("the unsafe text migration on %s", (engine) => {
  let database: TestDatabase;
  afterEach(() => database.drop());

  it("takes the characters the schema now refuses out of stored stories, so they read back", async () => {
    let db: Kysely<unknown>;
    ({ database, db } = await storeAt(engine, "0009-stories-by-publication"));
    const insert = (table: string, values: Record<string, unknown>) =>
      db
        .insertInto(table as never)
        .values(values as never)
        .execute();
    await insert("sections", { slug: "city", name: "Ci\u001bty", position: 0 });
    await insert("stories", {
      slug: "lit-quay",
      headline: "Harbour\u001b lights\u202e on the quay",
      deck: "A deck\u000b with a vertical tab",
      section_slug: "city",
      published_at: "2026-11-01T00:00:00.000Z",
      updated_at: "2026-11-01T00:00:00.000Z",
      has_video: 0,
      body_json: JSON.stringify([
        { type: "paragraph", text: "Lamps\u0007 lit." },
        { type: "related", headline: "Quay\u009b lamps dimmed" },
      ]),
    });
    await db.destroy();
    const store = await openStore(database.url);
    try {
      const story = await store.getStory("lit-quay");
      expect(story).toMatchObject({
        headline: "Harbour lights on the quay",
        deck: "A deck with a vertical tab",
        section: { slug: "city", name: "City" },
        body: [
          { type: "paragraph", text: "Lamps lit." },
          { type: "related", headline: "Quay lamps dimmed" },
        ],
      });
      expect((await store.listStories({ limit: 5 })).items.map((s) => s.headline)).toEqual([
        "Harbour lights on the quay",
      ]);
      expect((await store.searchStories(["harbour"], 5)).map((hit) => hit.story.slug)).toEqual(["lit-quay"]);
    } finally {
      await store.close();
    }
  });
});

describe.each(testEngines)("the months' summary migration on %s", (engine) => {
  let database: TestDatabase;
  afterEach(() => database.drop());

  it("fills the summary from the stories a store already held, and keeps it after", async () => {
    let db: Kysely<unknown>;
    ({ database, db } = await storeAt(engine, "0014-live-entries"));
    await db
      .insertInto("sections" as never)
      .values({ slug: "city", name: "City", position: 0 } as never)
      .execute();
    const row = (slug: string, published: string, updated: string) => ({
      slug,
      headline: `Headline of ${slug}`,
      section_slug: "city",
      published_at: published,
      updated_at: updated,
      has_video: 0,
      body_json: JSON.stringify([{ type: "paragraph", text: "Words." }]),
    });
    await db
      .insertInto("stories" as never)
      .values([
        row("oct-a", "2026-10-31T23:59:59.999Z", "2026-11-05T00:00:00.000Z"),
        row("nov-a", "2026-11-01T00:00:00.000Z", "2026-11-01T00:00:00.000Z"),
        row("nov-b", "2026-11-20T12:00:00.000Z", "2026-11-21T08:00:00.000Z"),
        row("nov-c", "2026-11-30T23:00:00.000Z", "2026-11-30T23:00:00.000Z"),
      ] as never)
      .execute();
    await db.destroy();

    const store = await openStore(database.url);
    try {
      expect(await store.sitemaps.months()).toEqual([
        { month: "2026-10", count: 1, lastmod: "2026-11-05T00:00:00.000Z" },
        { month: "2026-11", count: 3, lastmod: "2026-11-30T23:00:00.000Z" },
      ]);
      await store.deleteStory("nov-c");
      expect((await store.sitemaps.months())[1]).toEqual({
        month: "2026-11",
        count: 2,
        lastmod: "2026-11-21T08:00:00.000Z",
      });
    } finally {
      await store.close();
    }
  });
});

describe.each(testEngines)("the search-per-language migration on %s", (engine) => {
  let database: TestDatabase;
  afterEach(() => database.drop());

  it("indexes again the stories a store already held, so that they are found in every form", async () => {
    let db: Kysely<unknown>;
    ({ database, db } = await storeAt(engine, "0017-headline-list"));
    await db
      .insertInto("sections" as never)
      .values({ slug: "city", name: "City", position: 0 } as never)
      .execute();
    const row = (slug: string, headline: string, text: string, published: string) => ({
      slug,
      headline,
      section_slug: "city",
      published_at: published,
      updated_at: published,
      has_video: 0,
      body_json: JSON.stringify([{ type: "paragraph", text }]),
      search_text: text,
    });
    await db
      .insertInto("stories" as never)
      .values([
        row("arabic", "افتتاحُ المَكتبةِ", "انتظر القرّاء أمام أبوابِها", "2026-11-01T00:00:00.000Z"),
        row("japanese", "港の近くに図書館", "東京都の新しい図書館", "2026-11-02T00:00:00.000Z"),
        row("english", "Harbour library opens", "Readers protested for years", "2026-11-03T00:00:00.000Z"),
      ] as never)
      .execute();
    // More stories than the migration folds in one statement.
    const greek = Array.from({ length: 450 }, (_, i) =>
      row(
        `greek-${String(i).padStart(3, "0")}`,
        `Νέα βιβλιοθήκη ${i}`,
        "Ο δήμαρχος μίλησε.",
        "2026-10-01T00:00:00.000Z",
      ),
    );
    for (let i = 0; i < greek.length; i += 150)
      await db
        .insertInto("stories" as never)
        .values(greek.slice(i, i + 150) as never)
        .execute();
    await db.destroy();

    const store = await openStore(database.url);
    try {
      const found = async (words: string[]) => (await store.searchStories(words, 10)).map((hit) => hit.story.slug);
      expect(await found(["المكتبة"])).toEqual(["arabic"]);
      expect(await found(["ابوابها"])).toEqual(["arabic"]);
      expect(await found(["図書館"])).toEqual(["japanese"]);
      expect(await found(["protest"])).toEqual(["english"]);
      expect((await store.searchStories(["βιβλιοθηκη"], 500)).length).toBe(450);
      if (engine === "sqlite") checkSqliteSearchIndex(database.url);
    } finally {
      await store.close();
    }
  });
});
