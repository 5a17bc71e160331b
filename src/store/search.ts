// Full-text search on each engine. The words are letters and digits only (see queryWords), so
// they are safe to write into the engines' query syntax; everything else goes in as parameters.
import { type Kysely, sql } from "kysely";
import type { Database, StoryRow } from "./schema";

type Search = (db: Kysely<Database>, words: string[], limit: number, offset: number) => Promise<StoryRow[]>;

/** SQLite FTS5 (porter stemming): every word, the last as a prefix; headline hits ranked first. */
export const searchSqlite: Search = async (db, words, limit, offset) => {
  const match = words.map((word, i) => `"${word}"${i === words.length - 1 ? "*" : ""}`).join(" ");
  const { rows } = await sql<StoryRow>`
    select s.*, sec.name as section_name,
      s.rowid in (select rowid from stories_fts where stories_fts match ${`headline : (${match})`}) as headline_hit
    from stories_fts
    join stories s on s.rowid = stories_fts.rowid
    join sections sec on sec.slug = s.section_slug
    where stories_fts match ${match}
    order by headline_hit desc, s.published_at desc, s.slug desc
    limit ${limit} offset ${offset}`.execute(db);
  return rows;
};

/** PostgreSQL tsvector (english stemming, GIN index): the same ranking. */
export const searchPostgres: Search = async (db, words, limit, offset) => {
  const query = words.map((word, i) => (i === words.length - 1 ? `${word}:*` : word)).join(" & ");
  const { rows } = await sql<StoryRow>`
    select s.*, sec.name as section_name,
      to_tsvector('english', s.headline) @@ to_tsquery('english', ${query}) as headline_hit
    from stories s
    join sections sec on sec.slug = s.section_slug
    where s.search_doc @@ to_tsquery('english', ${query})
    order by headline_hit desc, s.published_at desc, s.slug desc
    limit ${limit} offset ${offset}`.execute(db);
  return rows;
};
