// Live coverage: a story with `live` set carries timestamped entries, newest first, some pinned
// above the rest. What an entry is, what a client sends to write one, and a page of them.
import { z } from "zod";
import { writeAuthorSchema } from "./account";
import { ROW_NUMBERS, rowNumber } from "./rowNumbers";
import { blockSchema, isoDateTime, storyText, TEXT_LIMITS } from "./story";

/** How many entries of a story may be pinned at once (a newsroom pins one or two). */
export const MAX_PINNED = 3;
/** How many entries a page of them holds by default, and at most. */
export const ENTRY_PAGE_SIZE = 20;
export const MAX_ENTRY_PAGE_SIZE = 50;

/** An entry's headline: a story text, as long as a story's headline may be. */
const entryHeadline = storyText(TEXT_LIMITS.headline);

export const liveEntrySchema = z.object({
  id: z.int().positive(),
  postedAt: isoDateTime,
  updatedAt: isoDateTime,
  headline: entryHeadline.optional(),
  body: z.array(blockSchema).min(1).max(200),
  pinned: z.boolean(),
  /** Who wrote it last: in the answer to its writer only, never on readers' pages and lists. */
  author: writeAuthorSchema.optional(),
});

/** What a client POSTs or PUTs: `postedAt` defaults to now (POST) or stays (PUT); so does `pinned`. */
export const liveEntryInputSchema = z.strictObject({
  postedAt: isoDateTime.optional(),
  headline: entryHeadline.optional(),
  body: z.array(blockSchema).min(1).max(200),
  pinned: z.boolean().optional(),
});

/**
 * One page of a story's entries: on the first page (no `before`), the pinned entries, newest
 * first; then the others newest first, from just before the entry `before` on. `nextBefore` is the
 * id to ask `?before=` for the next page with, or null on the last.
 */
export const liveEntryPageSchema = z.object({
  pinned: z.array(liveEntrySchema),
  items: z.array(liveEntrySchema),
  nextBefore: z.int().positive().nullable(),
});

/** An entry id as a path or query string writes it: decimal digits, no sign, no leading zero, within its column (model/rowNumbers.ts). */
export const entryIdSchema = z.union([
  z.int().min(ROW_NUMBERS.entryId.min).max(ROW_NUMBERS.entryId.max),
  z.string().transform((value, context) => {
    const id = rowNumber("entryId", value);
    if (id === null) context.issues.push({ code: "custom", message: "an entry id (a whole number)", input: value });
    return id ?? 0;
  }),
]);

export const liveEntryQuerySchema = z.strictObject({
  before: entryIdSchema.optional(),
  limit: z
    .union([z.number(), z.string().regex(/^[0-9]+$/, { error: "a whole number in decimal digits" })])
    .pipe(z.coerce.number<string | number>().int().min(1).max(MAX_ENTRY_PAGE_SIZE))
    .default(ENTRY_PAGE_SIZE),
});

export type LiveEntry = z.infer<typeof liveEntrySchema>;
export type LiveEntryInput = z.infer<typeof liveEntryInputSchema>;
export type LiveEntryPage = z.infer<typeof liveEntryPageSchema>;
export type LiveEntryParams = z.input<typeof liveEntryQuerySchema>;
