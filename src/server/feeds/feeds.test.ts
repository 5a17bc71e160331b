// Feeds, sitemaps and robots.txt, against the real server over HTTP on each engine's store with the
// demo stories: what a feed reader or a search engine's crawler receives. Feeds are read back with
// a real feed parser, sitemaps with a real XML parser (which refuses anything not well-formed).
import { parseFeed } from "@rowanmanning/feed-parser";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Story, StoryInput, StorySummary } from "../../model/story";
import { testEngines } from "../../store/testDatabases";
import { startTestServer, type TestServer } from "../testServer";

const NOW = new Date("2026-11-24T00:00:00Z");
const WATCH = "ferry-crew-pulls-kayakers-from-the-sound";
const SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS = "http://www.google.com/schemas/sitemap-news/0.9";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";
const MEDIA = "http://search.yahoo.com/mrss/";

function client(server: () => TestServer) {
  const get = (path: string, init?: RequestInit) => fetch(`${server().url}${path}`, { redirect: "manual", ...init });
  return {
    get,
    async text(path: string) {
      const response = await get(path);
      return { response, text: await response.text() };
    },
    async xml(path: string) {
      const response = await get(path);
      const text = await response.text();
      return { response, text, document: new JSDOM(text, { contentType: "text/xml" }).window.document };
    },
    async api<T>(path: string): Promise<T> {
      return (await get(path)).json() as Promise<T>;
    },
  };
}

const html = (markup: string) => new JSDOM(markup).window.document;
const texts = (elements: Iterable<Element>) => [...elements].map((e) => e.textContent);

describe.each(testEngines)("on %s", (engine) => {
  describe("with the demo stories", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ engine, now: () => NOW });
    });
    afterAll(() => server.close());
    const { get, text, xml, api } = client(() => server);
    const newest = async () => (await api<{ items: StorySummary[] }>("/api/stories?limit=50")).items;

    describe("GET /feed.xml", () => {
      it("is RSS 2.0 of every story, newest first, each with its title, link, date and content", async () => {
        const { response, text: body } = await text("/feed.xml");
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
        expect(response.headers.get("cache-control")).toBe("public, max-age=300");

        const feed = parseFeed(body);
        expect(feed.meta.type).toBe("rss");
        expect(feed.title).toBe("Dispatch");
        expect(feed.url).toBe("https://news.example/");
        expect(feed.self).toBe("https://news.example/feed.xml");
        expect(feed.language).toBe("en");
        expect(feed.description).toBeTruthy();
        expect(feed.updated?.toISOString()).toBe("2026-11-23T09:10:00.000Z");

        const stories = await newest();
        expect(feed.items).toHaveLength(14);
        expect(feed.items.map((item) => item.title)).toEqual(stories.map((s) => s.headline));
        for (const [index, item] of feed.items.entries()) {
          const story = stories[index] as StorySummary;
          expect(item.url).toBe(`https://news.example/stories/${story.slug}`);
          expect(item.id).toBe(item.url);
          expect(item.published?.toISOString()).toBe(new Date(story.publishedAt).toISOString());
          expect(item.description).toBeTruthy();
          expect(item.content?.length).toBeGreaterThan(200);
          expect(item.categories.map((c) => c.label)).toContain(story.section.name);
        }
        const times = feed.items.map((item) => item.published?.getTime() ?? 0);
        expect(times).toEqual([...times].sort((a, b) => b - a));
      });

      it("carries the whole WATCH story as HTML, with its byline, tags, image and video", async () => {
        const story = await api<Story>(`/api/stories/${WATCH}`);
        const item = parseFeed((await text("/feed.xml")).text).items.find((i) => i.url === story.url);
        expect(item?.description).toBe(story.deck);
        expect(item?.authors.map((a) => a.name)).toEqual(story.authors.map((a) => a.name));
        expect(item?.categories.map((c) => c.label)).toEqual([story.section.name, ...story.tags.map((t) => t.name)]);

        const content = html(item?.content ?? "");
        const paragraphs = texts(content.querySelectorAll("p"));
        for (const block of story.body) {
          if (block.type === "paragraph") expect(paragraphs).toContain(block.text);
          if (block.type === "quote") {
            expect(texts(content.querySelectorAll("blockquote p"))).toContain(block.text);
            expect(texts(content.querySelectorAll("figcaption"))).toContain(block.cite);
          }
          if (block.type === "related")
            expect(content.querySelector(`a[href="https://news.example/stories/${block.slug}"]`)?.textContent).toBe(
              block.headline,
            );
        }
        expect(content.querySelector("img")?.getAttribute("src")).toBe(`https://news.example${story.image?.src}`);
        expect(content.querySelector("img")?.getAttribute("alt")).toBe(story.image?.alt);
        const video = content.querySelector("figure video");
        expect(video?.getAttribute("poster")).toBe("https://news.example/media/ferry-rescue-poster.jpg");
        expect([...content.querySelectorAll("video source")].map((s) => s.getAttribute("src"))).toEqual([
          "https://news.example/media/ferry-rescue.mp4",
          "https://news.example/media/ferry-rescue.webm",
        ]);
        expect(content.querySelector("video track")?.getAttribute("src")).toBe(
          "https://news.example/media/ferry-rescue.en.vtt",
        );
        expect(content.querySelector("video + figcaption")?.textContent).toBe(
          story.body.find((b) => b.type === "video")?.title,
        );
      });

      it("names the lead image and a playable video as Media RSS content", async () => {
        const stories = await newest();
        const feed = parseFeed((await text("/feed.xml")).text);
        const watch = feed.items.find((item) => item.url?.endsWith(WATCH));
        expect(watch?.mediaVideos).toEqual([
          expect.objectContaining({ url: "https://news.example/media/ferry-rescue.mp4", mimeType: "video/mp4" }),
        ]);
        expect(watch?.image?.url).toBe("https://news.example/media/ferry-fog.jpg");
        for (const [index, story] of stories.entries()) {
          const images = feed.items[index]?.mediaImages.map((m) => m.url);
          expect(images).toEqual(story.image ? [`https://news.example${story.image.src}`] : []);
          if (!story.hasVideo) expect(feed.items[index]?.mediaVideos).toEqual([]);
        }
        const watchStory = await api<Story>(`/api/stories/${WATCH}`);
        const { document } = await xml("/feed.xml");
        const image = [...document.getElementsByTagNameNS(MEDIA, "content")].find(
          (media) => media.getAttribute("url") === `https://news.example${watchStory.image?.src}`,
        );
        expect(image?.getAttribute("medium")).toBe("image");
        expect(image?.getAttribute("width")).toBe(String(watchStory.image?.width));
        expect(image?.getAttribute("height")).toBe(String(watchStory.image?.height));
      });

      it("answers a reader polling with the ETag it was given with 304", async () => {
        const first = await get("/feed.xml");
        const etag = first.headers.get("etag") ?? "";
        expect(etag).toMatch(/^W\/".+"$/);
        const again = await get("/feed.xml", { headers: { "if-none-match": etag } });
        expect(again.status).toBe(304);
        expect(await again.text()).toBe("");
      });
    });

    describe("GET /sections/:section/feed.xml", () => {
      it("holds only that section's stories", async () => {
        const { response, text: body } = await text("/sections/science/feed.xml");
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
        const feed = parseFeed(body);
        expect(feed.title).toBe("Science | Dispatch");
        expect(feed.url).toBe("https://news.example/sections/science");
        expect(feed.self).toBe("https://news.example/sections/science/feed.xml");
        const science = await api<{ items: StorySummary[] }>("/api/stories?section=science&limit=50");
        expect(science.items.length).toBeGreaterThan(1);
        expect(feed.items.map((item) => item.url)).toEqual(
          science.items.map((s) => `https://news.example/stories/${s.slug}`),
        );
      });

      it.each(["nope", "NOPE", "%3Cscript%3E"])(
        "answers the unknown section %s with a 404 JSON error",
        async (slug) => {
          const response = await get(`/sections/${slug}/feed.xml`);
          expect(response.status).toBe(404);
          expect(response.headers.get("content-type")).toMatch(/^application\/json/);
          const body = await response.json();
          expect(body).toEqual({ error: { code: "section_not_found", message: expect.any(String) } });
        },
      );
    });

    describe("GET /sitemap.xml", () => {
      it("lists the front page, every section and every story, with when each last changed", async () => {
        const { response, document } = await xml("/sitemap.xml");
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
        expect(response.headers.get("cache-control")).toBe("public, max-age=300");
        expect(document.documentElement.namespaceURI).toBe(SITEMAP);

        const urls = [...document.getElementsByTagNameNS(SITEMAP, "url")].map((url) => ({
          loc: url.getElementsByTagNameNS(SITEMAP, "loc")[0]?.textContent,
          lastmod: url.getElementsByTagNameNS(SITEMAP, "lastmod")[0]?.textContent,
        }));
        const sections = await api<{ slug: string }[]>("/api/sections");
        expect(urls).toHaveLength((await server.store.countStories()) + 1 + sections.length);
        const locs = urls.map((u) => u.loc);
        expect(new Set(locs).size).toBe(locs.length);
        expect(locs).toContain("https://news.example/");
        for (const section of sections) expect(locs).toContain(`https://news.example/sections/${section.slug}`);
        for (const story of await newest()) {
          const url = urls.find((u) => u.loc === `https://news.example/stories/${story.slug}`);
          expect(url?.lastmod).toBe(new Date(story.updatedAt).toISOString());
        }
        for (const url of urls) expect(Date.parse(url.lastmod ?? "")).not.toBeNaN();
        expect(urls.find((u) => u.loc === "https://news.example/")?.lastmod).toBe("2026-11-23T09:10:00.000Z");
      });
    });

    describe("GET /news-sitemap.xml", () => {
      it("lists exactly the stories published in the 48 hours before now, as Google News reads them", async () => {
        const { response, document } = await xml("/news-sitemap.xml");
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");

        const since = Date.parse("2026-11-22T00:00:00Z");
        const recent = (await newest()).filter((s) => Date.parse(s.publishedAt) > since);
        expect(recent.length).toBeGreaterThan(0);
        const urls = [...document.getElementsByTagNameNS(SITEMAP, "url")];
        expect(urls.map((u) => u.getElementsByTagNameNS(SITEMAP, "loc")[0]?.textContent)).toEqual(
          recent.map((s) => `https://news.example/stories/${s.slug}`),
        );
        for (const [index, url] of urls.entries()) {
          const story = recent[index] as StorySummary;
          const news = (name: string) => url.getElementsByTagNameNS(NEWS, name)[0]?.textContent;
          expect(news("name")).toBe("Dispatch");
          expect(news("language")).toBe("en");
          expect(news("publication_date")).toBe(new Date(story.publishedAt).toISOString());
          expect(news("title")).toBe(story.headline);
        }
      });
    });

    describe("GET /robots.txt", () => {
      it("lets crawlers in, keeps them out of the API and names both sitemaps", async () => {
        const { response, text: body } = await text("/robots.txt");
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
        expect(response.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
        const lines = body.split("\n");
        expect(lines).toEqual(
          expect.arrayContaining([
            "User-agent: *",
            "Allow: /",
            "Disallow: /api/",
            "Sitemap: https://news.example/sitemap.xml",
            "Sitemap: https://news.example/news-sitemap.xml",
          ]),
        );
      });
    });
  });

  describe("with hostile text and a long archive", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ engine, now: () => NOW });
    });
    afterAll(() => server.close());
    const { text, xml } = client(() => server);

    const hostile: StoryInput = {
      slug: "hostile-headline",
      headline: "</title><script>alert(1)</script> & ]]>",
      deck: "Deck ]]></description><script>alert(2)</script>",
      section: "city",
      authors: [{ slug: "mallory", name: "Mallory <b onmouseover=alert(3)> & ]]>" }],
      tags: [{ slug: "xss", name: `"/><script>alert(4)</script>` }],
      publishedAt: "2026-11-30T00:00:00.000Z",
      updatedAt: "2026-11-30T00:00:00.000Z",
      image: { src: "/media/x.jpg?a=1&b=<2>", alt: `"><script>alert(5)</script>`, width: 10, height: 10 },
      body: [
        { type: "paragraph", text: "<script>alert(6)</script> ]]> <![CDATA[ x ]]> &amp; \u0007bell" },
        { type: "quote", text: "]]><script>alert(7)</script>", cite: "<i>Mallory</i>" },
      ],
    };

    it("keeps every piece of story text as text, in a feed that stays well-formed", async () => {
      await server.store.saveStories([hostile]);
      const { text: body } = await text("/feed.xml");
      expect(body).not.toMatch(/<script/i);
      expect(body).not.toMatch(/<b onmouseover/);
      const { document } = await xml("/feed.xml");

      const feed = parseFeed(body);
      const item = feed.items[0];
      expect(item?.url).toBe("https://news.example/stories/hostile-headline");
      expect(item?.title).toBe(hostile.headline);
      expect(item?.description).toBe(hostile.deck);
      expect(item?.authors.map((a) => a.name)).toEqual([hostile.authors[0]?.name]);
      expect(item?.categories.map((c) => c.label)).toContain(hostile.tags[0]?.name);
      expect(item?.mediaImages[0]?.url).toBe("https://news.example/media/x.jpg?a=1&b=%3C2%3E");

      // The HTML as an XML parser hands it over (the feed parser decodes entities once more).
      const encoded = document.getElementsByTagNameNS(CONTENT, "encoded")[0]?.textContent ?? "";
      const content = html(encoded);
      expect(content.querySelectorAll("script, b, i")).toHaveLength(0);
      expect(content.querySelector("p")?.textContent).toBe("<script>alert(6)</script> ]]> <![CDATA[ x ]]> &amp; bell");
      expect(content.querySelector("blockquote p")?.textContent).toBe("]]><script>alert(7)</script>");
      expect(content.querySelector("blockquote + figcaption")?.textContent).toBe("<i>Mallory</i>");
      expect(content.querySelector("img")?.getAttribute("alt")).toBe(hostile.image?.alt);
    });

    it("keeps hostile headlines as text in the news sitemap", async () => {
      await server.store.saveStories([{ ...hostile, publishedAt: "2026-11-23T12:00:00.000Z" }]);
      const { text: body, document } = await xml("/news-sitemap.xml");
      expect(body).not.toMatch(/<script/i);
      expect(document.getElementsByTagNameNS(NEWS, "title")[0]?.textContent).toBe(hostile.headline);
    });

    it("pages through the whole archive for the sitemap, and keeps the feed to the newest 50", async () => {
      const archive = Array.from(
        { length: 60 },
        (_, index): StoryInput => ({
          slug: `archive-story-${index + 1}`,
          headline: `Archive story ${index + 1}`,
          section: "world",
          authors: [],
          tags: [],
          publishedAt: new Date(Date.UTC(2026, 9, 1, index)).toISOString(),
          updatedAt: new Date(Date.UTC(2026, 9, 2, index)).toISOString(),
          body: [{ type: "paragraph", text: "From the archive." }],
        }),
      );
      await server.store.saveStories(archive);
      const total = await server.store.countStories();
      expect(total).toBeGreaterThan(70);

      const { document } = await xml("/sitemap.xml");
      const locs = texts(document.getElementsByTagNameNS(SITEMAP, "loc"));
      expect(locs.filter((loc) => loc?.startsWith("https://news.example/stories/"))).toHaveLength(total);
      expect(locs).toContain("https://news.example/stories/archive-story-1");

      const feed = parseFeed((await text("/feed.xml")).text);
      expect(feed.items).toHaveLength(50);
      expect(feed.items.map((item) => item.url)).not.toContain("https://news.example/stories/archive-story-1");
    });
  });

  describe("building a feed", () => {
    let server: TestServer;
    const queries: string[] = [];
    beforeAll(async () => {
      server = await startTestServer({ engine, now: () => NOW, onQuery: (sql) => queries.push(sql) });
    });
    afterAll(() => server.close());
    const { get } = client(() => server);

    /** The queries the store ran to answer this feed, and how many items the feed holds. */
    async function feedQueries(path: string) {
      queries.length = 0;
      const response = await get(path);
      expect(response.status).toBe(200);
      const items = parseFeed(await response.text()).items.length;
      return { queries: queries.length, items };
    }

    it("reads the same few queries for 50 stories as for a handful, authors and tags included", async () => {
      const site = await feedQueries("/feed.xml");
      const section = await feedQueries("/sections/science/feed.xml");
      expect(site.items).toBe(14);
      await server.store.saveStories(
        Array.from(
          { length: 40 },
          (_, n): StoryInput => ({
            slug: `science-brief-${n + 1}`,
            headline: `Science brief ${n + 1}`,
            section: "science",
            authors: [
              { slug: "ana-ferreira", name: "Ana Ferreira" },
              { slug: `writer-${n}`, name: `Writer ${n}` },
            ],
            tags: [
              { slug: "briefs", name: "Briefs" },
              { slug: `topic-${n}`, name: `Topic ${n}` },
            ],
            publishedAt: new Date(Date.UTC(2026, 10, 23, 12, n)).toISOString(),
            updatedAt: new Date(Date.UTC(2026, 10, 23, 12, n)).toISOString(),
            body: [{ type: "paragraph", text: `Brief number ${n + 1}.` }],
          }),
        ),
      );
      const fullSite = await feedQueries("/feed.xml");
      const fullSection = await feedQueries("/sections/science/feed.xml");
      expect(fullSite.items).toBe(50);
      expect(fullSection.items).toBeGreaterThan(section.items + 30);
      // A list page, then the rows, authors and tags of all its stories at once (and the sections).
      expect(fullSite.queries).toBe(site.queries);
      expect(fullSection.queries).toBe(section.queries);
      expect(fullSite.queries).toBeLessThanOrEqual(5);
      expect(fullSection.queries).toBeLessThanOrEqual(6);

      const item = parseFeed(await (await get("/feed.xml")).text()).items.find((i) => i.title === "Science brief 40");
      expect(item?.authors.map((a) => a.name)).toEqual(["Ana Ferreira", "Writer 39"]);
      expect(item?.categories.map((c) => c.label)).toEqual(["Science", "Briefs", "Topic 39"]);
    });
  });
});
