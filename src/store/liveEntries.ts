// Live coverage in the store: whether a story is live (live_coverage: when it started and ended)
// and its entries (live_entries). Writes run inside the store's write() transaction, so each raises
// the store version like any other write (docs/decisions/010); reads go by the indexes of
// migration 0014: (story_slug, posted_at, id) for the newest entries and the keyset below them,
// and its partial twin for the few pinned ones.
import { type Kysely, type Selectable, sql, type Transaction } from "kysely";
import type { WriteAuthor } from "../model/account";
import { ApiError } from "../model/apiError";
import type { LiveEntry, LiveEntryInput, LiveEntryPage } from "../model/liveEntry";
import { MAX_PINNED } from "../model/liveEntry";
import type { Database } from "./schema";
import { readBody } from "./schema";

type Db = Kysely<Database>;
type Trx = Transaction<Database>;
type EntryRow = Selectable<Database["live_entries"]>;

export interface StoryCoverage {
  live?: boolean;
  coverage?: { startedAt: string; endedAt?: string };
}

export interface LiveEntryWrites {
  /** Adds an entry to a live story; refused (409) when its coverage has ended or it was never live. */
  addEntry(slug: string, entry: LiveEntryInput, now: Date, author?: WriteAuthor): Promise<LiveEntry>;
  /** Replaces an entry's headline and body; its time and pin stay unless given. */
  updateEntry(slug: string, id: number, entry: LiveEntryInput, now: Date, author?: WriteAuthor): Promise<LiveEntry>;
  deleteEntry(slug: string, id: number): Promise<void>;
}

/** An entry written, as the change stream reports it (its `entry` events): told inside the write's transaction. */
export interface EntryWritten {
  slug: string;
  entryId: string;
  change: "posted" | "updated" | "deleted";
}

export type OnEntryWritten = (trx: Trx, written: EntryWritten) => Promise<void>;

export interface LiveEntryReads {
  /**
   * A page of a story's entries (see model/liveEntry.ts); null when there is no such story. With
   * `withAuthors`, for staff only, each names who wrote it last.
   */
  listEntries(
    slug: string,
    page: { before?: number; limit: number },
    options?: { withAuthors?: boolean },
  ): Promise<LiveEntryPage | null>;
  /** The newest entries of a story, pinned or not, for its feed. */
  newestEntries(slug: string, limit: number): Promise<LiveEntry[]>;
}

/** A story's coverage from its coverage row's times (none when it never went live). */
export function coverageFrom(row: { started_at: string; ended_at: string | null } | undefined): StoryCoverage {
  if (!row) return {};
  return {
    live: row.ended_at === null,
    coverage: { startedAt: row.started_at, ...(row.ended_at ? { endedAt: row.ended_at } : {}) },
  };
}

/**
 * Sets a story's coverage as a save says (`live` given): live from its publication the first time,
 * ended now when it goes false, going on again (the same start) when it goes true again.
 */
export async function setLive(trx: Trx, slug: string, live: boolean, publishedAt: string, now: Date): Promise<void> {
  const row = await trx
    .selectFrom("live_coverage")
    .select("ended_at")
    .where("story_slug", "=", slug)
    .executeTakeFirst();
  if (!row) {
    if (!live) return;
    await trx
      .insertInto("live_coverage")
      .values({ story_slug: slug, started_at: new Date(publishedAt).toISOString(), ended_at: null })
      .execute();
    return;
  }
  if (live === (row.ended_at === null)) return;
  await trx
    .updateTable("live_coverage")
    .set({ ended_at: live ? null : now.toISOString() })
    .where("story_slug", "=", slug)
    .execute();
}

/** A story moving to a new slug (already written there) takes its coverage and entries along. */
export async function moveLiveCoverage(trx: Trx, from: string, to: string): Promise<void> {
  await trx.deleteFrom("live_coverage").where("story_slug", "=", to).execute();
  await trx.updateTable("live_coverage").set({ story_slug: to }).where("story_slug", "=", from).execute();
  await trx.updateTable("live_entries").set({ story_slug: to }).where("story_slug", "=", from).execute();
}

function toEntry(row: EntryRow): LiveEntry {
  return {
    id: Number(row.id),
    postedAt: row.posted_at,
    updatedAt: row.updated_at,
    ...(row.headline === null ? {} : { headline: row.headline }),
    body: readBody(row.body_json),
    pinned: row.pinned === 1,
  };
}

/** An entry as its writer sees it: with who wrote it (staff only; readers' pages never show it). */
const writtenEntry = (row: EntryRow): LiveEntry => ({
  ...toEntry(row),
  ...(row.author_id !== null ? { author: { id: row.author_id, name: row.author_name ?? "" } } : {}),
});

/**
 * Entry writes, each in one `write()` transaction. `onWritten` runs last in that transaction (the
 * change log records the write there, so a failure there undoes the entry too).
 */
export function liveEntryWrites(
  write: <T>(work: (trx: Trx) => Promise<T>) => Promise<T>,
  onWritten: OnEntryWritten = async () => {},
): LiveEntryWrites {
  async function findEntry(trx: Trx, slug: string, id: number): Promise<EntryRow> {
    const row = await trx
      .selectFrom("live_entries")
      .selectAll()
      .where("story_slug", "=", slug)
      .where("id", "=", id)
      .executeTakeFirst();
    if (row) return row;
    if (!(await trx.selectFrom("stories").select("slug").where("slug", "=", slug).executeTakeFirst()))
      throw new ApiError("story_not_found", `There is no story at ${slug}.`);
    throw new ApiError("entry_not_found", `There is no entry ${id} in ${slug}.`);
  }

  /** Refuses a pin past MAX_PINNED, counting the story's pinned entries but `except`. */
  async function checkPins(trx: Trx, slug: string, except?: number): Promise<void> {
    let query = trx
      .selectFrom("live_entries")
      .select((eb) => eb.fn.countAll<number | string>().as("count"))
      .where("story_slug", "=", slug)
      .where("pinned", "=", sql.lit(1));
    if (except !== undefined) query = query.where("id", "!=", except);
    const { count } = await query.executeTakeFirstOrThrow();
    if (Number(count) >= MAX_PINNED)
      throw new ApiError(
        "too_many_pinned",
        `${slug} already has ${MAX_PINNED} pinned entries: unpin one first (PUT it with "pinned": false).`,
      );
  }

  return {
    addEntry: (slug, entry, now, author) =>
      write(async (trx) => {
        const coverage = await trx
          .selectFrom("live_coverage")
          .select("ended_at")
          .where("story_slug", "=", slug)
          .executeTakeFirst();
        if (!coverage) {
          if (!(await trx.selectFrom("stories").select("slug").where("slug", "=", slug).executeTakeFirst()))
            throw new ApiError("story_not_found", `There is no story at ${slug}.`);
          throw new ApiError("story_not_live", `${slug} is not live: PUT it with "live": true first.`);
        }
        if (coverage.ended_at !== null)
          throw new ApiError("story_not_live", `The live coverage of ${slug} ended at ${coverage.ended_at}.`);
        if (entry.pinned) await checkPins(trx, slug);
        const row = await trx
          .insertInto("live_entries")
          .values({
            story_slug: slug,
            posted_at: new Date(entry.postedAt ?? now).toISOString(),
            updated_at: now.toISOString(),
            headline: entry.headline ?? null,
            body_json: JSON.stringify(entry.body),
            pinned: entry.pinned ? 1 : 0,
            author_id: author?.id ?? null,
            author_name: author?.name ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await onWritten(trx, { slug, entryId: String(row.id), change: "posted" });
        return writtenEntry(row);
      }),

    updateEntry: (slug, id, entry, now, author) =>
      write(async (trx) => {
        const current = await findEntry(trx, slug, id);
        if (entry.pinned && current.pinned !== 1) await checkPins(trx, slug, id);
        const row = await trx
          .updateTable("live_entries")
          .set({
            posted_at: entry.postedAt ? new Date(entry.postedAt).toISOString() : current.posted_at,
            updated_at: now.toISOString(),
            headline: entry.headline ?? null,
            body_json: JSON.stringify(entry.body),
            pinned: entry.pinned === undefined ? current.pinned : entry.pinned ? 1 : 0,
            ...(author ? { author_id: author.id, author_name: author.name } : {}),
          })
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await onWritten(trx, { slug, entryId: String(id), change: "updated" });
        return writtenEntry(row);
      }),

    deleteEntry: (slug, id) =>
      write(async (trx) => {
        await findEntry(trx, slug, id);
        await trx.deleteFrom("live_entries").where("id", "=", id).execute();
        await onWritten(trx, { slug, entryId: String(id), change: "deleted" });
      }),
  };
}

export function liveEntryReads(db: Db): LiveEntryReads {
  const entries = (slug: string) =>
    db
      .selectFrom("live_entries")
      .selectAll()
      .where("story_slug", "=", slug)
      .orderBy("posted_at", "desc")
      .orderBy("id", "desc");

  return {
    async listEntries(slug, { before, limit }, { withAuthors = false } = {}) {
      const shown = withAuthors ? writtenEntry : toEntry;
      const story = await db.selectFrom("stories").select("slug").where("slug", "=", slug).executeTakeFirst();
      if (!story) return null;
      let after: { posted_at: string; id: number } | undefined;
      if (before !== undefined) {
        after = await db
          .selectFrom("live_entries")
          .select(["posted_at", "id"])
          .where("story_slug", "=", slug)
          .where("id", "=", before)
          .executeTakeFirst();
        if (!after) throw new ApiError("bad_request", `before: there is no entry ${before} in ${slug}.`);
      }
      const { posted_at, id } = after ?? {};
      const rows = await entries(slug)
        .where("pinned", "=", 0)
        // A row-value comparison: both engines seek the index range below (posted_at, id).
        .$if(after !== undefined, (query) =>
          query.where((eb) => eb(eb.refTuple("posted_at", "id"), "<", eb.tuple(posted_at as string, id as number))),
        )
        .limit(limit + 1)
        .execute();
      const pinned = after ? [] : await entries(slug).where("pinned", "=", sql.lit(1)).limit(MAX_PINNED).execute();
      const items = rows.slice(0, limit).map(shown);
      const last = items.at(-1);
      return { pinned: pinned.map(shown), items, nextBefore: rows.length > limit && last ? last.id : null };
    },

    async newestEntries(slug, limit) {
      return (await entries(slug).limit(limit).execute()).map(toEntry);
    },
  };
}
