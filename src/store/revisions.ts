// Revisions: every write that changes a story keeps the story as written, numbered from 1 per story
// (docs/decisions/017-revisions-and-corrections.md). Called inside the store's write transaction,
// so a write that fails keeps nothing. Revisions follow the story's slug: a move carries them to the
// new slug, a delete (or clearing the store) takes them with the story.
import type { Kysely, Transaction } from "kysely";
import type { WriteAuthor } from "../model/account";
import type { Revision, RevisionPage } from "../model/revision";
import { type StoryInput, storyInputSchema } from "../model/story";
import type { Database } from "./schema";
import { contentHash, type SaveOutcome } from "./storyWrites";

type Trx = Transaction<Database>;

/**
 * After a story's write: keeps a revision unless the write changed nothing. `movedFrom` (a slug the
 * story just left) brings the revisions kept under it along first, so the history stays one.
 */
export async function keepRevision(
  trx: Trx,
  story: StoryInput,
  {
    outcome,
    movedFrom,
    now = new Date(),
    author,
  }: { outcome: SaveOutcome; movedFrom?: string; now?: Date; author?: WriteAuthor | undefined },
): Promise<void> {
  if (movedFrom !== undefined && movedFrom !== story.slug)
    await trx
      .updateTable("story_revisions")
      .set({ story_slug: story.slug })
      .where("story_slug", "=", movedFrom)
      .execute();
  else if (outcome === "unchanged") return;
  const { last } = await trx
    .selectFrom("story_revisions")
    .select((eb) => eb.fn.max("revision").as("last"))
    .where("story_slug", "=", story.slug)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("story_revisions")
    .values({
      story_slug: story.slug,
      revision: Number(last ?? 0) + 1,
      saved_at: now.toISOString(),
      content_hash: contentHash(story),
      story_json: JSON.stringify(story),
      author_id: author?.id ?? null,
      author_name: author?.name ?? null,
    })
    .execute();
}

/** After a story's delete: its revisions go with it. */
export async function dropRevisions(trx: Trx, slug: string): Promise<void> {
  await trx.deleteFrom("story_revisions").where("story_slug", "=", slug).execute();
}

/** A page of the story's revisions, newest first, from just before revision `before` on. */
export async function listRevisions(
  db: Kysely<Database>,
  slug: string,
  { limit, before }: { limit: number; before?: number },
): Promise<RevisionPage> {
  let query = db
    .selectFrom("story_revisions")
    .select(["revision", "saved_at", "content_hash", "story_json", "author_id", "author_name"])
    .where("story_slug", "=", slug)
    .orderBy("revision", "desc")
    .limit(limit + 1);
  if (before !== undefined) query = query.where("revision", "<", before);
  const rows = await query.execute();
  const items: Revision[] = rows.slice(0, limit).map((row) => ({
    revision: Number(row.revision),
    savedAt: row.saved_at,
    contentHash: row.content_hash,
    story: storyInputSchema.parse(JSON.parse(row.story_json)),
    ...(row.author_id !== null ? { author: { id: row.author_id, name: row.author_name ?? "" } } : {}),
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? String(last.revision) : null };
}
