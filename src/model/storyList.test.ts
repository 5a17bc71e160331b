import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, storyListQuerySchema } from "./storyList";

describe("story list cursor", () => {
  it("round-trips the position it encodes", () => {
    const cursor = { publishedAt: "2026-11-20T07:45:00.000Z", slug: "tram-line-reopens" };
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[\w-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  it.each([
    "",
    "not a cursor",
    "%%%",
    encodeCursor({ publishedAt: "yesterday", slug: "x" }),
    btoa(JSON.stringify(["2026-11-20T07:45:00.000Z", "Not A Slug"])),
    btoa("{}"),
  ])("rejects %j", (value) => {
    expect(decodeCursor(value)).toBeNull();
  });
});

describe("story list query", () => {
  it("defaults the page size and reads numbers from strings", () => {
    expect(storyListQuerySchema.parse({})).toEqual({ limit: 20 });
    expect(storyListQuerySchema.parse({ limit: "5", section: "city" })).toEqual({ limit: 5, section: "city" });
  });

  it.each([
    { limit: "0" },
    { limit: "51" },
    { limit: "ten" },
    { section: "Not a slug" },
    { cursor: "junk" },
    { sort: "asc" },
  ])("refuses %j", (query) => {
    expect(storyListQuerySchema.safeParse(query).success).toBe(false);
  });
});
