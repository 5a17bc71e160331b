// A story's life in the store (docs/decisions/037). A published story is a row of `stories`; a
// story readers may not see (a draft, a scheduled story before its time, an unpublished one) is a
// row of `story_drafts` instead, and nowhere else: lists, feeds, sitemaps (and the months their
// triggers keep), search, most read and related links all read `stories`, so none can reach it.
// Taking a story down keeps its URL's history (redirects to it), its revisions, and what would go
// with its row (live coverage and entries, view counts), held beside the draft until it is back.
// Every function runs inside the store's write() transaction.
import type { Selectable, Transaction } from "kysely";
import { ApiError } from "../model/apiError";
import { storyWriteKeys } from "../model/dependencies";
import { type StoryInput, storyInputSchema } from "../model/story";
import type { HeldStatus, HeldStory } from "../model/storyStatus";
import { retargetLinks } from "./relatedLinks";
import type { Database } from "./schema";
import { sharedNames } from "./storyWrites";
import { touch } from "./touchedKeys";

type Trx = Transaction<Database>;
type Db = Pick<Trx, "selectFrom">;

/** What leaves with a story's row and comes back with it: its live coverage, entries and views. */
interface HeldWithStory {
  coverage: Database["live_coverage"] | null;
  entries: Selectable<Database["live_entries"]>[];
  views: Database["story_views"][];
}

/** The latest revision kept of a story (0 when none): the version `If-Match` may name. */
export async function latestRevision(db: Db, slug: string): Promise<number> {
  const { last } = await db
    .selectFrom("story_revisions")
    .select((eb) => eb.fn.max("revision").as("last"))
    .where("story_slug", "=", slug)
    .executeTakeFirstOrThrow();
  return Number(last ?? 0);
}

/** The held story at this slug, for an editor; null when the slug holds none. */
export async function heldStory(db: Db, slug: string): Promise<HeldStory | null> {
  const row = await db
    .selectFrom("story_drafts")
    .select(["status", "publish_at", "saved_at", "story_json"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (!row) return null;
  return {
    status: row.status as HeldStatus,
    ...(row.publish_at ? { publishAt: row.publish_at } : {}),
    savedAt: row.saved_at,
    revision: await latestRevision(db, slug),
    story: storyInputSchema.parse(JSON.parse(row.story_json)),
  };
}

/**
 * Takes a published story off `stories`: its row goes (and with it its place in every list,
 * search, the sitemap months), the stories linking it keep its headline as plain text, and what
 * goes with the row is held. Redirects to it stay: its old URLs lead to it again once it is back.
 * Returns the held things, or null when the story was not published.
 */
async function takeDown(trx: Trx, slug: string): Promise<HeldWithStory | null> {
  const row = await trx.selectFrom("stories").select("section_slug").where("slug", "=", slug).executeTakeFirst();
  if (!row) return null;
  const [authors, tags, coverage, entries, views, oldSlugs] = await Promise.all([
    trx.selectFrom("story_authors").select("author_slug as slug").where("story_slug", "=", slug).execute(),
    trx.selectFrom("story_tags").select("tag_slug as slug").where("story_slug", "=", slug).execute(),
    trx.selectFrom("live_coverage").selectAll().where("story_slug", "=", slug).executeTakeFirst(),
    trx.selectFrom("live_entries").selectAll().where("story_slug", "=", slug).orderBy("id").execute(),
    trx.selectFrom("story_views").selectAll().where("story_slug", "=", slug).execute(),
    trx.selectFrom("slug_redirects").select("from_slug").where("to_slug", "=", slug).execute(),
  ]);
  // Every answer that showed it, and every list it was in, as it was published.
  touch(trx, ...storyWriteKeys({ slug, section: row.section_slug, authors, tags }));
  await trx.deleteFrom("stories").where("slug", "=", slug).execute();
  await retargetLinks(trx, [slug, ...oldSlugs.map((r) => r.from_slug)], null);
  return {
    coverage: coverage ?? null,
    entries,
    views,
  };
}

/**
 * Keeps a story from readers with this status: taken down first when it was published. Returns
 * whether it was (the change stream then tells open pages it went).
 */
export async function holdStory(
  trx: Trx,
  story: StoryInput,
  status: HeldStatus,
  publishAt: string | undefined,
  now: Date,
): Promise<{ tookDown: boolean }> {
  const held = await takeDown(trx, story.slug);
  const earlier = await trx
    .selectFrom("story_drafts")
    .select("held_json")
    .where("slug", "=", story.slug)
    .executeTakeFirst();
  const row = {
    status,
    publish_at: publishAt ? new Date(publishAt).toISOString() : null,
    saved_at: now.toISOString(),
    story_json: JSON.stringify(story),
    held_json: held ? JSON.stringify(held) : (earlier?.held_json ?? null),
  };
  await trx
    .insertInto("story_drafts")
    .values({ slug: story.slug, ...row })
    .onConflict((oc) => oc.column("slug").doUpdateSet(row))
    .execute();
  return { tookDown: held !== null };
}

/**
 * A story going out (published now, or its scheduled time come): its held row goes, and what was
 * held with it when it was taken down comes back. Call after the story's row is written.
 */
export async function releaseHeld(trx: Trx, slug: string): Promise<void> {
  const row = await trx.deleteFrom("story_drafts").where("slug", "=", slug).returning("held_json").executeTakeFirst();
  await restoreHeld(trx, slug, row?.held_json ?? null);
}

/** Puts back what left with a story's row when it was taken down (releaseHeld, claimDue). */
export async function restoreHeld(trx: Trx, slug: string, json: string | null): Promise<void> {
  if (!json) return;
  const held = JSON.parse(json) as HeldWithStory;
  if (held.coverage)
    await trx
      .insertInto("live_coverage")
      .values({ ...held.coverage, story_slug: slug })
      .onConflict((oc) => oc.column("story_slug").doNothing())
      .execute();
  if (held.entries.length > 0)
    await trx
      .insertInto("live_entries")
      .values(held.entries.map((entry) => ({ ...entry, story_slug: slug })))
      .execute();
  if (held.views.length > 0)
    await trx
      .insertInto("story_views")
      .values(held.views.map((view) => ({ ...view, story_slug: slug })))
      .execute();
}

/** The scheduled stories whose time has come, soonest first (a read: the claim is claimScheduled). */
export async function dueSlugs(db: Db, now: Date, limit = 100): Promise<string[]> {
  const rows = await db
    .selectFrom("story_drafts")
    .select("slug")
    .where("status", "=", "scheduled")
    .where("publish_at", "<=", now.toISOString())
    .orderBy("publish_at")
    .limit(limit)
    .execute();
  return rows.map((row) => row.slug);
}

/**
 * Claims a scheduled story whose time has come: its row leaves `story_drafts` in this transaction,
 * so of all the processes and servers that try at once exactly one gets it (writers are queued by
 * the store version's row lock; the loser's DELETE finds nothing, and it gets null).
 */
export async function claimScheduled(
  trx: Trx,
  slug: string,
  now: Date,
): Promise<{ story: StoryInput; held: string | null } | null> {
  const row = await trx
    .deleteFrom("story_drafts")
    .where("slug", "=", slug)
    .where("status", "=", "scheduled")
    .where("publish_at", "<=", now.toISOString())
    .returning(["story_json", "held_json"])
    .executeTakeFirst();
  if (!row) return null;
  return { story: storyInputSchema.parse(JSON.parse(row.story_json)), held: row.held_json };
}

/**
 * A held story names its authors and tags as they were when it was sent; one renamed since is
 * renamed in it too as it goes out, as a rename does on every published story (decision 023).
 */
export async function withSharedNames(trx: Trx, story: StoryInput): Promise<StoryInput> {
  const named = async (table: "authors" | "tags", refs: StoryInput["authors"]) => {
    const names = await sharedNames(trx, table, refs);
    return refs.map((ref) => ({ slug: ref.slug, name: names.get(ref.slug) ?? ref.name }));
  };
  return { ...story, authors: await named("authors", story.authors), tags: await named("tags", story.tags) };
}

/** Whether any scheduled story's time has come (a read, so that idle polls write nothing). */
export async function anyDue(db: Db, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom("story_drafts")
    .select("slug")
    .where("status", "=", "scheduled")
    .where("publish_at", "<=", now.toISOString())
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Deletes a held story; false when there was none. */
export async function dropHeld(trx: Trx, slug: string): Promise<boolean> {
  const { numDeletedRows } = await trx.deleteFrom("story_drafts").where("slug", "=", slug).executeTakeFirst();
  return numDeletedRows > 0n;
}

/** A write naming a version that is no longer the story's (If-Match): 412, with the revision it is at. */
export function staleVersion(slug: string, current: number): ApiError {
  return Object.assign(
    new ApiError(
      "version_mismatch",
      `The story at ${slug} has changed since the version this write names: it is at revision ${current} now. ` +
        "Read it again, then write.",
    ),
    { current: { revision: current } },
  );
}
