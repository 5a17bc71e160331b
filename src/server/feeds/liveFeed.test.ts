// The feed of a live story's entries, read by a real feed parser from the real server.
import { parseFeed } from "@rowanmanning/feed-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVE_HEADLINE, LIVE_SLUG, writeLiveStory } from "../../test/liveStory";
import { startTestServer, type TestServer } from "../testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ publicUrl: "https://news.example" });
  await writeLiveStory(server.store, { entries: 55, pinned: 1 });
});
afterAll(() => server.close());

describe("a live story's feed of updates", () => {
  it("is RSS a feed reader reads: the newest 50 entries, newest first, each linked to its place", async () => {
    const response = await fetch(`${server.url}/stories/${LIVE_SLUG}/feed.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const feed = parseFeed(await response.text());
    expect(feed.title).toBe(`${LIVE_HEADLINE}: updates | Dispatch`);
    expect(feed.url).toBe(`https://news.example/stories/${LIVE_SLUG}`);
    expect(feed.items).toHaveLength(50);
    expect(feed.items.map((item) => item.content)).toEqual(
      Array.from({ length: 50 }, (_, i) => expect.stringContaining(`Update ${55 - i}.`)),
    );
    const [newest, second] = feed.items;
    expect(newest?.title).toBe("Update 55.");
    expect(second?.title).toBe("Headline of update 54");
    expect(newest?.published?.toISOString()).toBe("2026-11-27T09:55:00.000Z");
    expect(newest?.url).toMatch(new RegExp(`^https://news.example/stories/${LIVE_SLUG}#entry-\\d+$`));
    expect(new Set(feed.items.map((item) => item.id)).size).toBe(50);
    // A quote keeps its markup and who said it.
    expect(feed.items.find((item) => item.title === "Update 52.")?.content).toContain("<blockquote>");
  });

  it("is announced by the story's page", async () => {
    const html = await (await fetch(`${server.url}/stories/${LIVE_SLUG}`)).text();
    expect(html).toContain(`href="https://news.example/stories/${LIVE_SLUG}/feed.xml"`);
  });

  it("answers 304 to a reader polling with its ETag, and a changed feed once an entry is added", async () => {
    const first = await fetch(`${server.url}/stories/${LIVE_SLUG}/feed.xml`);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\//);
    const again = await fetch(`${server.url}/stories/${LIVE_SLUG}/feed.xml`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    await server.store.addEntry(
      LIVE_SLUG,
      { body: [{ type: "paragraph", text: "Breaking: the wind drops." }] },
      new Date(),
    );
    const changed = await fetch(`${server.url}/stories/${LIVE_SLUG}/feed.xml`, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(parseFeed(await changed.text()).items[0]?.title).toBe("Breaking: the wind drops.");
  });

  it("is a 404 for a story that was never live, or none", async () => {
    const stories = await (await fetch(`${server.url}/api/stories?limit=1`)).json();
    const ordinary = stories.items.find((s: { slug: string }) => s.slug !== LIVE_SLUG)?.slug ?? "no-such";
    for (const slug of [ordinary, "no-such-story", "Not_A_Slug"])
      expect((await fetch(`${server.url}/stories/${slug}/feed.xml`)).status, slug).toBe(404);
  });
});
