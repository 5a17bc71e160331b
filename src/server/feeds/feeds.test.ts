// Feeds, sitemaps and robots.txt, against the real server over HTTP on each engine's store with the
// demo stories: what a feed reader or a search engine's crawler receives. Feeds are read back with
// a real feed parser, sitemaps with a real XML parser (which refuses anything not well-formed).
import { parseFeed } from "@rowanmanning/feed-parser";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Story, StoryInput, StoryPage, StorySummary } from "../../model/story";
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

interface SitemapEntry {
  loc: string | null | undefined;
  lastmod: string | null | undefined;
}

/** The <url> entries of a sitemap, or the <sitemap> entries of an index. */
const entries = (document: Document, element: "url" | "sitemap"): SitemapEntry[] =>
  [...document.getElementsByTagNameNS(SITEMAP, element)].map((node) => ({
    loc: node.getElementsByTagNameNS(SITEMAP, "loc")[0]?.textContent,
    lastmod: node.getElementsByTagNameNS(SITEMAP, "lastmod")[0]?.textContent,
  }));

/** Every story, newest first, paged through the API. */
async function everyStory(api: ReturnType<typeof client>["api"]): Promise<StorySummary[]> {
  const stories: StorySummary[] = [];
  let cursor: string | null = null;
  do {
    const page: StoryPage = await api(`/api/stories?limit=50${cursor ? `&cursor=${cursor}` : ""}`);
    stories.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return stories;
}

/**
 * What a crawler reads from the sitemap index: each child it names, fetched and parsed with a real
 * XML parser (which refuses a document that is not well-formed), in the index's order.
 */
async function crawlSitemaps(xml: ReturnType<typeof client>["xml"]) {
  const index = await xml("/sitemap.xml");
  expect(index.response.status).toBe(200);
  expect(index.document.documentElement.namespaceURI).toBe(SITEMAP);
  expect(index.document.documentElement.localName).toBe("sitemapindex");
  const children = [];
  for (const child of entries(index.document, "sitemap")) {
    const { response, document } = await xml(new URL(child.loc ?? "").pathname);
    expect(response.status, child.loc ?? "").toBe(200);
    expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(document.documentElement.namespaceURI).toBe(SITEMAP);
    expect(document.documentElement.localName).toBe("urlset");
    children.push({ ...child, urls: entries(document, "url") });
  }
  return children;
}

const iso = (time: string) => new Date(time).toISOString();
const latest = (times: string[]) => times.map(iso).sort().at(-1);
/** Publication order, as the story sitemaps list stories: oldest first, then by slug. */
const byPublication = (a: StorySummary, b: StorySummary) =>
  iso(a.publishedAt).localeCompare(iso(b.publishedAt)) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

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

      it("encloses each story's video file, else its lead picture, with its length and type", async () => {
        const stories = await newest();
        const feed = parseFeed((await text("/feed.xml")).text);
        let videos = 0;
        for (const [index, summary] of stories.entries()) {
          const story = await api<Story>(`/api/stories/${summary.slug}`);
          const video = story.body.find((b) => b.type === "video")?.sources.find((s) => s.type === "video/mp4");
          const expected = video
            ? { src: video.src, type: "video/mp4" }
            : story.image && { src: story.image.src, type: "image/jpeg" };
          const enclosures = (feed.items[index]?.media ?? []).filter((m) => m.length !== null);
          if (!expected) {
            expect(enclosures, story.slug).toEqual([]);
            continue;
          }
          if (video) videos += 1;
          const file = await get(expected.src);
          expect(file.status, expected.src).toBe(200);
          const bytes = (await file.arrayBuffer()).byteLength;
          expect(bytes).toBeGreaterThan(0);
          expect(enclosures, story.slug).toEqual([
            expect.objectContaining({
              url: `https://news.example${expected.src}`,
              mimeType: expected.type,
              length: bytes,
            }),
          ]);
        }
        expect(videos).toBeGreaterThan(0);
      });

      it("says when each item last changed, an edited story's update apart from its publication", async () => {
        const stories = await newest();
        const { text: body } = await text("/feed.xml");
        const feed = parseFeed(body);
        const edited = stories.filter((s) => iso(s.updatedAt) !== iso(s.publishedAt));
        expect(edited.length).toBeGreaterThan(0);
        for (const [index, story] of stories.entries()) {
          expect(feed.items[index]?.updated?.toISOString(), story.slug).toBe(iso(story.updatedAt));
          expect(feed.items[index]?.published?.toISOString(), story.slug).toBe(iso(story.publishedAt));
        }
        const { document } = await xml("/feed.xml");
        const updated = [...document.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated")];
        expect(updated.map((u) => u.textContent)).toEqual(stories.map((s) => iso(s.updatedAt)));
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

    describe("GET /sitemap.xml and its children", () => {
      it("is a sitemap index of the site's pages and of each month of stories, with when each last changed", async () => {
        const { response, document } = await xml("/sitemap.xml");
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
        expect(response.headers.get("cache-control")).toBe("public, max-age=300");
        expect(document.documentElement.namespaceURI).toBe(SITEMAP);
        expect(document.documentElement.localName).toBe("sitemapindex");
        // Every demo story was published in November 2026.
        expect(entries(document, "sitemap")).toEqual([
          { loc: "https://news.example/sitemaps/pages.xml", lastmod: "2026-11-23T09:10:00.000Z" },
          {
            loc: "https://news.example/sitemaps/stories-2026-11.xml",
            lastmod: latest((await newest()).map((s) => s.updatedAt)),
          },
        ]);
      });

      it("lists the front page and every section in the pages child, with when each last changed", async () => {
        const { response, document } = await xml("/sitemaps/pages.xml");
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
        expect(response.headers.get("cache-control")).toBe("public, max-age=300");
        expect(document.documentElement.namespaceURI).toBe(SITEMAP);
        const sections = await api<{ slug: string }[]>("/api/sections");
        const stories = await newest();
        expect(entries(document, "url")).toEqual([
          { loc: "https://news.example/", lastmod: "2026-11-23T09:10:00.000Z" },
          ...sections.map((section) => ({
            loc: `https://news.example/sections/${section.slug}`,
            lastmod: latest(stories.filter((s) => s.section.slug === section.slug).map((s) => s.updatedAt)),
          })),
        ]);
      });

      it("lists every story once, in its month's child, oldest first, with when it last changed", async () => {
        const { response, document } = await xml("/sitemaps/stories-2026-11.xml");
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("application/xml; charset=utf-8");
        expect(response.headers.get("cache-control")).toBe("public, max-age=300");
        const stories = [...(await newest())].sort(byPublication);
        expect(stories).toHaveLength(await server.store.countStories());
        expect(entries(document, "url")).toEqual(
          stories.map((s) => ({ loc: `https://news.example/stories/${s.slug}`, lastmod: iso(s.updatedAt) })),
        );
      });

      it.each([
        "stories-2026-10.xml",
        "stories-2026-11-2.xml",
        "stories-2026-11-1.xml",
        "stories-2026-11-02.xml",
        "stories-2026-13.xml",
        "stories-2026-00.xml",
        "stories-26-11.xml",
        "stories-2026-11.xml.gz",
        "stories-2026-11",
        "STORIES-2026-11.xml",
        "pages.XML",
        "%3Cscript%3E.xml",
      ])("answers the unknown or malformed sitemap %s with a 404 JSON error", async (name) => {
        const response = await get(`/sitemaps/${name}`);
        expect(response.status).toBe(404);
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        expect(await response.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
      });

      it.each(["/sitemap.xml", "/sitemaps/pages.xml", "/sitemaps/stories-2026-11.xml"])(
        "answers a crawler asking %s again with the ETag it was given with 304",
        async (path) => {
          const first = await get(path);
          const etag = first.headers.get("etag") ?? "";
          expect(etag).toMatch(/^W\/".+"$/);
          const again = await get(path, { headers: { "if-none-match": etag } });
          expect(again.status).toBe(304);
          expect(await again.text()).toBe("");
        },
      );
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

  describe("with stories in the first and last years a story may have", () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ engine, now: () => NOW, demo: false });
      await server.store.saveSections([{ slug: "city", name: "City" }]);
    });
    afterAll(() => server.close());
    const { xml } = client(() => server);

    const dated = (slug: string, at: string): StoryInput => ({
      slug,
      headline: `A story dated ${at}`,
      section: "city",
      authors: [],
      tags: [],
      publishedAt: at,
      updatedAt: at,
      body: [{ type: "paragraph", text: "Text." }],
    });

    it("links only children that answer, each listing its month's stories", async () => {
      const stories = [
        dated("year-zero", "0000-01-01T00:00:00Z"),
        dated("year-zero-december", "0000-12-31T23:59:59.999Z"),
        dated("year-ninety-nine", "0099-06-15T12:00:00Z"),
        dated("year-1999", "1999-06-15T12:00:00Z"),
        dated("last-month", "9999-12-31T00:00:00Z"),
        dated("last-instant", "9999-12-31T23:59:59.999Z"),
      ];
      await server.store.saveStories(stories);
      const index = await xml("/sitemap.xml");
      expect(index.response.status).toBe(200);
      const children = entries(index.document, "sitemap").map((child) => child.loc ?? "");
      expect(children).toEqual(
        ["pages", "stories-0000-01", "stories-0000-12", "stories-0099-06", "stories-1999-06", "stories-9999-12"].map(
          (name) => `https://news.example/sitemaps/${name}.xml`,
        ),
      );
      const listed: string[] = [];
      for (const child of children.slice(1)) {
        const { response, document } = await xml(new URL(child).pathname);
        expect(response.status, child).toBe(200);
        listed.push(
          ...entries(document, "url").map((url) => url.loc?.replace("https://news.example/stories/", "") ?? ""),
        );
      }
      expect(listed).toEqual(stories.map((story) => story.slug));
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
        { type: "paragraph", text: "<script>alert(6)</script> ]]> <![CDATA[ x ]]> &amp; bell" },
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

      const locs = (await crawlSitemaps(xml)).flatMap((child) => child.urls.map((url) => url.loc));
      expect(locs.filter((loc) => loc?.startsWith("https://news.example/stories/"))).toHaveLength(total);
      expect(locs).toContain("https://news.example/stories/archive-story-1");

      const feed = parseFeed((await text("/feed.xml")).text);
      expect(feed.items).toHaveLength(50);
      expect(feed.items.map((item) => item.url)).not.toContain("https://news.example/stories/archive-story-1");
    });
  });

  describe.each([
    ["one child a month", undefined],
    ["months split into parts of 3", 3],
  ])("with stories in several months: %s", (_, partSize) => {
    let server: TestServer;
    /** After every story: nothing is from the last 48 hours. */
    const LATER = new Date("2027-06-01T00:00:00Z");
    const story = (slug: string, publishedAt: string, updatedAt = publishedAt): StoryInput => ({
      slug,
      headline: `Story ${slug}`,
      section: "culture",
      authors: [],
      tags: [],
      publishedAt,
      updatedAt,
      body: [{ type: "paragraph", text: "From another month." }],
    });
    const added = [
      story("leap-day", "2024-02-29T23:59:59.999Z", "2024-03-02T10:00:00.000Z"),
      story("new-years-eve", "2025-12-31T23:59:59.999+00:00"),
      // Offsets are stored as UTC: this is 1 January 2026, 00:30 UTC.
      story("new-years-day", "2025-12-31T23:30:00-01:00"),
      // Five in October, three at one time: a part may end between stories of the same time.
      story("october-a", "2026-10-01T00:00:00.000Z"),
      story("october-b", "2026-10-09T12:00:00.000Z", "2026-11-30T08:00:00.000Z"),
      story("october-c", "2026-10-09T12:00:00.000Z"),
      story("october-d", "2026-10-09T12:00:00.000Z"),
      story("october-e", "2026-10-31T23:59:59.999Z"),
    ];
    beforeAll(async () => {
      server = await startTestServer({
        engine,
        now: () => LATER,
        ...(partSize ? { feeds: { sitemapPartSize: partSize } } : {}),
      });
      await server.store.saveStories(added);
    });
    afterAll(() => server.close());
    const { get, xml, api } = client(() => server);

    /** Each month's stories in publication order, cut into parts of the part size. */
    async function expectedChildren() {
      const months = new Map<string, StorySummary[]>();
      for (const s of [...(await everyStory(api))].sort(byPublication)) {
        const month = iso(s.publishedAt).slice(0, 7);
        months.set(month, [...(months.get(month) ?? []), s]);
      }
      expect([...months.keys()]).toEqual(["2024-02", "2025-12", "2026-01", "2026-10", "2026-11"]);
      const size = partSize ?? 50_000;
      return [...months].flatMap(([month, stories]) =>
        Array.from({ length: Math.ceil(stories.length / size) }, (_, i) => ({
          loc: `https://news.example/sitemaps/stories-${month}${i === 0 ? "" : `-${i + 1}`}.xml`,
          stories: stories.slice(i * size, (i + 1) * size),
        })),
      );
    }

    it("names the pages child and each month's stories, a month past the part size in parts", async () => {
      const expected = await expectedChildren();
      if (partSize === 3)
        expect(expected.map((child) => child.loc.replace("https://news.example/sitemaps/", ""))).toEqual([
          "stories-2024-02.xml",
          "stories-2025-12.xml",
          "stories-2026-01.xml",
          "stories-2026-10.xml",
          "stories-2026-10-2.xml",
          "stories-2026-11.xml",
          "stories-2026-11-2.xml",
          "stories-2026-11-3.xml",
          "stories-2026-11-4.xml",
          "stories-2026-11-5.xml",
        ]);
      const { document } = await xml("/sitemap.xml");
      expect(entries(document, "sitemap")).toEqual([
        { loc: "https://news.example/sitemaps/pages.xml", lastmod: "2026-11-30T08:00:00.000Z" },
        ...expected.map((child) => ({ loc: child.loc, lastmod: latest(child.stories.map((s) => s.updatedAt)) })),
      ]);
    });

    it("lists every story exactly once across the children, in publication order, with its last change", async () => {
      const children = await crawlSitemaps(xml);
      const expected = await expectedChildren();
      expect(children.map((child) => child.loc)).toEqual([
        "https://news.example/sitemaps/pages.xml",
        ...expected.map((child) => child.loc),
      ]);
      for (const [index, child] of expected.entries()) {
        const urls = children[index + 1]?.urls;
        expect(urls).toEqual(
          child.stories.map((s) => ({ loc: `https://news.example/stories/${s.slug}`, lastmod: iso(s.updatedAt) })),
        );
        expect(urls?.length).toBeLessThanOrEqual(partSize ?? 50_000);
      }
      const storyLocs = children.slice(1).flatMap((child) => child.urls.map((url) => url.loc));
      expect(new Set(storyLocs).size).toBe(storyLocs.length);
      expect(storyLocs).toHaveLength(await server.store.countStories());
      expect(storyLocs).toContain("https://news.example/stories/new-years-day");
    });

    it("changes a child's ETag when one of its stories changes, and only that child's", async () => {
      const etag = async (path: string) => {
        const response = await get(path);
        await response.text();
        return response.headers.get("etag");
      };
      const before = [await etag("/sitemaps/stories-2024-02.xml"), await etag("/sitemaps/stories-2025-12.xml")];
      await server.store.saveStories([{ ...(added[0] as StoryInput), updatedAt: "2024-03-03T10:00:00.000Z" }]);
      const after = [await etag("/sitemaps/stories-2024-02.xml"), await etag("/sitemaps/stories-2025-12.xml")];
      expect(after[0]).not.toBe(before[0]);
      expect(after[1]).toBe(before[1]);
      const { document } = await xml("/sitemaps/stories-2024-02.xml");
      expect(entries(document, "url")).toEqual([
        { loc: "https://news.example/stories/leap-day", lastmod: "2024-03-03T10:00:00.000Z" },
      ]);
    });

    it("keeps the news sitemap a valid, non-empty urlset with no story from the last 48 hours", async () => {
      const { response, document } = await xml("/news-sitemap.xml");
      expect(response.status).toBe(200);
      expect(document.documentElement.namespaceURI).toBe(SITEMAP);
      expect(document.documentElement.localName).toBe("urlset");
      // The schema wants at least one <url>: the front page, with no news tags to list it as news.
      expect(entries(document, "url")).toEqual([{ loc: "https://news.example/", lastmod: undefined }]);
      expect(document.getElementsByTagNameNS(NEWS, "news")).toHaveLength(0);
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

  describe("a sitemap streaming while the server shuts down", () => {
    it("goes out whole, and its connection does not hold the shutdown", async () => {
      const server = await startTestServer({ engine, now: () => NOW });
      // Slow reads, so the child is still streaming, its headers sent, when the server starts closing.
      const { sitemaps } = server.store;
      const page = sitemaps.page;
      sitemaps.page = async (...args) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return page(...args);
      };
      const response = await fetch(`${server.url}/sitemaps/stories-2026-11.xml`);
      expect(response.status).toBe(200);
      const started = Date.now();
      const [body] = await Promise.all([response.text(), server.close()]);
      // Without ending it, the connection stays open for Fastify's keep-alive timeout (72 s).
      expect(Date.now() - started).toBeLessThan(5000);
      const document = new JSDOM(body, { contentType: "text/xml" }).window.document;
      expect(entries(document, "url")).toHaveLength(14);
    });
  });
});
