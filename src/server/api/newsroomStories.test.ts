// The newsroom's list of every story (GET /api/newsroom/stories): drafts, scheduled, unpublished,
// published and live stories together, newest change first, found by status, section, author and
// headline words; for staff only, and never kept. Real servers on both engines, the demo stories loaded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NewsroomStory } from "../../model/newsroomStories";
import { testEngines } from "../../store/testDatabases";
import { apiRequest, publisher, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe.each(testEngines)("the newsroom's stories, on %s", (engine) => {
  let server: TestServer;
  const list = async (query = "") => {
    const response = await apiRequest(server.url, "GET", `/api/newsroom/stories${query}`);
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { items: NewsroomStory[] }).items;
  };

  beforeAll(async () => {
    server = await startTestServer({ engine, adminToken: TEST_TOKEN });
    const { put } = publisher(server.url);
    const stories = [
      {
        slug: "orlwick-bridge-repairs",
        headline: "Orlwick bridge repairs begin",
        section: "city",
        status: "published",
      },
      {
        slug: "orlwick-choir-draft",
        headline: "Orlwick choir % rehearses",
        section: "culture",
        status: "draft",
        authors: [{ slug: "wren-okafor", name: "Wren Okafor" }],
      },
      { slug: "orlwick-tide-schedule", headline: "Orlwick tide tables", section: "science", status: "scheduled" },
      { slug: "orlwick-gone", headline: "Orlwick market moves", section: "city", status: "published" },
      {
        slug: "orlwick-storm-live",
        headline: "Orlwick storm: live",
        section: "world",
        status: "published",
        authors: [
          { slug: "ana-ferreira", name: "Ana Ferreira" },
          { slug: "wren-okafor", name: "Wren Okafor" },
        ],
      },
    ];
    for (const [index, story] of stories.entries()) {
      const { status, ...fields } = story;
      const response = await put(story.slug, {
        ...storyDraft({ ...fields, publishedAt: minutesAgo(60), updatedAt: minutesAgo(50 - index) }),
        ...(story.slug.endsWith("-live") ? { live: true } : {}),
        status,
        ...(status === "scheduled" ? { publishAt: new Date(Date.now() + 3_600_000).toISOString() } : {}),
      });
      expect(response.status, await response.clone().text()).toBe(201);
    }
    const down = await put("orlwick-gone", {
      ...storyDraft({ headline: "Orlwick market moves", section: "city", updatedAt: minutesAgo(1) }),
      status: "unpublished",
    });
    expect(down.status, await down.clone().text()).toBe(200);
  }, 60_000);
  afterAll(() => server?.close());

  it("lists every story whatever its status, newest change first", async () => {
    const mine = (await list("?q=orlwick")).map(({ slug, status }) => [slug, status]);
    // Held stories are dated by their save (just now), published ones by their update.
    expect(
      mine
        .slice(0, 3)
        .map(([slug]) => slug)
        .sort(),
    ).toEqual(["orlwick-choir-draft", "orlwick-gone", "orlwick-tide-schedule"]);
    expect(mine.slice(3)).toEqual([
      ["orlwick-storm-live", "live"],
      ["orlwick-bridge-repairs", "published"],
    ]);
    expect(new Map(mine as [string, string][])).toEqual(
      new Map([
        ["orlwick-choir-draft", "draft"],
        ["orlwick-gone", "unpublished"],
        ["orlwick-tide-schedule", "scheduled"],
        ["orlwick-storm-live", "live"],
        ["orlwick-bridge-repairs", "published"],
      ]),
    );
    const all = await list();
    const changes = all.map((story) => story.changedAt);
    expect(changes).toEqual([...changes].sort().reverse());
    // The demo's published stories are there too.
    expect(all.length).toBeGreaterThan(5);
  });

  it("finds by status, section and headline words in any case, taking % literally", async () => {
    const slugs = async (query: string) => (await list(query)).map((story) => story.slug);
    expect(await slugs("?q=orlwick&status=draft")).toEqual(["orlwick-choir-draft"]);
    expect(await slugs("?q=orlwick&status=scheduled")).toEqual(["orlwick-tide-schedule"]);
    expect(await slugs("?q=orlwick&status=live")).toEqual(["orlwick-storm-live"]);
    expect(await slugs("?q=orlwick&status=published")).toEqual(["orlwick-storm-live", "orlwick-bridge-repairs"]);
    expect(await slugs("?q=orlwick&section=city")).toEqual(["orlwick-gone", "orlwick-bridge-repairs"]);
    expect(await slugs("?q=ORLWICK%20BRIDGE")).toEqual(["orlwick-bridge-repairs"]);
    expect(await slugs("?q=%25")).toEqual(["orlwick-choir-draft"]);
    const scheduled = (await list("?status=scheduled&q=orlwick"))[0];
    expect(scheduled?.publishAt).toBeDefined();
  });

  it("finds the stories an author is named on, held or published, and lists the authors to choose from", async () => {
    const slugs = async (query: string) => (await list(query)).map((story) => story.slug);
    // Named second on a live story, and alone on a draft; no one else's stories.
    expect(await slugs("?q=orlwick&author=wren-okafor")).toEqual(["orlwick-choir-draft", "orlwick-storm-live"]);
    expect(await slugs("?author=wren-okafor&status=draft")).toEqual(["orlwick-choir-draft"]);
    expect(await slugs("?author=wren-okafor&section=world")).toEqual(["orlwick-storm-live"]);
    const ana = await slugs("?q=orlwick&author=ana-ferreira");
    expect(ana).toContain("orlwick-bridge-repairs");
    expect(ana).not.toContain("orlwick-choir-draft");
    expect(await slugs("?author=nobody-at-all")).toEqual([]);
    const bad = await apiRequest(server.url, "GET", "/api/newsroom/stories?author=Not%20A%20Slug");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/author/);

    const authors = await apiRequest(server.url, "GET", "/api/newsroom/authors");
    expect(authors.status).toBe(200);
    expect(authors.headers.get("cache-control")).toBe("private, no-store");
    const items = ((await authors.json()) as { items: { slug: string; name: string }[] }).items;
    expect(items).toContainEqual({ slug: "wren-okafor", name: "Wren Okafor" });
    expect(items).toContainEqual({ slug: "ana-ferreira", name: "Ana Ferreira" });
    const names = items.map((item) => item.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(new Set(items.map((item) => item.slug)).size).toBe(items.length);
    const anonymous = await apiRequest(server.url, "GET", "/api/newsroom/authors", undefined, null);
    expect(anonymous.status).toBe(401);
  });

  it("gives one story to edit, held or published, with its status and revision", async () => {
    const read = async (slug: string) => {
      const response = await apiRequest(server.url, "GET", `/api/newsroom/stories/${slug}`);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const draft = await read("orlwick-choir-draft");
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      status: "draft",
      revision: 1,
      story: { headline: "Orlwick choir % rehearses" },
    });
    const scheduled = await read("orlwick-tide-schedule");
    expect(scheduled.body).toMatchObject({ status: "scheduled", publishAt: expect.any(String) });
    const published = await read("orlwick-bridge-repairs");
    expect(published.body).toMatchObject({
      status: "published",
      revision: 1,
      story: { headline: "Orlwick bridge repairs begin", section: { slug: "city" } },
    });
    // Unpublishing was a second write of the story.
    expect((await read("orlwick-gone")).body).toMatchObject({ status: "unpublished", revision: 2 });
    expect((await read("no-such-orlwick-story")).status).toBe(404);
    const anonymous = await apiRequest(server.url, "GET", "/api/newsroom/stories/orlwick-choir-draft", undefined, null);
    expect(anonymous.status).toBe(401);
  });

  it("is for staff only, never kept, and refuses a query it cannot read with a 400", async () => {
    const anonymous = await apiRequest(server.url, "GET", "/api/newsroom/stories", undefined, null);
    expect(anonymous.status).toBe(401);
    const answer = await apiRequest(server.url, "GET", "/api/newsroom/stories");
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    const wrong = await apiRequest(server.url, "GET", "/api/newsroom/stories?status=lost");
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(/status/);
  });
});
