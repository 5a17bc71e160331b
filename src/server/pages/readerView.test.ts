// Reader view: Mozilla Readability (Firefox Reader View, Pocket and most read-later apps) over the
// server-rendered page of every demo story. What it extracts must be the story and only the story.
import { Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Story } from "../../model/story";
import { apiRequest, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

let server: TestServer;
let stories: Story[];
beforeAll(async () => {
  server = await startTestServer({ adminToken: TEST_TOKEN });
  // The demo has no post from another platform: one story with one, among the demo's.
  const published = await apiRequest(
    server.url,
    "PUT",
    "/api/stories/pier-3-reopens",
    storyDraft({
      headline: "Pier 3 reopens to foot passengers",
      body: [
        {
          type: "paragraph",
          text: "Pier 3, closed since the October storms tore away a section of its decking, reopens to foot passengers on Monday morning, the harbour council announced on Sunday evening.",
        },
        {
          type: "paragraph",
          text: "Engineers spent six weeks replacing the timber piles under the pier's northern end and testing the new walkway with loaded carts. Cyclists will keep using pier 4 until the ramp is rebuilt in the spring.",
        },
        {
          type: "embed",
          url: "https://mastodon.social/@harbourcouncil/113600000000000000",
          provider: "mastodon",
          text: "Pier 3 reopens to foot passengers at 06:00 tomorrow.",
          author: "Harbour Council",
          date: "2026-12-06T18:05:00Z",
        },
        {
          type: "paragraph",
          text: "Ferry crews said the reopening would cut the walk from the Town Quay stop by ten minutes, and that the early boats had been turning commuters away for lack of room at pier 4.",
        },
      ],
    }),
  );
  expect(published.status).toBe(201);
  const list: { items: { slug: string }[] } = await (await fetch(`${server.url}/api/stories?limit=50`)).json();
  stories = await Promise.all(
    list.items.map(async ({ slug }) => (await fetch(`${server.url}/api/stories/${slug}`)).json() as Promise<Story>),
  );
  // Views, so that "Most read" is on every story page as a reader would find it.
  for (const { slug } of list.items.slice(0, 5))
    await fetch(`${server.url}/api/views`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ slug }),
    });
});
afterAll(() => server.close());

async function readerView(slug: string) {
  const url = `${server.url}/stories/${slug}`;
  const html = await (await fetch(url)).text();
  const page = new JSDOM(html, { url });
  expect(page.window.document.querySelector("main")?.textContent).toContain("Most read");
  const article = new Readability(page.window.document).parse();
  if (!article?.content) throw new Error(`Readability found no article in ${slug}`);
  return { article, document: new JSDOM(article.content).window.document };
}

const squash = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

describe("a story in reader view", () => {
  it("covers every demo story", () => {
    expect(stories.length).toBeGreaterThanOrEqual(14);
    expect(stories.some((story) => story.body.some((block) => block.type === "video"))).toBe(true);
    expect(stories.some((story) => story.body.some((block) => block.type === "correction"))).toBe(true);
    expect(stories.some((story) => story.body.some((block) => block.type === "embed"))).toBe(true);
  });

  it("holds every paragraph and quote of every story, and none of the page's furniture", async () => {
    for (const story of stories) {
      const { article, document } = await readerView(story.slug);
      const text = squash(document.body.textContent);
      expect(article.title, story.slug).toBe(story.headline);
      for (const block of story.body) {
        if (block.type === "paragraph" || block.type === "quote")
          expect(text, story.slug).toContain(squash(block.text));
        if (block.type === "quote" && block.cite) expect(text, story.slug).toContain(squash(block.cite));
        // A correction is part of the article: a reader view keeps it, with its heading.
        if (block.type === "correction") expect(text, story.slug).toMatch(/Correction.*: /);
        if (block.type === "correction") expect(text, story.slug).toContain(squash(block.text));
        // A post from another platform is quoted: its words, who posted it, and the way to it.
        if (block.type === "embed") {
          const quoted = [...document.querySelectorAll("blockquote")].find(
            (quote) => squash(quote.textContent) === squash(block.text),
          );
          expect(quoted, story.slug).toBeTruthy();
          expect(text, story.slug).toContain(`${block.author}, `);
          expect(document.querySelector(`a[href="${block.url}"]`)?.textContent, story.slug).toBe("View on Mastodon");
        }
      }
      for (const furniture of ["Share this quote", "Most read", "Related stories", "Facebook", "LinkedIn", "Bluesky"])
        expect(text, `${story.slug}: ${furniture}`).not.toContain(furniture);
      for (const link of document.querySelectorAll("a"))
        expect(link.getAttribute("href") ?? "", story.slug).not.toMatch(/\/tags\/|x\.com|facebook|wa\.me|bsky|mailto:/);
    }
  });

  it("keeps a story's video as a figure with its caption", async () => {
    const withVideo = stories.filter((story) => story.body.some((block) => block.type === "video"));
    expect(withVideo.length).toBeGreaterThan(0);
    for (const story of withVideo) {
      const { document } = await readerView(story.slug);
      const video = story.body.find((block) => block.type === "video");
      const figure = document.querySelector("figure video")?.closest("figure");
      expect(figure, story.slug).toBeTruthy();
      expect(squash(figure?.querySelector("figcaption")?.textContent), story.slug).toContain(video?.title);
      expect(figure?.querySelector("video source")?.getAttribute("src"), story.slug).toBeTruthy();
    }
  });
});
