// Whole stories for a list of slugs, as feeds carry them: body, authors and tags, without the
// related list a story page adds. Two queries whatever the number of slugs (the rows with their
// section; every author and tag link), put together here in the order asked for, so a feed
// of 50 stories costs what a feed of 5 does.
import { type Kysely, sql } from "kysely";
import type { NamedRef, Story } from "../model/story";
import { keptQuery } from "./keptPlans";
import { type Database, readBody, readTranslations, type StoryRow } from "./schema";
import { storyRows, toSummary } from "./storyReads";

/** A story as a feed shows it: everything the store keeps but its related list. */
export type FullStory = Omit<Story, "url" | "related">;

/** Both engines bind one parameter per slug; a feed asks for 50, far below either's limit. */
export const MAX_FULL_STORIES = 1000;

export async function fullStories(db: Kysely<Database>, slugs: string[]): Promise<FullStory[]> {
  if (slugs.length === 0) return [];
  if (slugs.length > MAX_FULL_STORIES) throw new Error(`fullStories reads at most ${MAX_FULL_STORIES} stories at once`);
  const rows = await storyRows(db).where("stories.slug", "in", slugs).execute();
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  // In the order given; a slug no longer there (deleted since it was listed) is left out.
  return storiesOfRows(
    db,
    slugs.flatMap((slug) => bySlug.get(slug) ?? []),
  );
}

/** These story rows whole, in their order: their authors and tags in one query, their bodies read. */
export async function storiesOfRows(db: Kysely<Database>, rows: StoryRow[]): Promise<FullStory[]> {
  if (rows.length === 0) return [];
  const refs = await namedRefsOf(
    db,
    rows.map((row) => row.slug),
  );
  return rows.map((row) => wholeStory(row, refs));
}

/** The authors and tags of these stories, by story, each list in its order: one query. */
export interface NamedRefsByStory {
  authors: Map<string, NamedRef[]>;
  tags: Map<string, NamedRef[]>;
}

/**
 * The author links and the tag links of these stories with their names, as one statement (`union
 * all` of the two keyed reads, each by its story index): a statement costs several µs of locks and
 * driver before its first row, and a story page read them as two (docs/performance.md, session 11).
 * `kind` is 0 for an author, 1 for a tag; the rows come by kind, then position.
 */
const namedRefsQuery = keptQuery((db: Kysely<Database>, slugs: readonly string[]) =>
  db
    .selectFrom("story_authors")
    .innerJoin("authors", "authors.slug", "story_authors.author_slug")
    .select([
      sql<number>`0`.as("kind"),
      "story_authors.story_slug",
      "authors.slug",
      "authors.name",
      "story_authors.position",
    ])
    .where("story_authors.story_slug", "in", slugs)
    .unionAll(
      db
        .selectFrom("story_tags")
        .innerJoin("tags", "tags.slug", "story_tags.tag_slug")
        .select([sql<number>`1`.as("kind"), "story_tags.story_slug", "tags.slug", "tags.name", "story_tags.position"])
        .where("story_tags.story_slug", "in", slugs),
    )
    .orderBy("kind")
    .orderBy("position"),
);

export async function namedRefsOf(db: Kysely<Database>, slugs: string[]): Promise<NamedRefsByStory> {
  if (slugs.length === 0) return { authors: new Map(), tags: new Map() };
  const rows = await namedRefsQuery(db, slugs);
  return {
    authors: byStory(rows.filter((row) => Number(row.kind) === 0)),
    tags: byStory(rows.filter((row) => Number(row.kind) === 1)),
  };
}

/** A story row with its authors and tags (read for it, by its slug), its body read. */
export function wholeStory(row: StoryRow, refs: NamedRefsByStory): FullStory {
  return {
    ...toSummary(row),
    authors: refs.authors.get(row.slug) ?? [],
    tags: refs.tags.get(row.slug) ?? [],
    body: readBody(row.body_json),
    ...(row.translations_json ? { translations: readTranslations(row.translations_json) } : {}),
  };
}

/** Link rows grouped by story, each group in the order the rows came (by position). */
function byStory(rows: { story_slug: string; slug: string; name: string }[]): Map<string, NamedRef[]> {
  const grouped = new Map<string, NamedRef[]>();
  for (const { story_slug, slug, name } of rows) {
    const refs = grouped.get(story_slug);
    if (refs) refs.push({ slug, name });
    else grouped.set(story_slug, [{ slug, name }]);
  }
  return grouped;
}
