// Full-text search on each engine, in two keyset-paged phases: stories whose headline matches every
// word, newest first, then the other matches, newest first. Each phase reads only the page it
// returns (see 0008-search-keyset in migrations.ts). Both engines index the text as searchTerms()
// writes it (migration 0020), and a reader's word is looked up as its wordTerms(): one term, or
// the phrase of a Chinese or Japanese word's pairs of characters. The words are letters, marks and
// digits only (see queryWords), so they are safe to write into the engines' query syntax;
// everything else goes in as parameters.
import { type Kysely, type RawBuilder, type Selectable, sql } from "kysely";
import type { SearchPhase, SearchPosition } from "../model/search";
import { wordTerms } from "../model/searchTerms";
import type { Engine } from "./engine";
import type { Database } from "./schema";
import { SLOT_BITS, SLOTS, searchBucket } from "./searchKey";
import type { SummaryRow } from "./storyReads";

/** The columns search reads: a summary's, and the text snippets are cut from. */
export type SearchRow = SummaryRow & Pick<Selectable<Database["stories"]>, "search_text">;

export interface SearchPage {
  words: string[];
  phase: SearchPhase;
  limit: number;
  /** Where the previous page of this phase ended; the phase from its start when absent. */
  after?: Omit<SearchPosition, "phase">;
}

const columns = sql.raw(
  "s.slug, s.kicker, s.headline, s.deck, s.section_slug, s.published_at, s.updated_at, s.image_json, s.has_video, s.language, s.search_text, sec.name as section_name",
);

/**
 * SQLite FTS5 (porter stemming): every word, the last as a prefix. The FTS rowid is the story's
 * search_key, which sorts by published_at to the millisecond (searchKey.ts), so FTS5 hands matches
 * over newest first and stops at the limit. `bucket` asks for the matches of one millisecond only.
 */
export function sqliteSearch({
  words,
  phase,
  limit,
  after,
  bucket,
}: SearchPage & { bucket?: number }): RawBuilder<SearchRow & { search_bucket: number }> {
  const all = `(${words.map((word, i) => `"${wordTerms(word).join(" ")}"${i === words.length - 1 ? "*" : ""}`).join(" ")})`;
  const headline = `({headline_terms} : ${all})`;
  const match = phase === "headline" ? headline : `${all} NOT ${headline}`;
  const from = after
    ? sql`and f.rowid < (((select ${sql.raw(searchBucket("p"))} from (select ${after.publishedAt} as p)) + 1) << ${sql.raw(String(SLOT_BITS))})
        and (+s.published_at < ${after.publishedAt} or (+s.published_at = ${after.publishedAt} and s.slug < ${after.slug}))`
    : sql``;
  // Integer arithmetic only: better-sqlite3 binds a JS number as a REAL, and a REAL near 2^57
  // cannot tell a millisecond's last slot from the next millisecond's first.
  const first = sql`(cast(${bucket} as integer) << ${sql.raw(String(SLOT_BITS))})`;
  const only =
    bucket === undefined ? sql`` : sql`and f.rowid between ${first} and (${first} | ${sql.raw(String(SLOTS - 1))})`;
  return sql<SearchRow & { search_bucket: number }>`
    select ${columns}, f.rowid >> ${sql.raw(String(SLOT_BITS))} as search_bucket
    from stories_fts f
    join stories s on s.search_key = f.rowid
    join sections sec on sec.slug = s.section_slug
    where stories_fts match ${match} ${from} ${only}
    order by f.rowid desc
    limit ${limit}`;
}

/**
 * One page of a phase on SQLite. FTS5 orders by millisecond only, so when the page would end
 * inside one millisecond, the rest of that millisecond's matches are read too, and the page is put
 * in (published_at, slug) order before it is cut.
 */
async function sqlitePage(db: Kysely<Database>, page: SearchPage): Promise<SearchRow[]> {
  let { rows } = await sqliteSearch({ ...page, limit: page.limit + 1 }).execute(db);
  const edge = rows[page.limit - 1];
  if (edge && rows[page.limit]?.search_bucket === edge.search_bucket) {
    const rest = await sqliteSearch({ ...page, limit: SLOTS, bucket: edge.search_bucket }).execute(db);
    rows = [...rows.filter((row) => row.search_bucket !== edge.search_bucket), ...rest.rows];
  }
  return rows.sort(newestFirst).slice(0, page.limit);
}

const newestFirst = (a: SearchRow, b: SearchRow) =>
  a.published_at === b.published_at ? compare(b.slug, a.slug) : compare(b.published_at, a.published_at);
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How many stories past the cursor a PostgreSQL page walks in date order before it asks GIN. */
export const POSTGRES_WALK = 1000;

/**
 * PostgreSQL tsvector (english stemming): headline_doc and search_doc, each with a GIN index. The
 * planner would pick between walking stories_newest (fast when matches are dense among the newest
 * stories) and reading every match through GIN then sorting (fast when they are few) by its guess
 * at how many there are, and it guesses as if matches were spread evenly in time. News words are
 * not ("pandemic"): a word in 2% of stories, all from one old year, walked 90,000 stories (0.5 s).
 * So a page is at most two bounded reads: `walk` takes the matches among the next POSTGRES_WALK
 * stories in date order; when that gives fewer than the page needs, `beyond` takes the rest from
 * the matches older than the last story walked (`edge`), found through GIN alone.
 */
export function postgresSearch({ words, phase, limit, after }: SearchPage, walk = POSTGRES_WALK) {
  const phrase = (terms: string[]) => `(${terms.join(" <-> ")})`;
  const query = words
    .map((word) => wordTerms(word))
    .map((terms, i) =>
      phrase(i === words.length - 1 ? terms.map((t, j) => (j === terms.length - 1 ? `${t}:*` : t)) : terms),
    )
    .join(" & ");
  const tsquery = sql`to_tsquery('english', ${query})`;
  // The headline's small tsvector first: where it matches, the text's is never read.
  const match =
    phase === "headline"
      ? sql`s.headline_doc @@ ${tsquery}`
      : sql`not s.headline_doc @@ ${tsquery} and s.search_doc @@ ${tsquery}`;
  const before = (position: Omit<SearchPosition, "phase"> | undefined) =>
    position ? sql`where (s.published_at, s.slug) < (${position.publishedAt}, ${position.slug})` : sql``;
  return {
    walk: sql<SearchRow>`
      select ${columns}
      from (select * from stories s ${before(after)} order by s.published_at desc, s.slug desc limit ${walk}) s
      join sections sec on sec.slug = s.section_slug
      where ${match}
      order by s.published_at desc, s.slug desc
      limit ${limit}`,
    edge: sql<{ published_at: string; slug: string }>`
      select published_at, slug
      from (select s.published_at, s.slug from stories s ${before(after)}
        order by s.published_at desc, s.slug desc limit ${walk}) walked
      order by published_at, slug
      limit 1`,
    beyond: (edge: Omit<SearchPosition, "phase">, rest: number) => sql<SearchRow>`
      with matches as materialized (
        select s.published_at, s.slug from stories s ${before(edge)} and ${match}
      ), page as (
        select slug from matches order by published_at desc, slug desc limit ${rest}
      )
      select ${columns}
      from page
      join stories s on s.slug = page.slug
      join sections sec on sec.slug = s.section_slug
      order by s.published_at desc, s.slug desc`,
  };
}

async function postgresPage(db: Kysely<Database>, page: SearchPage, walk: number): Promise<SearchRow[]> {
  const queries = postgresSearch(page, walk);
  const { rows } = await queries.walk.execute(db);
  if (rows.length === page.limit) return rows;
  const { rows: edges } = await queries.edge.execute(db);
  const edge = edges[0];
  if (!edge) return rows;
  const { rows: older } = await queries
    .beyond({ publishedAt: edge.published_at, slug: edge.slug }, page.limit - rows.length)
    .execute(db);
  return [...rows, ...older];
}

/**
 * Up to `limit` matches from `after` on: the rest of its phase, then (after the headline phase
 * runs out) the other matches from the newest. Each row says which phase it came from. `walk`
 * (PostgreSQL) is for tests, to make the date-order walk short.
 */
export async function search(
  db: Kysely<Database>,
  engine: Engine,
  words: string[],
  limit: number,
  after?: SearchPosition,
  { walk = POSTGRES_WALK }: { walk?: number } = {},
): Promise<(SearchRow & { phase: SearchPhase })[]> {
  // A word of marks alone (a stray haraka) is no term: it asks for nothing.
  words = words.filter((word) => wordTerms(word).length > 0);
  if (words.length === 0) return [];
  const query =
    engine === "postgres" ? (db: Kysely<Database>, page: SearchPage) => postgresPage(db, page, walk) : sqlitePage;
  const hits: (SearchRow & { phase: SearchPhase })[] = [];
  if (after?.phase !== "body") {
    const rows = await query(db, { words, phase: "headline", limit, after });
    hits.push(...rows.map((row) => ({ ...row, phase: "headline" as const })));
  }
  if (hits.length < limit) {
    const page = { words, phase: "body" as const, limit: limit - hits.length };
    const rows = await query(db, after?.phase === "body" ? { ...page, after } : page);
    hits.push(...rows.map((row) => ({ ...row, phase: "body" as const })));
  }
  return hits;
}
