// What sitemaps read: the stories in publication order, oldest first, by spans of the publication
// index (stories_by_publication, which holds updated_at beside the key). A span is a range of
// (published_at, slug) keys, so a month is a range of that index and a part of a month is a
// narrower one; nothing here reads a story outside the span it was asked about
// (src/store/queryPlans.test.ts holds it to that). The
// months themselves, with their counts and latest changes, come from story_months, a summary the
// database keeps with every write of a story (migration 0015, docs/decisions/020).
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema";

/** A place in publication order: stories sort by time, then slug. Times are stored UTC ISO text. */
export interface StoryKey {
  publishedAt: string;
  slug: string;
}

/** The stories from `from` (included) up to `to` (left out). */
export interface StorySpan {
  from: StoryKey;
  to: StoryKey;
}

export interface SpanSummary {
  count: number;
  /** The latest updatedAt of the span's stories; null when it has none. */
  lastmod: string | null;
}

/** A month of publication (UTC), as `YYYY-MM`, with its stories' count and latest update. */
export type StoryMonth = SpanSummary & { month: string };

export interface SitemapEntry {
  slug: string;
  publishedAt: string;
  updatedAt: string;
}

export interface SitemapReads {
  /** Every month that has stories, oldest first: one read of the months' summary (story_months), not of stories. */
  months(): Promise<StoryMonth[]>;
  summary(span: StorySpan): Promise<SpanSummary>;
  /** The key of the story `offset` places into the span (0 is its first); null past its end. */
  keyAt(span: StorySpan, offset: number): Promise<StoryKey | null>;
  /** Up to `limit` of the span's stories after `after` (from its start without), oldest first. */
  page(span: StorySpan, limit: number, after?: StoryKey): Promise<SitemapEntry[]>;
}

type Db = Kysely<Database>;

/**
 * A month (`YYYY-MM`) as a span of the publication index. Stored times are UTC ISO text, which sorts
 * as it compares, so the month's stories are those from `YYYY-MM-01T00:00:00.000Z` up to
 * `YYYY-MM-32`, text that sorts after the month's last instant (days run to 31) and before the next
 * month: the bound the months' triggers use too (migration 0015), and every slug sorts after "".
 * Written as text, not through Date, so every year a story may have works: Date.UTC reads the years
 * 0–99 as 1900–1999, and the month after 9999-12 has no four-digit form.
 */
export function monthSpan(month: string): StorySpan {
  return {
    from: { publishedAt: `${month}-01T00:00:00.000Z`, slug: "" },
    to: { publishedAt: `${month}-32`, slug: "" },
  };
}

/**
 * The span as a condition on the publication index: a range on published_at that both engines
 * seek, and row comparisons that place its ends exactly, between stories of the same time. With
 * `after`, the range starts there instead: a page read by its key seeks to it, rather than
 * walking the span from its start.
 */
function inSpan({ from, to }: StorySpan, after?: StoryKey) {
  const start = after
    ? sql`published_at >= ${after.publishedAt} and (published_at, slug) > (${after.publishedAt}, ${after.slug})`
    : sql`published_at >= ${from.publishedAt} and (published_at, slug) >= (${from.publishedAt}, ${from.slug})`;
  return sql<boolean>`${start}
    and published_at <= ${to.publishedAt} and (published_at, slug) < (${to.publishedAt}, ${to.slug})`;
}

export function sitemapReads(db: Db): SitemapReads {
  const summary = async (span: StorySpan): Promise<SpanSummary> => {
    const row = await db
      .selectFrom("stories")
      .select((eb) => [eb.fn.countAll<number | string>().as("count"), eb.fn.max("updated_at").as("lastmod")])
      .where(inSpan(span))
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), lastmod: row.lastmod ?? null };
  };

  return {
    async months() {
      // The summary the writes keep (migration 0015): a row a month, never a story's.
      const rows = await db
        .selectFrom("story_months")
        .select(["month", "story_count", "lastmod"])
        .orderBy("month")
        .execute();
      return rows.map((row) => ({ month: row.month, count: Number(row.story_count), lastmod: row.lastmod }));
    },

    summary,

    async keyAt(span, offset) {
      const row = await db
        .selectFrom("stories")
        .select(["published_at", "slug"])
        .where(inSpan(span))
        .orderBy("published_at")
        .orderBy("slug")
        .limit(1)
        .offset(offset)
        .executeTakeFirst();
      return row ? { publishedAt: row.published_at, slug: row.slug } : null;
    },

    async page(span, limit, after) {
      // `after` lies in the span (it is the last story of the page before), so it replaces its start.
      const rows = await db
        .selectFrom("stories")
        .select(["slug", "published_at", "updated_at"])
        .where(inSpan(span, after))
        .orderBy("published_at")
        .orderBy("slug")
        .limit(limit)
        .execute();
      return rows.map((row) => ({ slug: row.slug, publishedAt: row.published_at, updatedAt: row.updated_at }));
    },
  };
}
