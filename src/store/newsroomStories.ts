// The newsroom's list of stories (model/newsroomStories.ts), and the authors it can be filtered by:
// held stories from `story_drafts` and
// published ones from `stories`, merged newest change first. Held stories are few (a newsroom's
// drafts and schedule), so they are read whole and filtered here; published ones are filtered and
// cut in SQL, the newest updates first, as many as the list shows.
import { type Kysely, sql } from "kysely";
import {
  NEWSROOM_LIST_LIMIT,
  type NewsroomAuthor,
  type NewsroomStory,
  type NewsroomStoryParams,
} from "../model/newsroomStories";
import { storyInputSchema } from "../model/story";
import type { HeldStatus } from "../model/storyStatus";
import type { Database } from "./schema";

/** A LIKE pattern matching `words` anywhere, its own `%`, `_` and `\` taken literally. */
const containing = (words: string) => `%${words.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function newsroomStories(db: Kysely<Database>, params: NewsroomStoryParams): Promise<NewsroomStory[]> {
  const { status, section, author, q } = params;
  const words = q ? q.toLowerCase() : "";
  const wantHeld = !status || status === "draft" || status === "scheduled" || status === "unpublished";
  const wantPublished = !status || status === "published" || status === "live";

  const held: NewsroomStory[] = [];
  if (wantHeld) {
    let query = db.selectFrom("story_drafts").select(["slug", "status", "publish_at", "saved_at", "story_json"]);
    if (status) query = query.where("status", "=", status);
    for (const row of await query.execute()) {
      const story = storyInputSchema.safeParse(JSON.parse(row.story_json));
      if (!story.success) continue;
      if (section && story.data.section !== section) continue;
      if (author && !story.data.authors.some((named) => named.slug === author)) continue;
      if (words && !story.data.headline.toLowerCase().includes(words)) continue;
      held.push({
        slug: row.slug,
        headline: story.data.headline,
        section: story.data.section,
        status: row.status as HeldStatus,
        changedAt: row.saved_at,
        ...(row.publish_at ? { publishAt: row.publish_at } : {}),
      });
    }
  }

  const published: NewsroomStory[] = [];
  if (wantPublished) {
    let query = db
      .selectFrom("stories")
      .leftJoin("live_coverage", (join) =>
        join.onRef("live_coverage.story_slug", "=", "stories.slug").on("live_coverage.ended_at", "is", null),
      )
      .select(["stories.slug", "stories.headline", "stories.section_slug", "stories.updated_at"])
      .select("live_coverage.started_at")
      .orderBy("stories.updated_at", "desc")
      .orderBy("stories.slug")
      .limit(NEWSROOM_LIST_LIMIT);
    if (status === "live") query = query.where("live_coverage.started_at", "is not", null);
    if (section) query = query.where("stories.section_slug", "=", section);
    if (author)
      query = query.where(({ exists, selectFrom }) =>
        exists(
          selectFrom("story_authors")
            .select("story_authors.story_slug")
            .whereRef("story_authors.story_slug", "=", "stories.slug")
            .where("story_authors.author_slug", "=", author),
        ),
      );
    if (words) query = query.where(sql<boolean>`lower(stories.headline) like ${containing(words)} escape '\\'`);
    for (const row of await query.execute())
      published.push({
        slug: row.slug,
        headline: row.headline,
        section: row.section_slug,
        status: row.started_at ? "live" : "published",
        changedAt: row.updated_at,
      });
  }

  return [...held, ...published]
    .sort((a, b) => (a.changedAt < b.changedAt ? 1 : a.changedAt > b.changedAt ? -1 : a.slug.localeCompare(b.slug)))
    .slice(0, NEWSROOM_LIST_LIMIT);
}

/** Every author a story names, held or published, by name: the published ones' table and the drafts' own. */
export async function newsroomAuthors(db: Kysely<Database>): Promise<NewsroomAuthor[]> {
  const named = new Map<string, string>();
  for (const row of await db.selectFrom("authors").select(["slug", "name"]).execute()) named.set(row.slug, row.name);
  for (const row of await db.selectFrom("story_drafts").select("story_json").execute()) {
    const story = storyInputSchema.safeParse(JSON.parse(row.story_json));
    if (story.success)
      for (const author of story.data.authors) if (!named.has(author.slug)) named.set(author.slug, author.name);
  }
  return [...named]
    .map(([slug, name]) => ({ slug, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
}
