// Listing pages page by page, server-rendered: what a reader without JavaScript (or a crawler) walks.
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryInput } from "../../model/story";
import { startTestServer, type TestServer } from "../testServer";

let server: TestServer;
let cityCount: number;
beforeAll(async () => {
  server = await startTestServer();
  const archive: StoryInput[] = Array.from({ length: 30 }, (_, i) => ({
    slug: `archive-story-${i}`,
    headline: `Archive story number ${i}`,
    section: "city",
    authors: [{ slug: "archivist", name: "The Archivist" }],
    tags: [],
    publishedAt: new Date(Date.UTC(2026, 9, 1 + (i % 20), i)).toISOString(),
    updatedAt: new Date(Date.UTC(2026, 9, 1 + (i % 20), i)).toISOString(),
    body: [{ type: "paragraph", text: `Story ${i}.` }],
  }));
  await server.store.saveStories(archive);
  cityCount = (await server.store.listStories({ section: "city", limit: 50 })).items.length;
});
afterAll(() => server.close());

async function listing(path: string) {
  const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
  const { document } = new JSDOM(await response.text()).window;
  return {
    status: response.status,
    stories: [...document.querySelectorAll("main li h2 a")].map((a) => a.getAttribute("href")),
    more: document.querySelector("main a[href*='?before=']")?.getAttribute("href"),
    newest: document.querySelector("main a[href='/sections/city']")?.textContent,
  };
}

describe("a section page, page by page", () => {
  it("walks every story of the section exactly once by its More stories links", async () => {
    const seen: (string | null)[] = [];
    let path: string | undefined = "/sections/city";
    let pages = 0;
    while (path && pages < 10) {
      const page = await listing(path);
      expect(page.status).toBe(200);
      if (pages > 0) expect(page.newest).toBe("Back to the newest stories");
      seen.push(...page.stories);
      path = page.more ?? undefined;
      pages += 1;
    }
    expect(pages).toBe(2);
    expect(seen).toHaveLength(cityCount);
    expect(new Set(seen).size).toBe(cityCount);
  });

  it("answers a position that is not one with the 404 page", async () => {
    expect((await listing("/sections/city?before=nonsense")).status).toBe(404);
  });
});
