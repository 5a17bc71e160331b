// Search through the real API, on each engine (SQLite FTS5; PostgreSQL tsvector when TEST_DATABASE_URL is set).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchPageSchema } from "../../model/search";
import type { StoryInput } from "../../model/story";
import { testEngines } from "../../store/testDatabases";
import { startTestServer, type TestServer } from "../testServer";

const story = (slug: string, headline: string, text: string, day: number): StoryInput => ({
  slug,
  headline,
  section: "city",
  authors: [],
  tags: [],
  publishedAt: new Date(Date.UTC(2026, 9, day)).toISOString(),
  updatedAt: new Date(Date.UTC(2026, 9, day)).toISOString(),
  body: [{ type: "paragraph", text }],
});

describe.each(testEngines)("search on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, demo: false });
    await server.store.saveSections([{ slug: "city", name: "City" }]);
    await server.store.saveStories([
      story("body-match-newer", "Council meets on Tuesday", "Dockworkers protested outside the hall.", 20),
      story("headline-match-older", "Dockworkers protest over night shifts", "A quiet crowd gathered.", 2),
      story("unrelated", "Lantern festival moves indoors", "Rain was forecast for the weekend.", 21),
      ...Array.from({ length: 7 }, (_, i) =>
        story(`gull-${i}`, `Gull count number ${i}`, "Volunteers counted herring gulls on the pier.", 3 + i),
      ),
    ]);
  });
  afterAll(() => server.close());

  const search = async (query: string) => {
    const response = await fetch(`${server.url}/api/search?${query}`);
    return { status: response.status, body: await response.json() };
  };

  it("ranks a headline match above a body match, whatever their dates, and stems words", async () => {
    const { status, body } = await search("q=protests");
    expect(status).toBe(200);
    const page = searchPageSchema.parse(body);
    expect(page.items.map((s) => s.slug)).toEqual(["headline-match-older", "body-match-newer"]);
  });

  it("gives each hit a snippet with the matched words marked, as data", async () => {
    const { body } = await search("q=protest");
    const hit = body.items.find((s: { slug: string }) => s.slug === "body-match-newer");
    expect(hit.snippet).toContainEqual({ text: "protested", match: true });
    expect(hit.snippet.map((p: { text: string }) => p.text).join("")).toContain(
      "Dockworkers protested outside the hall.",
    );
  });

  it("matches the last word as a prefix, for results as you type", async () => {
    const { body } = await search("q=lante");
    expect(body.items.map((s: { slug: string }) => s.slug)).toEqual(["unrelated"]);
  });

  it("pages through every hit exactly once", async () => {
    const seen: string[] = [];
    let query = "q=gulls&limit=3";
    for (let page = 0; page < 5; page++) {
      const { body } = await search(query);
      seen.push(...body.items.map((s: { slug: string }) => s.slug));
      if (!body.nextCursor) break;
      query = `q=gulls&limit=3&cursor=${body.nextCursor}`;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it.each([
    '"unbalanced',
    "protest AND OR NOT",
    "NEAR(protest gull)",
    "headline: protest*",
    "'; drop table stories; --",
    "-protest +gull (a|b) !c <->",
    "\\u0000 \u0000 ☃ 💥",
    "",
  ])("treats %j as text and never errors", async (q) => {
    const { status, body } = await search(`q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(searchPageSchema.safeParse(body).success).toBe(true);
  });

  it.each(["cursor=nonsense&q=gull", `q=${"x".repeat(201)}`, "q=gull&limit=0", "q=gull&sort=new"])(
    "answers %s with 400",
    async (query) => {
      expect((await search(query)).status).toBe(400);
    },
  );
});
