// A live story's page as a reader without JavaScript, a search engine and a reader view get it:
// the real server, the entries written through the real store.
import { Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVE_HEADLINE, LIVE_SLUG, writeLiveStory } from "../../test/liveStory";
import { startTestServer, type TestServer } from "../testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ publicUrl: "https://news.example" });
  // 45 entries, the first two pinned: the page shows the two pinned, then the newest 20 of the rest.
  await writeLiveStory(server.store, { entries: 45, pinned: 2 });
});
afterAll(() => server.close());

async function page(path: string) {
  const response = await fetch(`${server.url}${path}`);
  const html = await response.text();
  return { status: response.status, html, document: new JSDOM(html).window.document };
}

const entryTexts = (list: Element | null | undefined) =>
  [...(list?.querySelectorAll(":scope > li") ?? [])].map(
    (li) => li.querySelector("article p:not([class]) , article > div > p")?.textContent,
  );

function jsonLd(document: Document): Record<string, unknown>[] {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) =>
    JSON.parse(s.textContent ?? ""),
  );
}

describe("a live story's page without JavaScript", () => {
  it("shows the LIVE kicker and the entries newest first, each with its time, pinned ones first", async () => {
    const { status, document } = await page(`/stories/${LIVE_SLUG}`);
    expect(status).toBe(200);
    expect(document.querySelector("header p")?.textContent).toContain("Live");
    const pinned = document.querySelector('ol[aria-label="Pinned updates"]');
    const updates = document.querySelector('ol[aria-label="Updates, newest first"]');
    expect(entryTexts(pinned)).toEqual(["Update 2.", "Update 1."]);
    expect(pinned?.textContent).toContain("Pinned");
    const expected = Array.from({ length: 20 }, (_, i) => `Update ${45 - i}.`);
    expect(entryTexts(updates)).toEqual(expected);
    const times = [...(updates?.querySelectorAll("li time") ?? [])].map((t) => t.getAttribute("datetime"));
    expect(times[0]).toBe("2026-11-27T09:45:00.000Z");
    expect(times).toEqual([...times].sort().reverse());
    expect(updates?.querySelector("li time")?.textContent).toBe("27 Nov 2026, 09:45\u00a0UTC");
    expect(updates?.querySelector("h3")?.textContent).toBe("Headline of update 45");
    // Entries' passages carry no p-N anchors of their own: those are the story's.
    expect(document.querySelectorAll('[id^="p-"]')).toHaveLength(2);
    expect(document.querySelector('[role="status"][aria-live="polite"]')).not.toBeNull();
  });

  it("pages to older updates by a link that renders the next page on the server", async () => {
    const first = await page(`/stories/${LIVE_SLUG}`);
    const seen = entryTexts(first.document.querySelector('ol[aria-label="Updates, newest first"]'));
    let link = first.document.querySelector<HTMLAnchorElement>("a[href*='?before=']");
    expect(link?.textContent).toBe("Older updates");
    let older = first;
    while (link) {
      older = await page(link.getAttribute("href") ?? "");
      expect(older.status).toBe(200);
      expect(older.document.querySelector('ol[aria-label="Pinned updates"]')).toBeNull();
      seen.push(...entryTexts(older.document.querySelector('ol[aria-label="Updates, newest first"]')));
      link = older.document.querySelector<HTMLAnchorElement>("a[href*='?before=']");
    }
    expect(seen).toEqual(Array.from({ length: 43 }, (_, i) => `Update ${45 - i}.`));
    // An older page is the story's own, further down: canonical to the story, not indexed.
    const canonical = older.document.querySelector('link[rel="canonical"]')?.getAttribute("href");
    expect(canonical).toBe(`https://news.example/stories/${LIVE_SLUG}`);
    expect(older.document.querySelector('meta[name="robots"]')?.getAttribute("content")).toBe("noindex, follow");
    expect(first.document.querySelector('meta[name="robots"]')).toBeNull();
    expect(older.document.querySelector(`a[href="/stories/${LIVE_SLUG}"]`)?.textContent).toBe("Latest updates");
  });

  it("answers 404 for a ?before= that names no entry of the story", async () => {
    for (const before of ["abc", "0", "-3", "999999"])
      expect((await page(`/stories/${LIVE_SLUG}?before=${before}`)).status, before).toBe(404);
  });

  it("describes itself as a LiveBlogPosting with its updates and when the coverage started", async () => {
    const { document } = await page(`/stories/${LIVE_SLUG}`);
    const [posting] = jsonLd(document);
    expect(posting).toMatchObject({
      "@context": "https://schema.org",
      "@type": "LiveBlogPosting",
      headline: LIVE_HEADLINE,
      coverageStartTime: "2026-11-27T08:30:00.000Z",
      mainEntityOfPage: { "@id": `https://news.example/stories/${LIVE_SLUG}` },
    });
    expect(posting).not.toHaveProperty("coverageEndTime");
    const updates = posting?.liveBlogUpdate as Record<string, unknown>[];
    expect(updates).toHaveLength(22);
    expect(updates[2]).toMatchObject({
      "@type": "BlogPosting",
      headline: "Headline of update 45",
      datePublished: "2026-11-27T09:45:00.000Z",
      articleBody: "Update 45.",
    });
    expect(updates[3]?.headline).toBe("Update 44.");
    expect(String(updates[3]?.url)).toMatch(new RegExp(`/stories/${LIVE_SLUG}#entry-\\d+$`));
  });

  it("still gives reader views the story", async () => {
    const url = `${server.url}/stories/${LIVE_SLUG}`;
    const dom = new JSDOM(await (await fetch(url)).text(), { url });
    const article = new Readability(dom.window.document).parse();
    expect(article?.title).toBe(LIVE_HEADLINE);
    const text = (article?.textContent ?? "").replace(/\s+/g, " ");
    expect(text).toContain("The storm reached the coast before dawn");
    expect(text).toContain("Update 45.");
    expect(text).not.toContain("Most read");
  });

  it("is marked Live where it is listed: the front page and its section", async () => {
    for (const path of ["/", "/sections/city"]) expect(await listedKicker(path), path).toBe("Live");
  });

  it("ends: no LIVE kicker, coverageEndTime in its JSON-LD, and its entries stay", async () => {
    const story = await server.store.getStory(LIVE_SLUG);
    if (!story) throw new Error("no live story");
    const { related: _related, coverage: _coverage, ...input } = story;
    await server.store.saveStories([{ ...input, section: story.section.slug, live: false }]);
    const { document } = await page(`/stories/${LIVE_SLUG}`);
    expect(document.querySelector("header p")?.textContent).not.toContain("Live");
    const [posting] = jsonLd(document);
    expect(posting?.["@type"]).toBe("LiveBlogPosting");
    expect(Date.parse(String(posting?.coverageEndTime))).not.toBeNaN();
    expect(document.querySelector('ol[aria-label="Updates, newest first"] li')).not.toBeNull();
    // Nor is it marked Live in lists any more.
    for (const path of ["/", "/sections/city"]) expect(await listedKicker(path), path).toBeUndefined();
  });
});

/** The line above the live story's headline where `path` lists it (undefined: none). */
async function listedKicker(path: string): Promise<string | undefined> {
  const { document } = await page(path);
  const link = [...document.querySelectorAll("main a")].find((a) => a.textContent === LIVE_HEADLINE);
  if (!link) throw new Error(`${path} does not list the live story`);
  const above = link.closest("h2, h3")?.previousElementSibling;
  return above?.tagName === "P" ? (above.textContent ?? undefined) : undefined;
}
