// `?before=ID` on a live story's page: its older entries, from just before that entry. Apart from
// liveEntry.ts so the browser's code reads it without zod (docs/decisions/002).
import { rowNumber } from "./rowNumbers";

/** The entry id of `?before=`: undefined when absent, null when it cannot be one (the page is a 404). */
export function beforeParam(value: string | null): number | undefined | null {
  if (value === null) return undefined;
  return rowNumber("entryId", value);
}
