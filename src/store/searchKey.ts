// SQLite's search_key, the rowid of a story in stories_fts (migration 0006-search-keyset): the
// millisecond of its published_at, shifted left by SLOT_BITS, plus a slot that tells apart the
// stories of one millisecond. FTS5 hands matches over in rowid order, so "newest first" is
// "rowid descending" there, exact to the millisecond; the stories of one millisecond are put in
// slug order on the page (see search.ts). Placing a story touches no other story.
// Stored keys and their triggers are made from these definitions: change them only together with
// a migration that keys every story again.

export const SLOT_BITS = 16;
export const SLOTS = 2 ** SLOT_BITS;

/** Buckets are clamped to ±2^46 ms (about the years -260 to 4199), so every key fits in 63 bits. */
const LOWEST_BUCKET = "-70368744177664";
const HIGHEST_BUCKET = "70368744177663";

/**
 * SQL for the bucket of a published_at: its milliseconds since 1970. A date SQLite cannot read
 * (a year outside 0000-9999, written "+010000-…" or "-000001-…") sorts as text before every other
 * date, so it takes the lowest bucket.
 */
export function searchBucket(publishedAt: string): string {
  return `max(${LOWEST_BUCKET}, min(${HIGHEST_BUCKET}, coalesce(cast(round(unixepoch(${publishedAt}, 'subsec') * 1000) as integer), ${LOWEST_BUCKET})))`;
}
