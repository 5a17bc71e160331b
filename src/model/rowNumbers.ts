// Numbers a URL may carry that the store looks up in a column: an entry's id (`…/entries/:id`,
// `?before=`), a revision number (`?cursor=`), a change's place in the log (Last-Event-ID,
// `?after=`). Each is bounded by what its column holds on every engine, here and only here, so a
// number no row can have is refused before any query (PostgreSQL would fail the query with
// "out of range for type integer"). Plain TypeScript, no zod: the browser reads `?before=` too
// (docs/decisions/002).

/** PostgreSQL's `integer` (and `serial`), the smaller of the two engines' (SQLite's holds 64 bits). */
export const INTEGER_COLUMN_MAX = 2_147_483_647;
/** PostgreSQL's `bigint` (and `bigserial`) holds 2⁶³−1, but a JavaScript number is exact only this far. */
export const BIGINT_COLUMN_MAX = Number.MAX_SAFE_INTEGER;

/** What each number names, and the least and most it can be: its column's range. */
export const ROW_NUMBERS = {
  /** live_entries.id: serial on PostgreSQL, from 1. */
  entryId: { min: 1, max: INTEGER_COLUMN_MAX },
  /** story_revisions.revision: integer, from 1. */
  revision: { min: 1, max: INTEGER_COLUMN_MAX },
  /** story_changes.id: bigserial; 0 means "from before the first change". */
  changeId: { min: 0, max: BIGINT_COLUMN_MAX },
} as const;

export type RowNumber = keyof typeof ROW_NUMBERS;

/**
 * The number `value` writes, when it can name a row of that kind: decimal digits only (no sign, no
 * exponent, no leading zero: `Number()` would take `0x10`, `1e3` or ` 5`), within its column's
 * range. Null for anything else, which no row can match.
 */
export function rowNumber(kind: RowNumber, value: string): number | null {
  const { min, max } = ROW_NUMBERS[kind];
  if (!/^(0|[1-9][0-9]*)$/.test(value) || value.length > String(max).length) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}
