// Search: what a client sends (GET /api/search) and what it gets back.
import { z } from "zod";
import { storySummarySchema } from "./story";

export const snippetSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));
export const searchHitSchema = storySummarySchema.extend({ snippet: snippetSchema });
export const searchPageSchema = z.object({ items: z.array(searchHitSchema), nextCursor: z.string().nullable() });

/** Search results are ranked, not dated, so a page of them starts at a position in the ranking. */
const offsetCursor = z
  .string()
  .regex(/^o\d{1,5}$/, "not a cursor this server gave out")
  .transform((value) => Number(value.slice(1)));

export const searchQuerySchema = z.strictObject({
  q: z.string().max(200).default(""),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  cursor: offsetCursor.optional(),
});

export const searchCursor = (offset: number) => `o${offset}`;

export type Snippet = z.infer<typeof snippetSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchPage = z.infer<typeof searchPageSchema>;
export type SearchParams = { q: string; limit?: number; cursor?: string };
