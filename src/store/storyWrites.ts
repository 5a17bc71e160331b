// The write side of the store: saving, renaming and deleting stories. Related headlines are kept
// linked through their index (relatedLinks.ts). Every function runs inside the caller's transaction.
import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import { ApiError } from "../model/apiError";
import { normalizeHeadline } from "../model/headlineMatch";
import { searchTerms } from "../model/searchTerms";
import { searchText } from "../model/searchText";
import { hasPlayableVideo, type NamedRef, type StoryInput } from "../model/story";
import { indexHeadline, retargetLinks } from "./relatedLinks";
import type { Database } from "./schema";

type Trx = Transaction<Database>;

export type SaveOutcome = "created" | "updated" | "unchanged";

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

  await addNamedRefs(trx, "authors", story.authors);
  await addNamedRefs(trx, "tags", story.tags);
  const text = searchText(story);
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
    language: story.language ?? null,
    translations_json: story.translations?.length ? JSON.stringify(story.translations) : null,
    content_hash: hash,
    search_text: text,
    headline_terms: searchTerms(story.headline),
    text_terms: searchTerms(text),
    headline_key: normalizeHeadline(story.headline),
  };
  await trx
    .insertInto("stories")
    .values({ slug: story.slug, ...row })
    .onConflict((oc) => oc.column("slug").doUpdateSet(row))
    .execute();
  await trx.deleteFrom("story_authors").where("story_slug", "=", story.slug).execute();
  await trx.deleteFrom("story_tags").where("story_slug", "=", story.slug).execute();
  await linkNamesAndHeadline(trx, story.slug, row.published_at, story);
  // A story now at this slug ends any redirect that pointed the slug elsewhere.
  await trx.deleteFrom("slug_redirects").where("from_slug", "=", story.slug).execute();
  return existing ? "updated" : "created";
}

export async function storyExists(trx: Trx, slug: string): Promise<boolean> {
  return (await trx.selectFrom("stories").select("slug").where("slug", "=", slug).executeTakeFirst()) !== undefined;
}

/** The names the store holds for these authors or tags, by slug (those it has). */
export async function sharedNames(
  trx: Trx,
  field: "authors" | "tags",
  refs: Pick<NamedRef, "slug">[],
): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = await trx
    .selectFrom(field)
    .select(["slug", "name"])
    .where(
      "slug",
      "in",
      refs.map((ref) => ref.slug),
    )
    .execute();
  return new Map(rows.map((row) => [row.slug, row.name]));
}

/**
 * Adds the authors or tags a story names that are not there yet, and refuses (409) one it names
 * otherwise than it is: authors and tags are shared by every story naming them, so a story's write
 * may not rename one (renaming is its own write, store/renameRefs.ts).
 */
async function addNamedRefs(trx: Trx, field: "authors" | "tags", refs: NamedRef[]) {
  if (refs.length === 0) return;
  // In slug order: concurrent writers lock these rows in one order, so they never deadlock.
  const sorted = [...refs].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  await trx
    .insertInto(field)
    .values(sorted)
    .onConflict((oc) => oc.column("slug").doNothing())
    .execute();
  const names = await sharedNames(trx, field, refs);
  for (const [index, ref] of refs.entries()) {
    const name = names.get(ref.slug);
    if (name !== undefined && name !== ref.name)
      throw new ApiError(
        "name_conflict",
        `${field}[${index}].name: ${ref.slug} is ${JSON.stringify(name)} on every story, not ${JSON.stringify(ref.name)}; ` +
          `send the name it has, or rename it everywhere with PUT /api/${field}/${ref.slug}.`,
      );
  }
}

/**
 * Moves a story to a new slug (already written there): the old URL redirects to the new one for
 * good, older redirects follow along, and stories that linked the old slug link the new one.
 */
export async function moveStory(trx: Trx, from: string, to: string): Promise<void> {
  const { numDeletedRows } = await trx.deleteFrom("stories").where("slug", "=", from).executeTakeFirst();
  // Another writer moved or deleted it first: this transaction rolls back.
  if (numDeletedRows === 0n) throw new ApiError("story_not_found", `There is no story at ${from} to move to ${to}.`);
  await trx.updateTable("slug_redirects").set({ to_slug: to }).where("to_slug", "=", from).execute();
  await trx
    .insertInto("slug_redirects")
    .values({ from_slug: from, to_slug: to })
    .onConflict((oc) => oc.column("from_slug").doUpdateSet({ to_slug: to }))
    .execute();
  await retargetLinks(trx, [from], to);
}

/** Deletes a story; the stories that linked it (or an old slug of it) keep its headline as plain text. */
export async function deleteStory(trx: Trx, slug: string): Promise<boolean> {
  const { numDeletedRows } = await trx.deleteFrom("stories").where("slug", "=", slug).executeTakeFirst();
  if (numDeletedRows === 0n) return false;
  const oldSlugs = await trx.selectFrom("slug_redirects").select("from_slug").where("to_slug", "=", slug).execute();
  await trx.deleteFrom("slug_redirects").where("to_slug", "=", slug).execute();
  await retargetLinks(trx, [slug, ...oldSlugs.map((row) => row.from_slug)], null);
  return true;
}

/**
 * A written story's rows beside its own: its authors and tags in their order (with its publication
 * time, which lists by author and tag are read in) and its headline's words (relatedLinks.ts).
 */
export async function linkNamesAndHeadline(
  trx: Transaction<Database>,
  slug: string,
  publishedAt: string,
  story: Pick<StoryInput, "authors" | "tags" | "headline">,
): Promise<void> {
  const link = { story_slug: slug, published_at: publishedAt };
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
  await indexHeadline(trx, slug, story.headline);
}
