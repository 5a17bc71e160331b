// The write side of the store: saving, renaming and deleting stories, and linking inline related
// headlines to the stories they name. Every function runs inside the caller's transaction.
import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import { searchText } from "../model/searchText";
import { type Block, hasPlayableVideo, type NamedRef, type StoryInput } from "../model/story";
import { type Database, readBody } from "./schema";

type Trx = Transaction<Database>;

export type SaveOutcome = "created" | "updated" | "unchanged";

/** Finds the slug of the story a headline names, among the stories given; undefined when none does. */
export type HeadlineResolver = (headline: string, stories: { slug: string; headline: string }[]) => string | undefined;

export function contentHash(story: StoryInput): string {
  return createHash("sha256").update(JSON.stringify(story)).digest("base64url");
}

export async function writeStory(trx: Trx, story: StoryInput): Promise<SaveOutcome> {
  const hash = contentHash(story);
  const existing = await trx
    .selectFrom("stories")
    .select("content_hash")
    .where("slug", "=", story.slug)
    .executeTakeFirst();
  if (existing?.content_hash === hash) return "unchanged";

  await upsertRefs(trx, "authors", story.authors);
  await upsertRefs(trx, "tags", story.tags);
  const row = {
    kicker: story.kicker ?? null,
    headline: story.headline,
    deck: story.deck ?? null,
    section_slug: story.section,
    published_at: new Date(story.publishedAt).toISOString(),
    updated_at: new Date(story.updatedAt).toISOString(),
    image_json: story.image ? JSON.stringify(story.image) : null,
    has_video: hasPlayableVideo(story.body) ? 1 : 0,
    body_json: JSON.stringify(story.body),
    content_hash: hash,
    search_text: searchText(story),
  };
  await trx
    .insertInto("stories")
    .values({ slug: story.slug, ...row })
    .onConflict((oc) => oc.column("slug").doUpdateSet(row))
    .execute();
  await trx.deleteFrom("story_authors").where("story_slug", "=", story.slug).execute();
  await trx.deleteFrom("story_tags").where("story_slug", "=", story.slug).execute();
  const link = { story_slug: story.slug, published_at: row.published_at };
  if (story.authors.length > 0)
    await trx
      .insertInto("story_authors")
      .values(story.authors.map((author, position) => ({ ...link, author_slug: author.slug, position })))
      .execute();
  if (story.tags.length > 0)
    await trx
      .insertInto("story_tags")
      .values(story.tags.map((tag, position) => ({ ...link, tag_slug: tag.slug, position })))
      .execute();
  // A story now at this slug ends any redirect that pointed the slug elsewhere.
  await trx.deleteFrom("slug_redirects").where("from_slug", "=", story.slug).execute();
  return existing ? "updated" : "created";
}

/** Adds or renames the authors or tags a story names, in one statement. */
async function upsertRefs(trx: Trx, table: "authors" | "tags", refs: NamedRef[]) {
  if (refs.length === 0) return;
  // One row per slug: a story naming the same tag twice would make the statement touch a row twice.
  const unique = [...new Map(refs.map((ref) => [ref.slug, ref])).values()];
  await trx
    .insertInto(table)
    .values(unique)
    .onConflict((oc) => oc.column("slug").doUpdateSet((eb) => ({ name: eb.ref("excluded.name") })))
    .execute();
}

/**
 * Moves a story to a new slug (already written there): the old URL redirects to the new one for
 * good, older redirects follow along, and stories that linked the old slug link the new one.
 */
export async function moveStory(trx: Trx, from: string, to: string): Promise<void> {
  await trx.deleteFrom("stories").where("slug", "=", from).execute();
  await trx.updateTable("slug_redirects").set({ to_slug: to }).where("to_slug", "=", from).execute();
  await trx
    .insertInto("slug_redirects")
    .values({ from_slug: from, to_slug: to })
    .onConflict((oc) => oc.column("from_slug").doUpdateSet({ to_slug: to }))
    .execute();
  await rewriteRelated(trx, (block) => (block.slug === from ? { ...block, slug: to } : block));
}

/** Deletes a story; the stories that linked it keep its headline as plain text (never a dead link). */
export async function deleteStory(trx: Trx, slug: string): Promise<boolean> {
  const { numDeletedRows } = await trx.deleteFrom("stories").where("slug", "=", slug).executeTakeFirst();
  if (numDeletedRows === 0n) return false;
  await trx.deleteFrom("slug_redirects").where("to_slug", "=", slug).execute();
  await rewriteRelated(trx, ({ slug: linked, ...block }) => (linked === slug ? block : { ...block, slug: linked }));
  return true;
}

/**
 * Keeps every related headline honest: a link to a slug that leads nowhere becomes plain text
 * (never a dead link), and an unlinked headline that now names a story is linked. Returns how
 * many headlines it linked.
 */
export async function linkRelatedHeadlines(trx: Trx, resolve: HeadlineResolver): Promise<number> {
  const stories = await trx.selectFrom("stories").select(["slug", "headline"]).execute();
  const redirects = await trx.selectFrom("slug_redirects").select("from_slug").execute();
  const reachable = new Set([...stories.map((s) => s.slug), ...redirects.map((r) => r.from_slug)]);
  let linked = 0;
  await rewriteRelated(trx, ({ slug: current, ...block }, owner) => {
    if (current && reachable.has(current)) return { ...block, slug: current };
    const slug = resolve(block.headline, stories);
    if (!slug || slug === owner) return block;
    linked += 1;
    return { ...block, slug };
  });
  return linked;
}

type RelatedBlock = Extract<Block, { type: "related" }>;

/** Rewrites the related blocks of every story that has any, saving only the stories that changed. */
async function rewriteRelated(trx: Trx, rewrite: (block: RelatedBlock, owner: string) => RelatedBlock) {
  const rows = await trx
    .selectFrom("stories")
    .select(["slug", "body_json"])
    .where("body_json", "like", '%"type":"related"%')
    .execute();
  for (const row of rows) {
    const body = readBody(row.body_json);
    const next = body.map((block) => (block.type === "related" ? rewrite(block, row.slug) : block));
    const json = JSON.stringify(next);
    if (json !== row.body_json)
      await trx.updateTable("stories").set({ body_json: json }).where("slug", "=", row.slug).execute();
  }
}
