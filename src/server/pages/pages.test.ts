// Server-rendered pages, against the real server over HTTP: what a crawler or a reader without
// JavaScript receives.
import { runInNewContext } from "node:vm";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoryInput } from "../../model/story";
import { startTestServer, type TestServer } from "../testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function page(path: string) {
  const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
  const html = await response.text();
  const { document } = new JSDOM(html).window;
  const meta = (key: string) =>
    document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content") ?? null;
  return { response, html, document, meta };
}

const WATCH = "ferry-crew-pulls-kayakers-from-the-sound";

describe("a story page", () => {
  it("is the whole story, server-rendered, with its head for crawlers", async () => {
    const { response, document, meta } = await page(`/stories/${WATCH}`);
    const story = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html; charset=utf-8/);

    expect(document.querySelector("main h1")?.textContent).toBe(story.headline);
    expect(document.body.textContent).toContain(story.deck);
    expect(document.querySelectorAll("main article p").length).toBeGreaterThan(5);
    const inline = story.body.filter((b: { type: string }) => b.type === "related");
    for (const related of inline)
      expect(document.querySelector(`main a[href="/stories/${related.slug}"]`)?.textContent).toBe(related.headline);
    const video = document.querySelector("video");
    expect(video?.getAttribute("poster")).toMatch(/^\/media\//);
    expect([...document.querySelectorAll("video source")].map((s) => s.getAttribute("type"))).toEqual([
      "video/mp4",
      "video/webm",
    ]);
    expect(document.querySelector("video track[kind=captions]")?.getAttribute("srclang")).toBe("en");
    expect(document.querySelector("time")?.getAttribute("datetime")).toBe(story.publishedAt);

    expect(document.title).toBe(`${story.headline} | Dispatch`);
    expect(meta("description")).toBe(story.deck);
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
      `https://news.example/stories/${WATCH}`,
    );
    expect(meta("og:type")).toBe("article");
    expect(meta("og:title")).toBe(story.headline);
    expect(meta("og:url")).toBe(story.url);
    expect(meta("og:site_name")).toBe("Dispatch");
    // The lead picture's 1200×630 crop (model/picture.ts), named by the version of its file.
    expect(meta("og:image")).toBe(`https://news.example/img${story.image.src}/${story.image.version}/og.jpg`);
    expect(meta("og:image:width")).toBe("1200");
    expect(meta("og:image:height")).toBe("630");
    expect(meta("og:image:alt")).toBe(story.image.alt);
    expect(meta("article:published_time")).toBe(story.publishedAt);
    expect(meta("article:modified_time")).toBe(story.updatedAt);
    expect(meta("article:section")).toBe(story.section.name);
    expect(
      [...document.querySelectorAll('meta[property="article:tag"]')].map((m) => m.getAttribute("content")),
    ).toEqual(story.tags.map((t: { name: string }) => t.name));
    // A video story is a player card: its video plays where it is shared.
    expect(meta("twitter:card")).toBe("player");
    expect(meta("twitter:player")).toBe(`https://news.example/embed/${WATCH}`);

    const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? "null");
    expect(jsonLd).toMatchObject({
      "@type": "NewsArticle",
      headline: story.headline,
      datePublished: story.publishedAt,
      dateModified: story.updatedAt,
      author: story.authors.map((a: { name: string }) => ({ "@type": "Person", name: a.name })),
      publisher: { "@type": "Organization", name: "Dispatch" },
      mainEntityOfPage: { "@id": story.url },
      video: {
        "@type": "VideoObject",
        contentUrl: expect.stringMatching(/^https:\/\/news\.example\/media\/.+\.mp4$/),
        embedUrl: `https://news.example/embed/${WATCH}`,
      },
    });
  });

  it("carries the query cache it was rendered from, for the browser to hydrate without fetching", async () => {
    const { document } = await page(`/stories/${WATCH}`);
    const data = JSON.parse(document.getElementById("dispatch-data")?.textContent ?? "null");
    // The site as its config says (content/site.yaml), and no more than pages show of it.
    expect(data.site).toEqual({
      url: "https://news.example",
      name: "Dispatch",
      description: "Dispatch: the day's stories from the city, the world, science and culture.",
      tagline: "the day's stories from the city, the world, science and culture",
      language: "en",
      dir: "ltr",
      locale: "en-GB",
      timeZone: "UTC",
    });
    // Only the site's own catalogue: the English words, no other language's.
    expect(data.catalogue["search.title"]).toBe("Search");
    expect(JSON.stringify(data.catalogue)).not.toContain("Búsqueda");
    // Nor the newsroom's words: staff's, never a reader page's.
    expect(Object.keys(data.catalogue).filter((key) => key.startsWith("newsroom."))).toEqual([]);
    const keys = data.queries.queries.map((q: { queryKey: unknown[] }) => q.queryKey);
    expect(keys).toContainEqual(["story", WATCH]);
    expect(keys).toContainEqual(["sections"]);
  });

  it("keeps hostile story text as text in the body, the head and the embedded JSON", async () => {
    const hostile: StoryInput = {
      slug: "hostile-headline",
      headline: `</script><script>alert(1)</script> "><img src=x onerror=alert(2)>`,
      deck: `Deck </title><script>alert(3)</script>`,
      section: "city",
      authors: [{ slug: "mallory", name: `Mallory <b onmouseover=alert(4)>` }],
      tags: [{ slug: "xss", name: `"/><script>alert(5)</script>` }],
      publishedAt: "2026-11-01T00:00:00.000Z",
      updatedAt: "2026-11-01T00:00:00.000Z",
      body: [{ type: "paragraph", text: "<script>alert(6)</script> \u2028 & ]]> <!-- -->" }],
    };
    await server.store.saveStories([hostile]);
    const { html, document, meta } = await page("/stories/hostile-headline");
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toMatch(/<img src=x/);
    expect(html).not.toMatch(/<b onmouseover/);
    expect(document.querySelectorAll("script:not([type]), script[type=module]").length).toBeLessThanOrEqual(2);
    expect(document.querySelector("main h1")?.textContent).toBe(hostile.headline);
    expect(document.title).toBe(`${hostile.headline} | Dispatch`);
    expect(meta("og:title")).toBe(hostile.headline);
    expect(meta("description")).toBe(hostile.deck);
    const jsonLd = JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? "null");
    expect(jsonLd.headline).toBe(hostile.headline);
    const data = JSON.parse(document.getElementById("dispatch-data")?.textContent ?? "null");
    const cached = data.queries.queries.find((q: { queryKey: unknown[] }) => q.queryKey[0] === "story");
    expect(cached.state.data.headline).toBe(hostile.headline);
    expect(cached.state.data.body[0].text).toBe(hostile.body[0]?.type === "paragraph" && hostile.body[0].text);
    // The router's data (written by entry-server.tsx as a literal, decision 051) is what React Router
    // reads: loaderData, actionData and errors. The page's data goes without its head, which the
    // page's <head> holds (decision 053).
    const script = [...document.querySelectorAll("script[nonce]")].find((s) =>
      s.textContent?.startsWith("window.__staticRouterHydrationData = "),
    );
    const window: { __staticRouterHydrationData?: Record<string, unknown> } = {};
    runInNewContext(script?.textContent ?? "", { window });
    expect(window.__staticRouterHydrationData).toEqual({
      loaderData: { root: null, story: {} },
      actionData: null,
      errors: null,
    });
  });
});

describe("canonical URLs", () => {
  it.each([
    ["/stories/ferry-crew-pulls-kayakers-from-the-sound/", "/stories/ferry-crew-pulls-kayakers-from-the-sound"],
    ["/stories/Ferry-Crew-Pulls-Kayakers-From-The-Sound", "/stories/ferry-crew-pulls-kayakers-from-the-sound"],
    [
      "/stories/ferry-crew-pulls-kayakers-from-the-sound?utm_source=x&fbclid=y&t=4",
      "/stories/ferry-crew-pulls-kayakers-from-the-sound?t=4",
    ],
    ["/sections/city/?gclid=z", "/sections/city"],
    ["//evil.example/", "/evil.example"],
  ])("answers %s with 301 to %s", async (from, to) => {
    const response = await fetch(`${server.url}${from}`, { redirect: "manual" });
    expect(response.status).toBe(301);
    expect(response.headers.get("location")).toBe(to);
  });
});

describe("other pages", () => {
  it("renders the front page with the top story and every section", async () => {
    const { response, document } = await page("/");
    expect(response.status).toBe(200);
    const sections = await (await fetch(`${server.url}/api/sections`)).json();
    const headings = [...document.querySelectorAll("main h2")].map((h) => h.textContent);
    for (const section of sections) expect(headings).toContain(section.name);
    expect(document.querySelectorAll('main a[href^="/stories/"]').length).toBeGreaterThan(10);
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://news.example/");
  });

  it.each(["/sections/city", "/tags/harbour", "/authors/mara-lindqvist"])("renders the listing %s", async (path) => {
    const { response, document } = await page(path);
    expect(response.status).toBe(200);
    expect(document.querySelector("main h1")?.textContent).toBeTruthy();
    expect(document.querySelectorAll('main a[href^="/stories/"]').length).toBeGreaterThan(0);
    expect(document.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute("href")).toBe(
      "https://news.example/feed.xml",
    );
  });

  it("points a section page at the section's own feed", async () => {
    const { document } = await page("/sections/city");
    const feeds = [...document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')];
    expect(feeds.map((l) => l.getAttribute("href"))).toEqual([
      "https://news.example/feed.xml",
      "https://news.example/sections/city/feed.xml",
    ]);
  });

  it.each([
    "/stories/no-such-story",
    "/sections/nope",
    "/tags/nope",
    "/authors/nope",
    "/no/such/page",
    "/stories/%3Cscript%3E",
  ])("answers %s with the 404 page", async (path) => {
    const { response, document, meta } = await page(path);
    expect(response.status).toBe(404);
    expect(document.querySelector("main h1")?.textContent).toBe("Page not found");
    expect(document.title).toBe("Page not found | Dispatch");
    expect(meta("robots")).toBe("noindex");
    expect(document.querySelector('main a[href="/"]')).not.toBeNull();
  });
});

describe("the masthead", () => {
  const current = (document: Document) =>
    [...document.querySelectorAll('header a[aria-current="page"]')].map((a) => a.getAttribute("href"));

  it.each([
    ["/sections/city", ["/sections/city"]],
    ["/sections/city?cursor=x", ["/sections/city"]],
    ["/saved", ["/saved"]],
    [`/stories/${WATCH}`, []],
    ["/", []],
  ])("on %s marks %j as the page the reader is on", async (path, marked) => {
    const { document } = await page(path);
    expect(current(document)).toEqual(marked);
    expect(document.querySelectorAll("header nav a").length).toBeGreaterThan(1);
  });
});

describe("the search page", () => {
  it("renders results for ?q= on the server, with the matches marked and a form that works without JavaScript", async () => {
    const { response, document, meta } = await page("/search?q=ferry");
    expect(response.status).toBe(200);
    expect(document.querySelector("main h1")?.textContent).toBe("Search: ferry");
    const form = document.querySelector("header form[role=search]");
    expect(form?.getAttribute("method")).toBe("get");
    expect(form?.getAttribute("action")).toBe("/search");
    expect(form?.querySelector("input[name=q]")?.getAttribute("value")).toBe("ferry");
    const results = [...document.querySelectorAll("main ol li h2 a")];
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]?.textContent?.toLowerCase()).toContain("ferry");
    expect([...document.querySelectorAll("main ol mark")].map((m) => m.textContent?.toLowerCase())).toContain("ferry");
    expect(meta("robots")).toBe("noindex");
  });

  it("keeps a hostile query as text", async () => {
    const { response, html, document } = await page(`/search?q=${encodeURIComponent('<script>alert(1)</script>"')}`);
    expect(response.status).toBe(200);
    expect(html).not.toContain("<script>alert(1)");
    expect(document.querySelector("main h1")?.textContent).toBe('Search: <script>alert(1)</script>"');
  });
});
