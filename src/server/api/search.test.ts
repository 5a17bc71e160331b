// Search through the real API, on each engine (SQLite FTS5; PostgreSQL tsvector when TEST_DATABASE_URL is set).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchPageSchema } from "../../model/search";
import type { StoryInput } from "../../model/story";
import { testEngines } from "../../store/testDatabases";
import { startTestServer, type TestServer } from "../testServer";

const story = (slug: string, headline: string, text: string, day: number, minute = 0): StoryInput => ({
  slug,
  headline,
  section: "city",
  authors: [],
  tags: [],
  publishedAt: new Date(Date.UTC(2026, 9, day, 0, minute)).toISOString(),
  updatedAt: new Date(Date.UTC(2026, 9, day, 0, minute)).toISOString(),
  body: [{ type: "paragraph", text }],
});

/**
 * Stories for "tide harb": both words in the headline (phase one), split between headline and
 * text or both in the text (phase two), and near misses. Days repeat, so some stories share a
 * published_at to the millisecond and pages end inside such a group.
 */
const kinds = { headline: "H", split: "S", body: "B", miss: "N" } as const;
const tideStories = Array.from({ length: 33 }, (_, i) => {
  const kind = (["H", "B", "S", "H", "B", "N", "H", "B", "S", "H", "B"] as const)[i % 11] ?? "N";
  const slug = `t${String((i * 7) % 33).padStart(2, "0")}`; // saved out of slug order
  const day = 1 + (i % 3); // three days: eleven stories share each published_at
  const headline = {
    H: `Tide turns at the harbour, report ${i}`,
    S: `Tide turns, report ${i}`,
    B: `Report ${i} from the coast`,
    N: `Tide report ${i}`,
  }[kind];
  const text = { H: "Nothing else.", S: "The harbour wall held.", B: "A tide rose over the harbour.", N: "Calm." }[
    kind
  ];
  return { kind, input: story(slug, headline, text, day) };
});
const newestFirst = (a: StoryInput, b: StoryInput) =>
  a.publishedAt === b.publishedAt ? (a.slug < b.slug ? 1 : -1) : a.publishedAt < b.publishedAt ? 1 : -1;
const ranked = (wanted: string[]) =>
  tideStories
    .filter((s) => wanted.includes(s.kind))
    .map((s) => s.input)
    .sort(newestFirst)
    .map((s) => s.slug);

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
      ...tideStories.map((s) => s.input),
      ...Array.from({ length: 10 }, (_, i) =>
        i % 3 === 0
          ? story(`ferry-${i}`, `Ferry timetable ${i}`, "Changes.", 2 + i)
          : story(`ferry-${i}`, `Crossing ${i}`, "The ferry was late.", 2 + (i % 4)),
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

  const walk = async (query: string, limit: number, between?: (page: number) => Promise<void>) => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const { status, body } = await search(
        `q=${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(status).toBe(200);
      const { items, nextCursor } = searchPageSchema.parse(body);
      expect(items.length).toBeLessThanOrEqual(limit);
      seen.push(...items.map((s) => s.slug));
      cursor = nextCursor;
      if (!cursor) return seen;
      await between?.(page);
    }
    throw new Error("more than 100 pages");
  };

  it("walks every match once, page by page: headline matches first, each group newest first", async () => {
    const expected = [...ranked([kinds.headline]), ...ranked([kinds.split, kinds.body])];
    expect(expected).toHaveLength(30);
    const walked = await walk("tide+harb", 4);
    expect(walked).toEqual(expected);
    const { body } = await search("q=tide+harb&limit=50");
    expect(body.items.map((s: { slug: string }) => s.slug)).toEqual(expected);
    expect(body.nextCursor).toBeNull();
  });

  it.each([1, 2, 3, 5, 9])("pages the same ranking %i at a time", async (limit) => {
    expect(await walk("tide+harb", limit)).toEqual([...ranked([kinds.headline]), ...ranked([kinds.split, kinds.body])]);
  });

  it("keeps its place when stories are published between pages", async () => {
    const older = await walk("ferry", 50);
    const added: string[] = [];
    const walked = await walk("ferry", 3, async (page) => {
      // A newer story for each phase; the walk must neither repeat nor lose an older one.
      const day = 25 + (page % 5);
      const fresh = [
        story(`ferry-new-h${page}`, "Ferry news", "Fresh.", day, page),
        story(`ferry-new-b${page}`, "News", "The ferry ran.", day, page),
      ];
      added.push(...fresh.map((s) => s.slug));
      await server.store.saveStories(fresh);
    });
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked.filter((slug) => !added.includes(slug))).toEqual(older);
    await Promise.all(added.map((slug) => server.store.deleteStory(slug)));
  });

  it.each([
    ["garbled", "%%%"],
    ["not base64 JSON", "bm90IGpzb24"],
    ["an offset cursor", "o10"],
    ["a list cursor", btoa(JSON.stringify(["2026-10-02T00:00:00.000Z", "t01"]))],
    ["an unknown phase", btoa(JSON.stringify(["title", "2026-10-02T00:00:00.000Z", "t01"]))],
    ["a date that is not one", btoa(JSON.stringify(["headline", "yesterday", "t01"]))],
    ["a slug that is not one", btoa(JSON.stringify(["body", "2026-10-02T00:00:00.000Z", "Not a slug"]))],
    ["an extra field", btoa(JSON.stringify(["body", "2026-10-02T00:00:00.000Z", "t01", 4]))],
    ["a long one", "a".repeat(401)],
  ])("answers a cursor that is %s with 400", async (_, cursor) => {
    const { status, body } = await search(`q=tide&cursor=${encodeURIComponent(cursor)}`);
    expect(status).toBe(400);
    expect(body.error.message).toContain("not a cursor this server gave out");
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
