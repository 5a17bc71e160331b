// Search: what a client sends (GET /api/search) and what it gets back.
import { z } from "zod";
import { slugSchema, storySummarySchema } from "./story";
import { pageSizeSchema } from "./storyList";

export const snippetSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));
export const searchHitSchema = storySummarySchema.extend({ snippet: snippetSchema });
export const searchPageSchema = z.object({ items: z.array(searchHitSchema), nextCursor: z.string().nullable() });

/**
 * Results come in two phases, each newest first: stories whose headline matches every word, then
 * the other matches (the words found in the text, or split between headline and text).
 */
export type SearchPhase = "headline" | "body";

/** Where a page of results ended: the phase, and the last story shown in it. */
export interface SearchPosition {
  phase: SearchPhase;
  publishedAt: string;
  slug: string;
}

const positionSchema = z.tuple([z.enum(["headline", "body"]), z.iso.datetime({ offset: true }), slugSchema]);

/** The opaque cursor for the page after `position`: base64url of a small JSON tuple. */
export function encodeSearchCursor(position: SearchPosition): string {
  const json = JSON.stringify([position.phase, position.publishedAt, position.slug]);
  return btoa(json).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeSearchCursor(value: string): SearchPosition | null {
  if (!/^[\w-]{1,400}$/.test(value)) return null;
  try {
    const json = atob(value.replaceAll("-", "+").replaceAll("_", "/"));
    const parsed = positionSchema.safeParse(JSON.parse(json));
    if (!parsed.success) return null;
    // Stored times are UTC ISO strings compared as text, so the cursor's time is written the same way.
    const [phase, publishedAt, slug] = parsed.data;
    return { phase, publishedAt: new Date(publishedAt).toISOString(), slug };
  } catch {
    return null;
  }
}

export const searchQuerySchema = z.strictObject({
  q: z.string().max(200).default(""),
  limit: pageSizeSchema(50, 10),
  cursor: z
    .string()
    .transform((value, ctx) => {
      const position = decodeSearchCursor(value);
      if (!position) ctx.addIssue({ code: "custom", message: "not a cursor this server gave out" });
      return position ?? undefined;
    })
    .optional(),
});

export type Snippet = z.infer<typeof snippetSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchPage = z.infer<typeof searchPageSchema>;
export type SearchParams = { q: string; limit?: number; cursor?: string };
