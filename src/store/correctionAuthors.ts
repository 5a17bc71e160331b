// Who added each of a story's corrections: a correction is a block of the story (decision 017), so
// its author is the author of the revision that brought it in. Read for staff only (decision 035).
import type { Kysely } from "kysely";
import type { AuthoredCorrection } from "../model/authorship";
import { corrections } from "../model/corrections";
import type { Block } from "../model/story";
import type { Database } from "./schema";

const sameCorrection = (block: { date: string; text: string }) => JSON.stringify([block.date, block.text]);

/**
 * The corrections of `body` (the story as it is now), oldest first, each with the revision that
 * added it: the first of the unbroken run of revisions, up to the latest, that carry it. A
 * correction taken out and put back again is named by the revision that put it back.
 */
export async function correctionAuthors(
  db: Kysely<Database>,
  slug: string,
  body: readonly Block[],
): Promise<AuthoredCorrection[]> {
  const rows = await db
    .selectFrom("story_revisions")
    .select(["revision", "saved_at", "story_json", "author_id", "author_name"])
    .where("story_slug", "=", slug)
    .orderBy("revision", "asc")
    .execute();
  const addedIn = new Map<string, AuthoredCorrection["addedIn"]>();
  for (const row of rows) {
    const carried = new Set(
      (JSON.parse(row.story_json) as { body: Block[] }).body.flatMap((block) =>
        block.type === "correction" ? [sameCorrection(block)] : [],
      ),
    );
    for (const key of addedIn.keys()) if (!carried.has(key)) addedIn.delete(key);
    for (const key of carried)
      if (!addedIn.has(key))
        addedIn.set(key, {
          revision: Number(row.revision),
          savedAt: row.saved_at,
          ...(row.author_id !== null ? { author: { id: row.author_id, name: row.author_name ?? "" } } : {}),
        });
  }
  return corrections([...body]).map((block) => ({
    date: block.date,
    text: block.text,
    addedIn: addedIn.get(sameCorrection(block)) ?? null,
  }));
}
