// The change log (migration 0012, docs/decisions/019): every write that changes what a reader sees
// adds a row in its own transaction, after the store version is raised (which queues writers), so
// ids are taken in commit order on both engines and "everything after id N" is always complete.
// On PostgreSQL the write also notifies the other servers (NOTIFY, delivered on commit).
import { type Kysely, sql, type Transaction } from "kysely";
import type { Change, LoggedChange } from "../model/change";
import { entriesKey, STORIES, storyKey } from "../model/dependencies";
import type { Engine } from "./engine";
import type { Database } from "./schema";
import { touch } from "./touchedKeys";

/** The channel PostgreSQL servers LISTEN on; the payload is the schema, so stores sharing a database tell theirs apart. */
export const CHANGE_CHANNEL = "dispatch_changes";

/** How long changes are kept to replay to a client that reconnects. */
export const CHANGE_RETENTION_MS = 7 * 24 * 3600_000;

export async function recordChange(trx: Transaction<Database>, engine: Engine, change: Change, now = new Date()) {
  // What kept answers and a CDN must forget: a story's own answers and the lists it is in, or a
  // live story's entries (model/dependencies.ts).
  if (change.kind === "entry") touch(trx, entriesKey(change.data.slug));
  else
    touch(
      trx,
      storyKey(change.data.slug),
      STORIES,
      ...(change.data.movedFrom ? [storyKey(change.data.movedFrom)] : []),
    );
  const { id } = await trx
    .insertInto("story_changes")
    .values({
      kind: change.kind,
      slug: change.data.slug,
      data_json: JSON.stringify(change.data),
      changed_at: now.toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // Now and then, the log forgets what no reconnecting client can still need.
  if (Number(id) % 100 === 0)
    await trx
      .deleteFrom("story_changes")
      .where("changed_at", "<", new Date(now.getTime() - CHANGE_RETENTION_MS).toISOString())
      .execute();
  if (engine === "postgres") await sql`select pg_notify(${CHANGE_CHANNEL}, current_schema())`.execute(trx);
}

/** Up to `limit` changes after `after`, oldest first. */
export async function changesAfter(db: Kysely<Database>, after: number, limit: number): Promise<LoggedChange[]> {
  const rows = await db
    .selectFrom("story_changes")
    .select(["id", "kind", "data_json"])
    .where("id", ">", after)
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ id: Number(row.id), kind: row.kind, data: JSON.parse(row.data_json) }) as LoggedChange);
}

/**
 * The first id the log still holds and the last it wrote (0 when it never wrote one). Each end is
 * its own subquery: SQLite reads a lone min() or max() from the key's end, but both in one select
 * scan the whole log (asked on every page request: 100,000 rows cost 3 ms).
 */
export async function changeLogBounds(db: Kysely<Database>): Promise<{ first: number; last: number }> {
  const { rows } = await changeLogBoundsQuery.execute(db);
  const last = Number(rows[0]?.last ?? 0);
  const first = rows[0]?.first;
  return { first: first == null ? last + 1 : Number(first), last };
}

/** Exported for the query-plan test. */
export const changeLogBoundsQuery = sql<{ first: number | string | null; last: number | string | null }>`select
  (select min(id) from story_changes) as first, (select max(id) from story_changes) as last`;
