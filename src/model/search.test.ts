import { describe, expect, it } from "vitest";
import { decodeSearchCursor, encodeSearchCursor, searchQuerySchema } from "./search";

describe("search cursors", () => {
  it("give back the position they were made from, as an opaque URL-safe string", () => {
    const position = { phase: "body" as const, publishedAt: "2026-11-01T08:00:00.123Z", slug: "harbour-lights" };
    const cursor = encodeSearchCursor(position);
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(decodeSearchCursor(cursor)).toEqual(position);
  });

  it("write the time as the store does, whatever form it came in", () => {
    const cursor = encodeSearchCursor({ phase: "headline", publishedAt: "2026-11-01T09:00:00+01:00", slug: "a" });
    expect(decodeSearchCursor(cursor)?.publishedAt).toBe("2026-11-01T08:00:00.000Z");
  });

  it("are refused, with the reason, when the server did not give them out", () => {
    const parsed = searchQuerySchema.safeParse({ q: "tide", cursor: "o10" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("not a cursor this server gave out");
    expect(decodeSearchCursor(btoa(JSON.stringify(["headline", "2026-11-01T08:00:00Z"])))).toBeNull();
  });
});
