// Renaming an author or a tag. Both are shared records, one row each, named by every story that
// credits or files under it: a story's write may not rename one (storyWrites.ts), so renaming is a
// write of its own, which changes every story naming the record as any write of a story does: a
// revision, a later updatedAt and a `story` change in the log, in the rename's transaction
// (docs/decisions/023-authors-and-tags-are-shared-records.md). Runs inside the caller's write
// transaction.
import type { Transaction } from "kysely";
import type { NamedRef, StoryInput } from "../model/story";
import { recordChange } from "./changes";
import type { Engine } from "./engine";
import { fullStories, MAX_FULL_STORIES } from "./fullStories";
import { keepRevision } from "./revisions";
import type { Database } from "./schema";
import { contentHash } from "./storyWrites";

type Trx = Transaction<Database>;

export type SharedRecord = "author" | "tag";

const TABLES = {
  author: { table: "authors", links: "story_authors", column: "author_slug" },
  tag: { table: "tags", links: "story_tags", column: "tag_slug" },
} as const;

export interface Renamed {
  ref: NamedRef;
  /** The stories that name it, each now with a new revision and a later updatedAt; none when the name was already this. */
  stories: string[];
}

/**
 * Renames an author or tag, and so every story naming it: each gets a revision (the story as it
 * now reads), its updatedAt raised to `now` (never lowered) and a `story` change in the log.
 * Null when there is no such record.
 */
export async function renameRef(
  trx: Trx,
  engine: Engine,
  kind: SharedRecord,
  slug: string,
  name: string,
  now: Date,
): Promise<Renamed | null> {
  const { table, links, column } = TABLES[kind];
  const current = await trx.selectFrom(table).select("name").where("slug", "=", slug).executeTakeFirst();
  if (!current) return null;
  const ref = { slug, name };
  if (current.name === name) return { ref, stories: [] };
  await trx.updateTable(table).set({ name }).where("slug", "=", slug).execute();
  const naming = await trx
    .selectFrom(links)
    .select("story_slug")
    .where(column, "=", slug)
    .orderBy("story_slug")
    .execute();
  const slugs = naming.map((row) => row.story_slug);
  for (let start = 0; start < slugs.length; start += MAX_FULL_STORIES)
    for (const story of await fullStories(trx, slugs.slice(start, start + MAX_FULL_STORIES))) {
      const updatedAt = new Date(Math.max(now.getTime(), Date.parse(story.updatedAt))).toISOString();
      const { section, hasVideo: _hasVideo, live: _live, coverage: _coverage, ...rest } = story;
      const written: StoryInput = { ...rest, section: section.slug, updatedAt };
      await trx
        .updateTable("stories")
        .set({ updated_at: updatedAt, content_hash: contentHash(written) })
        .where("slug", "=", story.slug)
        .execute();
      await keepRevision(trx, written, { outcome: "updated", now });
      await recordChange(trx, engine, { kind: "story", data: { slug: story.slug, updatedAt, change: "updated" } }, now);
    }
  return { ref, stories: slugs };
}
