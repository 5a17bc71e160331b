// The read side of the store: lists, a story with its related stories, most read. Every query
// starts from an index that gives its rows in the order asked for, so a page costs the same at
// fifty stories or at a hundred thousand (src/store/queryPlans.test.ts holds them to it).
import { type Kysely, sql } from "kysely";
import { sectionFillKey, tagFillKey } from "../model/dependencies";
import { kickerCase } from "../model/kickerCase";
import { type Block, imageSchema, type StorySummary } from "../model/story";
import { type Cursor, encodeCursor, type StoryListQuery } from "../model/storyList";
import { keptQuery } from "./keptPlans";
import { coverageFrom, type StoryCoverage } from "./liveEntries";
import type { Database, StoryRow } from "./schema";

const RELATED_LIMIT = 6;
const storedImage = imageSchema.optional();

type Db = Kysely<Database>;

/**
 * Stories with their section's name and whether their live coverage goes on, as every summary
 * needs them: never the body or the search text. The name and the coverage are looked up by key
 * for each story (scalar subqueries) rather than joined: on SQLite the joins cost a summary 41 µs
 * against 16.5 µs on the 100k store (the planner walks the story through another index to join),
 * and PostgreSQL answers either by its primary keys.
 */
export const summaries = (db: Db) =>
  db
    .selectFrom("stories")
    .select([
      sql<number>`case when exists (select 1 from live_coverage where live_coverage.story_slug = stories.slug and live_coverage.ended_at is null) then 1 else 0 end`.as(
        "live_now",
      ),
      "stories.slug",
      "stories.kicker",
      "stories.headline",
      "stories.deck",
      "stories.section_slug",
      "stories.published_at",
      "stories.updated_at",
      "stories.image_json",
      "stories.has_video",
      "stories.language",
      sql<string>`(select sections.name from sections where sections.slug = stories.section_slug)`.as("section_name"),
    ]);

/** Stories whole: a summary's columns and the body. */
export const storyRows = (db: Db) => summaries(db).select(["stories.body_json", "stories.translations_json"]);

/** The columns a summary is made of. */
export type SummaryRow = Pick<
  StoryRow,
  | "slug"
  | "kicker"
  | "headline"
  | "deck"
  | "section_slug"
  | "section_name"
  | "published_at"
  | "updated_at"
  | "image_json"
  | "has_video"
  | "live_now"
  | "language"
>;

export function toSummary(row: SummaryRow): StorySummary {
  const image = row.image_json ? storedImage.parse(JSON.parse(row.image_json)) : undefined;
  return {
    slug: row.slug,
    ...(row.kicker ? { kicker: kickerCase(row.kicker) } : {}),
    headline: row.headline,
    ...(row.deck ? { deck: row.deck } : {}),
    section: { slug: row.section_slug, name: row.section_name },
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    ...(image ? { image } : {}),
    hasVideo: row.has_video === 1,
    ...(Number(row.live_now) === 1 ? { live: true } : {}),
    ...(row.language ? { language: row.language } : {}),
  };
}

/** Stored times are UTC ISO strings, compared as text; a cursor's time is written the same way. */
const storedTime = (cursor: Cursor): Cursor => ({
  publishedAt: new Date(cursor.publishedAt).toISOString(),
  slug: cursor.slug,
});

/**
 * The slugs of one page, newest first, each with its time, read from the index that suits the
 * filter: a tag's or an author's link rows (which carry the story's time), a section's stories,
 * or all stories. The position is a row comparison, `(time, slug) < (…)`, which both engines
 * answer by seeking the index, so page 500 costs what page 1 does.
 */
async function pageSlugs(db: Db, { section, tag, author, cursor }: StoryListQuery, limit: number) {
  const after = cursor ? storedTime(cursor) : undefined;
  if (tag || author) {
    const [table, column, value] = tag
      ? (["story_tags", "tag_slug", tag] as const)
      : (["story_authors", "author_slug", author as string] as const);
    const { rows } = await sql<{ slug: string; published_at: string }>`
      select link.story_slug as slug, link.published_at from ${sql.table(table)} as link
      where ${sql.ref(`link.${column}`)} = ${value}
      ${tag && author ? sql`and link.story_slug in (select story_slug from story_authors where author_slug = ${author})` : sql``}
      ${section ? sql`and link.story_slug in (select slug from stories where section_slug = ${section})` : sql``}
      ${after ? sql`and (link.published_at, link.story_slug) < (${after.publishedAt}, ${after.slug})` : sql``}
      order by link.published_at desc, link.story_slug desc
      limit ${limit}`.execute(db);
    return rows;
  }
  let query = db.selectFrom("stories").select(["slug", "published_at"]);
  if (section) query = query.where("section_slug", "=", section);
  if (after)
    query = query.where((eb) => eb(eb.refTuple("published_at", "slug"), "<", eb.tuple(after.publishedAt, after.slug)));
  return query.orderBy("published_at", "desc").orderBy("slug", "desc").limit(limit).execute();
}

const summariesQuery = keptQuery((db: Db, slugs: readonly string[]) =>
  summaries(db).where("stories.slug", "in", slugs),
);

/** Summaries of these stories, in the order given (a slug no longer there is left out). */
export async function summariesOf(db: Db, slugs: string[]): Promise<StorySummary[]> {
  if (slugs.length === 0) return [];
  const rows = await summariesQuery(db, slugs);
  const bySlug = new Map(rows.map((row) => [row.slug, toSummary(row)]));
  return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
}

export async function listStories(
  db: Db,
  query: StoryListQuery,
): Promise<{ items: StorySummary[]; nextCursor: string | null }> {
  const page = await pageSlugs(db, query, query.limit + 1);
  const items = await summariesOf(
    db,
    page.slice(0, query.limit).map((row) => row.slug),
  );
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      page.length > query.limit && last ? encodeCursor({ publishedAt: last.publishedAt, slug: last.slug }) : null,
  };
}

/**
 * The newest stories of a story's section and of each of its tags published before it, leaving
 * out those named in `exclude`, up to RELATED_LIMIT, as summaries: one statement. Each source is
 * its own indexed read of the RELATED_LIMIT + 1 newest before the story (a `limit` in a subquery,
 * each seeking its index to the story's place, `(time, slug) < (…)`); their `union` is ordered and
 * cut, and the summaries of those left are read by key. Read as one statement rather than one for
 * each source and one for the summaries: a statement costs several µs of locks and driver before
 * its first row (docs/performance.md, session 11).
 */
const earlierFill = keptQuery(
  (db: Db, section: string, publishedAt: string, slug: string, tags: readonly string[], exclude: readonly string[]) => {
    const inSection = db
      .selectFrom("stories")
      .select(["slug", "published_at"])
      .where("section_slug", "=", section)
      .where((eb) => eb(eb.refTuple("published_at", "slug"), "<", eb.tuple(publishedAt, slug)))
      .orderBy("published_at", "desc")
      .orderBy("slug", "desc")
      .limit(RELATED_LIMIT + 1);
    const withTag = (tag: string) =>
      db
        .selectFrom("story_tags")
        .select(["story_slug as slug", "published_at"])
        .where("tag_slug", "=", tag)
        .where((eb) => eb(eb.refTuple("published_at", "story_slug"), "<", eb.tuple(publishedAt, slug)))
        .orderBy("published_at", "desc")
        .orderBy("story_slug", "desc")
        .limit(RELATED_LIMIT + 1);
    const sources = tags.reduce(
      (union, tag, i) => union.union(db.selectFrom(withTag(tag).as(`t${i}`)).select(["slug", "published_at"])),
      db.selectFrom(inSection.as("s")).select(["slug", "published_at"]),
    );
    const newest = db
      .selectFrom(sources.as("sources"))
      .select("sources.slug")
      .where("sources.slug", "not in", exclude)
      .orderBy("sources.published_at", "desc")
      .orderBy("sources.slug", "desc")
      .limit(RELATED_LIMIT);
    return summaries(db).where("stories.slug", "in", newest);
  },
);

/**
 * A story's related stories: those its body links, then, to fill the block, the newest of its
 * section and tags published before it (its earlier coverage). A story published later never
 * changes an earlier one's block, so an ordinary publish leaves every other story's page kept
 * (docs/decisions/026, the update of 2026-12-07); `earlierStoriesChanged` names the writes that do.
 * "Before it" is a row comparison, `(time, slug) < (…)`, which both engines answer by seeking the
 * index to the story's place: written as `time < … or (time = … and slug < …)` SQLite used only the
 * section or tag to seek and walked every newer entry to get there (docs/performance.md, session 10).
 *
 * The fill does not wait for the linked stories: it leaves out every slug the body links (one that
 * leads nowhere is in no source anyway), and whatever the linked ones are, the newest wanted are
 * among the first RELATED_LIMIT + 1 of each source, so both reads are sent together.
 */
export async function relatedStories(
  db: Db,
  story: { slug: string; section_slug: string; published_at: string },
  body: Block[],
  tagSlugs: string[],
): Promise<StorySummary[]> {
  const linked = [...new Set(body.flatMap((b) => (b.type === "related" && b.slug ? [b.slug] : [])))].filter(
    (slug) => slug !== story.slug,
  );
  const [linkedSummaries, fill] = await Promise.all([
    summariesOf(db, linked),
    earlierFill(db, story.section_slug, story.published_at, story.slug, tagSlugs, [story.slug, ...linked]),
  ]);
  const first = linkedSummaries.slice(0, RELATED_LIMIT);
  const newest = fill
    .sort((a, b) => (a.published_at === b.published_at ? cmp(b.slug, a.slug) : cmp(b.published_at, a.published_at)))
    .slice(0, RELATED_LIMIT - first.length);
  return [...first, ...newest.map(toSummary)];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The related-fill keys a write of this story changes: its section's and tags' where a story
 * published after it already stands, whose block may now list it (a back-dated story, or one moved
 * into them). The usual publish, newer than everything in its section and tags, changes none.
 */
export async function earlierStoriesChanged(
  db: Db,
  story: { slug: string; section: string; tags: { slug: string }[]; publishedAt: string },
): Promise<string[]> {
  const at = new Date(story.publishedAt).toISOString();
  const tagSlugs = story.tags.map((tag) => tag.slug);
  const [inSection, inTags] = await Promise.all([
    db
      .selectFrom("stories")
      .select("slug")
      .where("section_slug", "=", story.section)
      .where((eb) =>
        eb.or([eb("published_at", ">", at), eb.and([eb("published_at", "=", at), eb("slug", ">", story.slug)])]),
      )
      .limit(1)
      .execute(),
    tagSlugs.length === 0
      ? []
      : db
          .selectFrom("story_tags")
          .select("tag_slug")
          .distinct()
          .where("tag_slug", "in", tagSlugs)
          .where((eb) =>
            eb.or([
              eb("published_at", ">", at),
              eb.and([eb("published_at", "=", at), eb("story_slug", ">", story.slug)]),
            ]),
          )
          .execute(),
  ]);
  return [
    ...(inSection.length > 0 ? [sectionFillKey(story.section)] : []),
    ...inTags.map((row) => tagFillKey(row.tag_slug)),
  ];
}

/**
 * The story at exactly this slug with its live coverage's times, in one statement (looked up by
 * key, as `summaries` does), so a story page does not read the coverage again alone.
 */
const storyPageRowQuery = keptQuery((db: Db, slug: string) =>
  storyRows(db)
    .select([
      sql<string | null>`(select started_at from live_coverage where live_coverage.story_slug = stories.slug)`.as(
        "coverage_started_at",
      ),
      sql<string | null>`(select ended_at from live_coverage where live_coverage.story_slug = stories.slug)`.as(
        "coverage_ended_at",
      ),
    ])
    .where("stories.slug", "=", slug),
);

export async function storyPageRow(
  db: Db,
  slug: string,
): Promise<{ row: StoryRow; coverage: StoryCoverage } | undefined> {
  const [found] = await storyPageRowQuery(db, slug);
  if (!found) return undefined;
  const { coverage_started_at: started, coverage_ended_at: ended, ...row } = found;
  return { row, coverage: coverageFrom(started === null ? undefined : { started_at: started, ended_at: ended }) };
}

const movedToQuery = keptQuery((db: Db, slug: string) =>
  db.selectFrom("slug_redirects").select("to_slug").where("from_slug", "=", slug),
);

/** Where a story that left this slug went; undefined when none did. */
export async function movedTo(db: Db, slug: string): Promise<string | undefined> {
  const [redirect] = await movedToQuery(db, slug);
  return redirect?.to_slug;
}

/**
 * The stories most viewed from `since` on, most first (newest first among equals). The views are
 * read from the hour index, only the window's; each story is then found by its key.
 */
export async function mostRead(db: Db, since: Date, limit: number): Promise<StorySummary[]> {
  // The window's views, read from the hour index. Ordered by hour so that SQLite reads them by
  // that range; left to itself it walks the (story, hour) key of every view ever counted.
  const recent = db
    .selectFrom("story_views")
    .select(["story_slug", "views"])
    .where("hour", ">=", since.toISOString())
    .orderBy("hour");
  const rows = await summaries(db)
    .innerJoin(
      (eb) =>
        eb
          .selectFrom(recent.as("recent"))
          .select((v) => ["recent.story_slug", v.fn.sum<number | string>("recent.views").as("total")])
          .groupBy("recent.story_slug")
          .as("counted"),
      (join) => join.onRef("counted.story_slug", "=", "stories.slug"),
    )
    .select("counted.total")
    .orderBy("counted.total", "desc")
    .orderBy("stories.published_at", "desc")
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}
