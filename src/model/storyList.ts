// The query a client may send to list stories, and the opaque cursor that pages through them.
import { z } from "zod";
import { slugSchema } from "./story";

export interface Cursor {
  publishedAt: string;
  slug: string;
}

const cursorSchema = z.tuple([z.iso.datetime({ offset: true }), slugSchema]);

export function encodeCursor(cursor: Cursor): string {
  const json = JSON.stringify([cursor.publishedAt, cursor.slug]);
  return btoa(json).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeCursor(value: string): Cursor | null {
  if (!/^[\w-]{1,400}$/.test(value)) return null;
  try {
    const json = atob(value.replaceAll("-", "+").replaceAll("_", "/"));
    const parsed = cursorSchema.safeParse(JSON.parse(json));
    return parsed.success ? { publishedAt: parsed.data[0], slug: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

export const MAX_PAGE_SIZE = 50;

/**
 * How many a page holds, as a query string writes it: decimal digits only (JavaScript's Number()
 * would also take `0x10`, `1e1` or ` 5`), from 1 to `max`; `fallback` when absent.
 */
export const pageSizeSchema = (max: number, fallback: number) =>
  z
    .union([z.number(), z.string().regex(/^[0-9]+$/, { error: "a whole number in decimal digits" })])
    .pipe(z.coerce.number<string | number>().int().min(1).max(max))
    .default(fallback);

export const storyListQuerySchema = z.strictObject({
  section: slugSchema.optional(),
  tag: slugSchema.optional(),
  author: slugSchema.optional(),
  limit: pageSizeSchema(MAX_PAGE_SIZE, 20),
  cursor: z
    .string()
    .transform((value, ctx) => {
      const cursor = decodeCursor(value);
      if (!cursor) ctx.addIssue({ code: "custom", message: "not a cursor this server gave out" });
      return cursor ?? undefined;
    })
    .optional(),
});

export type StoryListQuery = z.output<typeof storyListQuerySchema>;
/** The same query as the client writes it: every field optional, the cursor still a string. */
export type StoryListParams = Omit<z.input<typeof storyListQuerySchema>, "limit"> & { limit?: number };
