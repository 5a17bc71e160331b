// Schema changes, in order. Each runs once per database, recorded by Kysely's Migrator.
import { type Kysely, sql } from "kysely";
import { type Migration, Migrator } from "kysely/migration";
import { matchWords, normalizeHeadline } from "../model/headlineMatch";
import { searchTerms } from "../model/searchTerms";
import { searchText } from "../model/searchText";
import { type Block, withoutUnsafeCharacters } from "../model/story";
import type { Engine } from "./engine";
import { SLOT_BITS, SLOTS, searchBucket } from "./searchKey";

export const migrations = (engine: Engine): Record<string, Migration> => ({
  "0001-stories": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("sections")
        .addColumn("slug", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("authors")
        .addColumn("slug", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("tags")
        .addColumn("slug", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("stories")
        .addColumn("slug", "text", (c) => c.primaryKey())
        .addColumn("kicker", "text")
        .addColumn("headline", "text", (c) => c.notNull())
        .addColumn("deck", "text")
        .addColumn("section_slug", "text", (c) => c.notNull().references("sections.slug"))
        .addColumn("published_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("image_json", "text")
        .addColumn("has_video", "integer", (c) => c.notNull())
        .addColumn("body_json", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("stories_newest").on("stories").columns(["published_at desc", "slug desc"]).execute();
      await db.schema
        .createIndex("stories_section_newest")
        .on("stories")
        .columns(["section_slug", "published_at desc", "slug desc"])
        .execute();
      for (const [table, column, target] of [
        ["story_authors", "author_slug", "authors.slug"],
        ["story_tags", "tag_slug", "tags.slug"],
      ] as const) {
        await db.schema
          .createTable(table)
          .addColumn("story_slug", "text", (c) => c.notNull().references("stories.slug").onDelete("cascade"))
          .addColumn(column, "text", (c) => c.notNull().references(target))
          .addColumn("position", "integer", (c) => c.notNull())
          .addPrimaryKeyConstraint(`${table}_pk`, ["story_slug", column])
          .execute();
        await db.schema.createIndex(`${table}_by_${column}`).on(table).columns([column, "story_slug"]).execute();
      }
      await db.schema
        .createTable("slug_redirects")
        .addColumn("from_slug", "text", (c) => c.primaryKey())
        .addColumn("to_slug", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
        .execute();
    },
  },
  "0002-content-hash": {
    // A digest of the story as it was last given, so saving the same story again changes nothing.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("stories").addColumn("content_hash", "text").execute();
    },
  },
  "0003-search": {
    // Full-text search, kept in step with the stories by the database itself: FTS5 triggers on
    // SQLite, a generated tsvector column on PostgreSQL. Both stem English ("protests" → protest).
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("stories")
        .addColumn("search_text", "text", (c) => c.notNull().defaultTo(""))
        .execute();
      const rows = await sql<{ slug: string; deck: string | null; body_json: string }>`
        select slug, deck, body_json from stories`.execute(db);
      for (const row of rows.rows)
        await sql`update stories set search_text = ${searchText({ deck: row.deck ?? undefined, body: JSON.parse(row.body_json) })}
          where slug = ${row.slug}`.execute(db);
      if (engine === "postgres") {
        await sql`alter table stories add column search_doc tsvector generated always as (
          setweight(to_tsvector('english', headline), 'A') || setweight(to_tsvector('english', search_text), 'B')) stored`.execute(
          db,
        );
        await sql`create index stories_search on stories using gin (search_doc)`.execute(db);
        return;
      }
      await sql`create virtual table stories_fts using fts5(headline, search_text, content='stories',
        content_rowid='rowid', tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
      await sql`create trigger stories_fts_insert after insert on stories begin
        insert into stories_fts(rowid, headline, search_text) values (new.rowid, new.headline, new.search_text); end`.execute(
        db,
      );
      await sql`create trigger stories_fts_delete after delete on stories begin
        insert into stories_fts(stories_fts, rowid, headline, search_text)
        values ('delete', old.rowid, old.headline, old.search_text); end`.execute(db);
      await sql`create trigger stories_fts_update after update on stories begin
        insert into stories_fts(stories_fts, rowid, headline, search_text)
        values ('delete', old.rowid, old.headline, old.search_text);
        insert into stories_fts(rowid, headline, search_text) values (new.rowid, new.headline, new.search_text); end`.execute(
        db,
      );
      await sql`insert into stories_fts(stories_fts) values ('rebuild')`.execute(db);
    },
  },
  "0004-views": {
    // Story views counted per story and hour: enough for "most read" without keeping any reader's trail.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("story_views")
        .addColumn("story_slug", "text", (c) => c.notNull().references("stories.slug").onDelete("cascade"))
        .addColumn("hour", "text", (c) => c.notNull())
        .addColumn("views", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("story_views_pk", ["story_slug", "hour"])
        .execute();
      await db.schema.createIndex("story_views_by_hour").on("story_views").columns(["hour", "story_slug"]).execute();
    },
  },
  "0005-listing-indexes": {
    // Tag and author pages list a tag's or an author's stories newest first. Each link row carries
    // its story's publication time, so one index range gives a page in order at any archive size
    // (a join through stories would sort every story of the tag first).
    async up(db: Kysely<unknown>) {
      for (const [table, column] of [
        ["story_tags", "tag_slug"],
        ["story_authors", "author_slug"],
      ] as const) {
        await db.schema
          .alterTable(table)
          .addColumn("published_at", "text", (c) => c.notNull().defaultTo(""))
          .execute();
        await sql`update ${sql.table(table)} set published_at =
          (select published_at from stories where stories.slug = ${sql.ref(`${table}.story_slug`)})`.execute(db);
        await db.schema
          .createIndex(`${table}_newest`)
          .on(table)
          .columns([column, "published_at desc", "story_slug desc"])
          .execute();
      }
      // Most read sums the last day's views: an index that holds them, found by hour.
      await db.schema.dropIndex("story_views_by_hour").execute();
      await db.schema
        .createIndex("story_views_by_hour")
        .on("story_views")
        .columns(["hour", "story_slug", "views"])
        .execute();
    },
  },
  "0006-related-links": {
    // Related headlines, indexed (see store/relatedLinks.ts): each story's normalised headline and
    // its words, and a row per inline related block with the story it links, so linking and
    // unlinking touch only the rows concerned instead of every story's body.
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable("stories")
        .addColumn("headline_key", "text", (c) => c.notNull().defaultTo(""))
        .execute();
      await db.schema.createIndex("stories_by_headline_key").on("stories").column("headline_key").execute();
      await db.schema
        .createTable("headline_words")
        .addColumn("word", "text", (c) => c.notNull())
        .addColumn("story_slug", "text", (c) => c.notNull().references("stories.slug").onDelete("cascade"))
        .addPrimaryKeyConstraint("headline_words_pk", ["word", "story_slug"])
        .execute();
      await db.schema.createIndex("headline_words_by_story").on("headline_words").column("story_slug").execute();
      await db.schema
        .createTable("related_links")
        .addColumn("owner_slug", "text", (c) => c.notNull().references("stories.slug").onDelete("cascade"))
        .addColumn("position", "integer", (c) => c.notNull())
        .addColumn("headline", "text", (c) => c.notNull())
        .addColumn("headline_key", "text", (c) => c.notNull())
        .addColumn("target_slug", "text")
        .addPrimaryKeyConstraint("related_links_pk", ["owner_slug", "position"])
        .execute();
      await db.schema.createIndex("related_links_by_target").on("related_links").column("target_slug").execute();
      // Moving or deleting a story finds the redirects that lead to it.
      await db.schema.createIndex("slug_redirects_by_target").on("slug_redirects").column("to_slug").execute();

      const { rows } = await sql<{ slug: string; headline: string; body_json: string }>`
        select slug, headline, body_json from stories`.execute(db);
      const { rows: redirects } = await sql<{ from_slug: string }>`select from_slug from slug_redirects`.execute(db);
      const reachable = new Set([...rows.map((row) => row.slug), ...redirects.map((row) => row.from_slug)]);
      for (const row of rows) {
        const { words } = matchWords(row.headline);
        await sql`update stories set headline_key = ${normalizeHeadline(row.headline)} where slug = ${row.slug}`.execute(
          db,
        );
        for (const word of words)
          await sql`insert into headline_words (word, story_slug) values (${word}, ${row.slug})`.execute(db);
        for (const [position, block] of (JSON.parse(row.body_json) as Block[]).entries()) {
          if (block.type !== "related") continue;
          const target = block.slug && reachable.has(block.slug) ? block.slug : null;
          await sql`insert into related_links (owner_slug, position, headline, headline_key, target_slug)
            values (${row.slug}, ${position}, ${block.headline}, ${normalizeHeadline(block.headline)}, ${target})`.execute(
            db,
          );
        }
      }
    },
  },
  "0007-store-version": {
    // A number every write transaction raises first: a server learns whether anything changed
    // (to drop what it rendered) with one point read. Raising it first also queues writers on
    // PostgreSQL, which keeps concurrent publishes from deadlocking each other.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("store_version")
        .addColumn("id", "integer", (c) => c.primaryKey())
        .addColumn("version", "integer", (c) => c.notNull())
        .execute();
      await sql`insert into store_version (id, version) values (1, 1)`.execute(db);
    },
  },
  "0008-search-keyset": {
    // Search pages by keyset in two phases (headline matches, then the rest), each newest first, and
    // each reads only the page it returns. PostgreSQL: a tsvector of the headline alone, with its
    // own GIN index, for the first phase; the keyset uses stories_newest. SQLite: FTS5 walks a match
    // in rowid order and stops at the LIMIT, so the FTS rowid becomes `search_key`, which sorts by
    // published_at (searchKey.ts): "newest first" is "rowid descending" inside FTS5. It also stops
    // using the implicit rowid, which VACUUM may renumber under an external-content FTS table.
    async up(db: Kysely<unknown>) {
      if (engine === "postgres") {
        await sql`alter table stories add column headline_doc tsvector
          generated always as (to_tsvector('english', headline)) stored`.execute(db);
        await sql`create index stories_headline_search on stories using gin (headline_doc)`.execute(db);
        // With the default target, a prefix of a word outside the ~100 most common lexemes is
        // guessed at 0.5% of stories: a word in 20 of 100,000 was planned as a walk of every story.
        // A target of 1000 keeps ~1000 lexemes' frequencies, and such a word is found through GIN.
        for (const column of ["search_doc", "headline_doc"])
          await sql`alter table stories alter column ${sql.id(column)} set statistics 1000`.execute(db);
        await sql`analyze stories`.execute(db);
        return;
      }
      await sql`alter table stories add column search_key integer`.execute(db);
      const crowded = await sql<{ stories: number }>`select count(*) as stories from stories
        group by ${sql.raw(searchBucket("published_at"))} order by 1 desc limit 1`.execute(db);
      if ((crowded.rows[0]?.stories ?? 0) > SLOTS)
        throw new Error(`more than ${SLOTS} stories share one published_at millisecond`);
      await sql`update stories set search_key = keyed.search_key from (
          select slug, (${sql.raw(searchBucket("published_at"))} << ${sql.raw(String(SLOT_BITS))})
            + row_number() over (partition by ${sql.raw(searchBucket("published_at"))} order by slug) - 1 as search_key
          from stories) as keyed
        where keyed.slug = stories.slug`.execute(db);
      await sql`create unique index stories_search_key on stories (search_key)`.execute(db);
      for (const trigger of ["stories_fts_insert", "stories_fts_delete", "stories_fts_update"])
        await sql`drop trigger ${sql.id(trigger)}`.execute(db);
      await sql`drop table stories_fts`.execute(db);
      await sql`create virtual table stories_fts using fts5(headline, search_text, content='stories',
        content_rowid='search_key', tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
      for (const trigger of searchKeyTriggers(["headline", "search_text"])) await sql.raw(trigger).execute(db);
      await sql`insert into stories_fts(stories_fts) values ('rebuild')`.execute(db);
    },
  },
  "0009-stories-by-publication": {
    // Sitemaps list each month's stories with when each last changed, and the index gives each
    // month its latest change. With updated_at in the index beside the publication key, both read
    // index pages only; through stories_newest every story's row would be read to find updated_at.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex("stories_by_publication")
        .on("stories")
        .columns(["published_at", "slug", "updated_at"])
        .execute();
    },
  },
  "0010-unsafe-text": {
    // The story schema now refuses control characters, bidi overrides and lone surrogates
    // (docs/decisions/012-the-store-survives-its-database.md), and reads go through it: text
    // stored before loses them here, so every story still reads back. Stories are read a page at
    // a time and written only when something changed (rarely anything).
    async up(db: Kysely<unknown>) {
      for (const table of ["sections", "authors", "tags"]) {
        const rows = await sql<{ slug: string; name: string }>`select slug, name from ${sql.table(table)}`.execute(db);
        for (const row of rows.rows)
          if (withoutUnsafeCharacters(row.name) !== row.name)
            await sql`update ${sql.table(table)} set name = ${withoutUnsafeCharacters(row.name)}
              where slug = ${row.slug}`.execute(db);
      }
      type Row = { slug: string; kicker: string | null; headline: string; deck: string | null } & {
        image_json: string | null;
        body_json: string;
      };
      let after = "";
      for (;;) {
        const { rows } = await sql<Row>`select slug, kicker, headline, deck, image_json, body_json from stories
          where slug > ${after} order by slug limit 500`.execute(db);
        for (const row of rows) await cleanStory(db, row);
        const last = rows.at(-1);
        if (!last) break;
        after = last.slug;
      }
    },
  },
  "0011-request-counts": {
    // Requests counted per client and limit, in fixed windows, shared by every process and server
    // on the database (docs/decisions/014). A row per (limit, hashed client): its window's end and
    // its count, deleted once the window has passed. Nothing a restart must keep, so PostgreSQL
    // neither logs nor replicates it (unlogged).
    async up(db: Kysely<unknown>) {
      let table = db.schema.createTable("request_counts");
      if (engine === "postgres") table = table.modifyFront(sql`unlogged`);
      await table
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("window_end", "bigint", (c) => c.notNull())
        .addColumn("hits", "integer", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("request_counts_by_end").on("request_counts").column("window_end").execute();
    },
  },
  "0012-story-changes": {
    // The change log (docs/decisions/019): one row per change a reader can see, in the order the
    // changes were committed, read by every server's event stream (GET /api/events). Written in
    // the write transaction after the store version is raised, which queues writers, so ids are
    // taken in commit order on both engines and a reader resuming after an id misses nothing.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("story_changes")
        .addColumn("id", engine === "postgres" ? "bigserial" : "integer", (c) =>
          engine === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("slug", "text", (c) => c.notNull())
        .addColumn("data_json", "text", (c) => c.notNull())
        .addColumn("changed_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("story_changes_by_time").on("story_changes").column("changed_at").execute();
    },
  },
  "0013-revisions": {
    // Every write of a story that changes it keeps the story as written, numbered per story
    // (store/revisions.ts, docs/decisions/017). Keyed by the story's current slug: a move carries
    // its revisions along, a delete takes them. History starts with the first write after this.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("story_revisions")
        .addColumn("story_slug", "text", (c) => c.notNull())
        .addColumn("revision", "integer", (c) => c.notNull())
        .addColumn("saved_at", "text", (c) => c.notNull())
        .addColumn("content_hash", "text", (c) => c.notNull())
        .addColumn("story_json", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("story_revisions_pk", ["story_slug", "revision"])
        .execute();
    },
  },
  "0014-live-entries": {
    // Live coverage (src/store/liveEntries.ts): when a story's coverage started and ended, and its
    // timestamped entries, read newest first by (story, posted_at, id) and the few pinned apart.
    // Both go with their story.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("live_coverage")
        .addColumn("story_slug", "text", (c) => c.primaryKey().references("stories.slug").onDelete("cascade"))
        .addColumn("started_at", "text", (c) => c.notNull())
        .addColumn("ended_at", "text")
        .execute();
      await db.schema
        .createTable("live_entries")
        .addColumn("id", engine === "postgres" ? "serial" : "integer", (c) =>
          engine === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("story_slug", "text", (c) => c.notNull().references("stories.slug").onDelete("cascade"))
        .addColumn("posted_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("headline", "text")
        .addColumn("body_json", "text", (c) => c.notNull())
        .addColumn("pinned", "integer", (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex("live_entries_by_time")
        .on("live_entries")
        .columns(["story_slug", "posted_at", "id"])
        .execute();
      await db.schema
        .createIndex("live_entries_pinned")
        .on("live_entries")
        .columns(["story_slug", "posted_at", "id"])
        .where(sql.ref("pinned"), "=", 1)
        .execute();
    },
  },
  "0015-story-months": {
    // The sitemap index lists each month of publication with its stories' count and latest
    // updated_at. Read from the stories, that was every story's entry of the publication index
    // (59 ms at 100,000 stories on SQLite, 131 ms on PostgreSQL); kept here, a row a month, by
    // the database on every insert, update and delete of a story, in that write's transaction,
    // whichever code or Dispatch version writes (docs/decisions/020). Filled from what is stored.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("story_months")
        .addColumn("month", "text", (c) => c.primaryKey())
        .addColumn("story_count", "integer", (c) => c.notNull())
        .addColumn("lastmod", "text", (c) => c.notNull())
        .execute();
      if (engine === "postgres") {
        await sql.raw(storyMonthsFunction).execute(db);
        for (const trigger of storyMonthsPostgresTriggers) await sql.raw(trigger).execute(db);
      } else for (const trigger of storyMonthsSqliteTriggers) await sql.raw(trigger).execute(db);
      await sql`insert into story_months (month, story_count, lastmod)
        select substr(published_at, 1, 7), count(*), max(updated_at) from stories
        group by substr(published_at, 1, 7)`.execute(db);
    },
  },
  "0016-answer-invalidations": {
    // What each write changed, by the store version it raised (docs/decisions/026): every server
    // process reads the rows after the version its kept answers were checked at, and forgets only
    // the answers that depend on one of their keys. Written in the write's transaction, so a
    // version a reader sees always has its row. Keys are space-separated (model/dependencies.ts).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("answer_invalidations")
        .addColumn("version", "integer", (c) => c.primaryKey())
        .addColumn("keys", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0017-headline-list": {
    // Every story's slug and headline, which an import reads to know the stories a scraped line may
    // name: without an index that holds both, that read went through every story's row, bodies and
    // all (a 1.7 GB file at 100,000 seeded stories: 1.6 to 3.4 s on SQLite with the file already in
    // memory, longer from disk); from this index, 0.13 to 0.3 s.
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex("stories_headlines").on("stories").columns(["slug", "headline"]).execute();
    },
  },
  "0018-story-language": {
    // A story's language (BCP 47), when it is not the site's: null for every story before it, which
    // are in the site's. And the stories that translate it, as JSON ({ language, slug }[]) or null.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("stories").addColumn("language", "text").execute();
      await db.schema.alterTable("stories").addColumn("translations_json", "text").execute();
    },
  },
  "0020-search-per-language": {
    // Search in every language (docs/decisions/034): the engines index the stories' text as
    // searchTerms() writes it (marks dropped, Arabic letters folded, Chinese and Japanese in pairs
    // of characters), kept beside the text as it reads, which snippets are cut from. Every story
    // is indexed again. SQLite's tokenizer also keeps marks inside words (Devanagari and Thai
    // vowel signs), where unicode61 cut words at them.
    async up(db: Kysely<unknown>) {
      for (const column of ["headline_terms", "text_terms"])
        await db.schema
          .alterTable("stories")
          .addColumn(column, "text", (c) => c.notNull().defaultTo(""))
          .execute();
      // A statement per 200 stories, in slug order: one per story took 10.9 s on PostgreSQL for 5,000.
      for (let after = ""; ; ) {
        const { rows } = await sql<{ slug: string; headline: string; search_text: string }>`
          select slug, headline, search_text from stories where slug > ${after} order by slug limit 200`.execute(db);
        const last = rows.at(-1);
        if (!last) break;
        const values = rows.map(
          (row) => sql`(${row.slug}, ${searchTerms(row.headline)}, ${searchTerms(row.search_text)})`,
        );
        await sql`with terms (slug, headline_terms, text_terms) as (values ${sql.join(values)})
          update stories set headline_terms = terms.headline_terms, text_terms = terms.text_terms
          from terms where stories.slug = terms.slug`.execute(db);
        after = last.slug;
      }
      if (engine === "postgres") {
        await sql`alter table stories drop column search_doc, drop column headline_doc`.execute(db);
        await sql`alter table stories add column search_doc tsvector generated always as (
          setweight(to_tsvector('english', headline_terms), 'A') || setweight(to_tsvector('english', text_terms), 'B')) stored`.execute(
          db,
        );
        await sql`alter table stories add column headline_doc tsvector
          generated always as (to_tsvector('english', headline_terms)) stored`.execute(db);
        await sql`create index stories_search on stories using gin (search_doc)`.execute(db);
        await sql`create index stories_headline_search on stories using gin (headline_doc)`.execute(db);
        // As in 0008: a rare word's prefix is then found through GIN rather than by a walk.
        for (const column of ["search_doc", "headline_doc"])
          await sql`alter table stories alter column ${sql.id(column)} set statistics 1000`.execute(db);
        await sql`analyze stories`.execute(db);
        return;
      }
      for (const trigger of [
        "stories_search_key",
        "stories_search_insert",
        "stories_search_update",
        "stories_search_delete",
      ])
        await sql`drop trigger ${sql.id(trigger)}`.execute(db);
      await sql`drop table stories_fts`.execute(db);
      await sql`create virtual table stories_fts using fts5(headline_terms, text_terms, content='stories',
        content_rowid='search_key', tokenize="porter unicode61 remove_diacritics 2 categories 'L* N* Co M*'")`.execute(
        db,
      );
      for (const trigger of searchKeyTriggers(["headline_terms", "text_terms"])) await sql.raw(trigger).execute(db);
      await sql`insert into stories_fts(stories_fts) values ('rebuild')`.execute(db);
    },
  },
  "0022-accounts": {
    // People and their ways in (store/accounts.ts, docs/decisions/035): accounts with a role, the
    // invitations that let one set a password or a passkey, sessions, passkeys, the server-side
    // challenges of passkey ceremonies, and per-account API keys. Secrets are kept only hashed:
    // session ids, invitation tokens and API keys as SHA-256 (random, 256 bits), passwords as argon2id.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("accounts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("password_hash", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("invitations")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id_hash", "text", (c) => c.primaryKey())
        .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
        .addColumn("csrf_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_seen_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_by_account").on("sessions").column("account_id").execute();
      await db.schema
        .createTable("passkeys")
        .addColumn("credential_id", "text", (c) => c.primaryKey())
        .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
        .addColumn("public_key", "text", (c) => c.notNull())
        .addColumn("counter", "bigint", (c) => c.notNull())
        .addColumn("transports", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("passkeys_by_account").on("passkeys").column("account_id").execute();
      await db.schema
        .createTable("auth_challenges")
        .addColumn("challenge", "text", (c) => c.primaryKey())
        .addColumn("purpose", "text", (c) => c.notNull())
        .addColumn("account_id", "text")
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("api_keys")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("account_id", "text", (c) => c.notNull().references("accounts.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("scopes", "text", (c) => c.notNull())
        .addColumn("key_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("revoked_at", "text")
        .execute();
    },
  },
  "0023-authorship": {
    // Who made each write (docs/decisions/035): a revision and a live entry name the account that
    // wrote them ("token" for ADMIN_TOKEN), and a story its owner, the account that created it,
    // which is what lets an author publish their own stories and no one else's. Earlier writes name
    // no one (null). Owners are a table of their own so a story's row stays the readers'.
    async up(db: Kysely<unknown>) {
      for (const table of ["story_revisions", "live_entries"]) {
        await db.schema.alterTable(table).addColumn("author_id", "text").execute();
        await db.schema.alterTable(table).addColumn("author_name", "text").execute();
      }
      await db.schema
        .createTable("story_owners")
        .addColumn("story_slug", "text", (c) => c.primaryKey())
        .addColumn("account_id", "text", (c) => c.notNull())
        .execute();
    },
  },
  "0024-story-drafts": {
    // Stories readers may not see (docs/decisions/037): drafts, scheduled stories before their
    // time, unpublished ones. Apart from `stories`, so no reader's query can reach them; a
    // scheduled story is claimed by its due time (status, publish_at).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("story_drafts")
        .addColumn("slug", "text", (c) => c.primaryKey())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("publish_at", "text")
        .addColumn("saved_at", "text", (c) => c.notNull())
        .addColumn("story_json", "text", (c) => c.notNull())
        .addColumn("held_json", "text")
        .execute();
      await db.schema.createIndex("story_drafts_due").on("story_drafts").columns(["status", "publish_at"]).execute();
    },
  },
  "0025-story-previews": {
    // Preview links (docs/decisions/037): a digest of each link's secret, the story it shows, and
    // when it stops working. The secret itself is never stored.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("story_previews")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("slug", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("story_previews_by_expiry").on("story_previews").column("expires_at").execute();
    },
  },
});

/*
 * story_months (0015): a row per month of publication, `month` the first seven characters of the
 * stored published_at (UTC ISO text: YYYY-MM), `story_count` its stories and `lastmod` the
 * greatest updated_at among them, as the sitemap index computed both from the stories before.
 * A story's row comes into its month (count up, lastmod raised to its updated_at) and leaves it
 * (count down, the row gone at zero). When the story leaving held the month's lastmod, or went
 * back from it, the month's greatest updated_at is read again from its range of
 * stories_by_publication: every stored time of month M sorts from M to M || '-32' (days run to
 * 31), and that index holds updated_at beside the key, so the read touches the month's index
 * entries only. An edit within its month that leaves updated_at as it was changes nothing.
 * The same statements on both engines: triggers on SQLite, one PL/pgSQL function on PostgreSQL.
 */
/** The greatest updated_at of the month whose key is the SQL expression `month` (exported for its plan's test). */
export const monthGreatestChange = (month: string) =>
  `(select max(s.updated_at) from stories s where s.published_at >= ${month} and s.published_at < ${month} || '-32')`;

const storyMonthsSqliteTriggers = (() => {
  const oldMonth = "substr(old.published_at, 1, 7)";
  const newMonth = "substr(new.published_at, 1, 7)";
  const arrive = (where: string) => `insert into story_months (month, story_count, lastmod)
      select ${newMonth}, 1, new.updated_at where ${where}
      on conflict (month) do update set story_count = story_count + 1, lastmod = max(lastmod, excluded.lastmod);`;
  const leave = (where: string) => `
    update story_months set story_count = story_count - 1 where month = ${oldMonth} and ${where};
    delete from story_months where month = ${oldMonth} and story_count = 0;`;
  const readAgain = `update story_months set lastmod = coalesce(${monthGreatestChange(oldMonth)}, lastmod)
      where month = ${oldMonth} and lastmod <= old.updated_at;`;
  return [
    `create trigger story_months_insert after insert on stories begin ${arrive("true")} end`,
    `create trigger story_months_delete after delete on stories begin ${leave("true")} ${readAgain} end`,
    `create trigger story_months_update after update of published_at, updated_at on stories
      when ${oldMonth} <> ${newMonth} or old.updated_at <> new.updated_at begin
      update story_months set lastmod = new.updated_at
        where month = ${newMonth} and month = ${oldMonth} and lastmod <= new.updated_at;
      ${leave(`${oldMonth} <> ${newMonth}`)}
      ${readAgain}
      ${arrive(`${oldMonth} <> ${newMonth}`)}
    end`,
  ];
})();

const storyMonthsFunction = `create function story_months_keep() returns trigger language plpgsql as $$
  declare
    old_month text;
    new_month text;
  begin
    if tg_op <> 'INSERT' then old_month := substr(old.published_at, 1, 7); end if;
    if tg_op <> 'DELETE' then new_month := substr(new.published_at, 1, 7); end if;
    if old_month = new_month then
      update story_months set lastmod = new.updated_at where month = new_month and lastmod <= new.updated_at;
    elsif old_month is not null then
      update story_months set story_count = story_count - 1 where month = old_month;
      delete from story_months where month = old_month and story_count = 0;
    end if;
    if old_month is not null then
      update story_months set lastmod = coalesce(${monthGreatestChange("old_month")}, lastmod)
        where month = old_month and lastmod <= old.updated_at;
    end if;
    if new_month is not null and new_month is distinct from old_month then
      insert into story_months (month, story_count, lastmod) values (new_month, 1, new.updated_at)
        on conflict (month) do update set story_count = story_months.story_count + 1,
          lastmod = greatest(story_months.lastmod, excluded.lastmod);
    end if;
    return null;
  end $$`;

const storyMonthsPostgresTriggers = [
  `create trigger story_months_insert after insert on stories for each row execute function story_months_keep()`,
  `create trigger story_months_delete after delete on stories for each row execute function story_months_keep()`,
  `create trigger story_months_update after update of published_at, updated_at on stories for each row
    when (substr(old.published_at, 1, 7) <> substr(new.published_at, 1, 7) or old.updated_at <> new.updated_at)
    execute function story_months_keep()`,
];

/** Cleans one story's stored text (see 0010), with what is derived from it. */
async function cleanStory(
  db: Kysely<unknown>,
  row: { slug: string; kicker: string | null; headline: string; deck: string | null } & {
    image_json: string | null;
    body_json: string;
  },
): Promise<void> {
  const clean = (value: unknown): unknown =>
    typeof value === "string"
      ? withoutUnsafeCharacters(value)
      : Array.isArray(value)
        ? value.map(clean)
        : value !== null && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, clean(inner)]))
          : value;
  const kicker = row.kicker === null ? null : withoutUnsafeCharacters(row.kicker);
  const headline = withoutUnsafeCharacters(row.headline);
  const deck = row.deck === null ? null : withoutUnsafeCharacters(row.deck);
  const image = row.image_json === null ? null : JSON.stringify(clean(JSON.parse(row.image_json)));
  const body = clean(JSON.parse(row.body_json)) as Block[];
  const bodyJson = JSON.stringify(body);
  if (kicker === row.kicker && headline === row.headline && deck === row.deck && image === row.image_json)
    if (bodyJson === JSON.stringify(JSON.parse(row.body_json))) return;
  await sql`update stories set kicker = ${kicker}, headline = ${headline}, deck = ${deck}, image_json = ${image},
    body_json = ${bodyJson}, search_text = ${searchText({ deck: deck ?? undefined, body })},
    headline_key = ${normalizeHeadline(headline)} where slug = ${row.slug}`.execute(db);
  await sql`delete from headline_words where story_slug = ${row.slug}`.execute(db);
  for (const word of matchWords(headline).words)
    await sql`insert into headline_words (word, story_slug) values (${word}, ${row.slug})`.execute(db);
  for (const [position, block] of body.entries())
    if (block.type === "related")
      await sql`update related_links set headline = ${block.headline}, headline_key = ${normalizeHeadline(block.headline)}
        where owner_slug = ${row.slug} and position = ${position}`.execute(db);
}

/**
 * SQL that gives the story new.slug, whose search_key is null, a free slot in its bucket: the one
 * after the highest taken, or when that runs out, the first free one. Setting the key fires
 * stories_search_key, which writes the story's FTS entry.
 */
function placeStory(): string {
  const base = `(${searchBucket("new.published_at")} << ${SLOT_BITS})`;
  const top = `${base} + ${SLOTS - 1}`;
  const highest = `(select max(search_key) from stories where search_key between ${base} and ${top})`;
  const firstFree = `(case when not exists (select 1 from stories where search_key = ${base}) then ${base}
    else (select min(taken.search_key) + 1 from stories taken where taken.search_key between ${base} and ${top}
      and not exists (select 1 from stories next where next.search_key = taken.search_key + 1)) end)`;
  return `
    update stories set search_key = case when coalesce(${highest}, ${base} - 1) < ${top}
        then coalesce(${highest} + 1, ${base}) else ${firstFree} end
      where slug = new.slug and search_key is null;
    select raise(abort, 'more than ${SLOTS} stories share one published_at millisecond')
      where (select search_key from stories where slug = new.slug) > ${top};`;
}

/**
 * Keep stories_fts in step with the stories, keyed by search_key. Only these triggers set a key:
 * a story is placed when inserted, and placed again when its published_at moves to another
 * millisecond. Their nested updates set search_key alone, so they fire stories_search_key and never
 * the trigger that made them (whatever recursive_triggers says).
 */
const searchKeyTriggers = ([headline, text]: readonly [string, string]) => {
  const columns = `${headline}, ${text}`;
  return [
    `create trigger stories_search_key after update of search_key on stories begin
    insert into stories_fts(stories_fts, rowid, ${columns})
      select 'delete', old.search_key, old.${headline}, old.${text} where old.search_key is not null;
    insert into stories_fts(rowid, ${columns})
      select new.search_key, new.${headline}, new.${text} where new.search_key is not null;
  end`,
    `create trigger stories_search_insert after insert on stories begin ${placeStory()} end`,
    `create trigger stories_search_update after update of ${columns}, published_at on stories begin
    insert into stories_fts(stories_fts, rowid, ${columns})
      select 'delete', old.search_key, old.${headline}, old.${text} where old.search_key is not null;
    insert into stories_fts(rowid, ${columns})
      select old.search_key, new.${headline}, new.${text} where old.search_key is not null;
    update stories set search_key = null where slug = new.slug
      and ${searchBucket("old.published_at")} is not ${searchBucket("new.published_at")};
    ${placeStory()}
  end`,
    `create trigger stories_search_delete after delete on stories begin
    insert into stories_fts(stories_fts, rowid, ${columns})
      select 'delete', old.search_key, old.${headline}, old.${text} where old.search_key is not null;
  end`,
  ];
};

/**
 * Applies the migrations not yet applied. `schema` (PostgreSQL) names where the migration
 * bookkeeping lives: Kysely would otherwise take a table of that name in any schema for its own.
 */
export async function migrateToLatest(db: Kysely<unknown>, engine: Engine, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(engine) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
