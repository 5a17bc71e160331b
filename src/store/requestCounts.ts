// Request counts shared by every process and server on one database: what per-client limits count
// when more than one process answers (docs/decisions/014). One upsert per counted request, in
// fixed windows; rows whose window has passed are deleted now and then. Never part of a write
// transaction, so counting raises no store version and drops no kept answer.
import { type Kysely, sql } from "kysely";
import type { Database } from "./schema";

export interface RequestCount {
  /** Requests counted under this key in the current window, this one included (0 for a peek). */
  count: number;
  /** When the window ends, in ms since the epoch. */
  windowEnd: number;
}

/** Deletes passed windows at most this often, per process. */
const SWEEP_EVERY_MS = 60_000;

export function requestCounts(db: Kysely<Database>) {
  let lastSweep = 0;

  const sweep = async (nowMs: number) => {
    if (nowMs - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = nowMs;
    await db.deleteFrom("request_counts").where("window_end", "<=", nowMs).execute();
  };

  return {
    /** Counts one request under `key` in the fixed window of `windowMs` that holds `now`. */
    async countRequest(key: string, windowMs: number, now: Date): Promise<RequestCount> {
      const nowMs = now.getTime();
      const windowEnd = (Math.floor(nowMs / windowMs) + 1) * windowMs;
      const row = await db
        .insertInto("request_counts")
        .values({ key, window_end: windowEnd, hits: 1 })
        .onConflict((oc) =>
          oc.column("key").doUpdateSet({
            hits: sql<number>`case when request_counts.window_end = excluded.window_end then request_counts.hits + 1 else 1 end`,
            window_end: sql<number>`excluded.window_end`,
          }),
        )
        .returning(["hits", "window_end"])
        .executeTakeFirstOrThrow();
      await sweep(nowMs);
      return { count: row.hits, windowEnd: Number(row.window_end) };
    },

    /** The count under `key` in the window that holds `now`, without counting. */
    async peekRequests(key: string, now: Date): Promise<RequestCount> {
      const row = await db
        .selectFrom("request_counts")
        .select(["hits", "window_end"])
        .where("key", "=", key)
        .where("window_end", ">", now.getTime())
        .executeTakeFirst();
      return row ? { count: row.hits, windowEnd: Number(row.window_end) } : { count: 0, windowEnd: now.getTime() };
    },
  };
}
