// Inline marks (model/runs.ts, docs/decisions/042) through the real server and store, on each
// engine: a story and a live entry written with links and marks through the API, stored and read
// back, then as readers and other programs see them: the page, reader view, the feeds, JSON-LD,
// a shared quote and search.

import { join } from "node:path";
import { Readability } from "@mozilla/readability";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Story } from "../model/story";
import { readSiteConfig } from "../site/siteConfig";
import { testEngines } from "../store/testDatabases";
import { startTestServer, type TestServer } from "./testServer";

const root = join(import.meta.dirname, "../..");
const TOKEN = "test-admin-token-0123456789abcdef0123456789";
const SCRIPT = "<script>alert(1)</script>";

const paragraph = {
  type: "paragraph",
  text: `The report, Harbour Walls, calls ${SCRIPT} a leaked draft.`,
  runs: [
    { text: "The " },
    { text: "report", href: "https://council.example/walls?year=2026" },
    { text: ", " },
    { text: "Harbour Walls", marks: ["em"], href: "/stories/harbour-walls-report" },
    { text: ", calls " },
    { text: SCRIPT, marks: ["strong"] },
    { text: " a " },
    { text: "leaked", marks: ["em", "strong"] },
    { text: " draft." },
  ],
};
const quote = {
  type: "quote",
  text: "We will never build that wall.",
  runs: [{ text: "We will " }, { text: "never", marks: ["em"] }, { text: " build that wall." }],
  cite: "The harbour master",
};
const picture = {
  type: "image",
  src: "/site-card.png",
  alt: "The harbour wall at low tide",
  width: 1200,
  height: 630,
  caption: "The wall, from the ferry.",
  captionRuns: [
    { text: "The wall", marks: ["strong"] },
    { text: ", from the " },
    { text: "ferry", href: "/stories/ferry" },
    { text: "." },
  ],
};
/** Enough ordinary text around the marked passages for reader view to take the story for what it is. */
const reporting = [
  "The draft, dated October, sets out three ways to raise the harbour wall before the winter storms, and the cost of each to the city and to the port's tenants over the next ten years.",
  "Engineers who worked on it say the cheapest option leaves the fish market open to the sea on the highest tides, which the council had promised residents would never happen again.",
  "The port authority said it had not seen the final version and would answer the council's questions once the consultation opens to the public in the new year, as planned.",
  "Residents of the lower town, who lost ground floors to the flood two winters ago, have asked for a public meeting before the council votes on any of the three plans.",
].map((text) => ({ type: "paragraph", text }));

const story = (body: unknown[], extra: Record<string, unknown> = {}) => ({
  headline: "Harbour wall report leaked",
  section: "city",
  authors: [{ slug: "ana-ferreira", name: "Ana Ferreira" }],
  tags: [],
  publishedAt: "2026-11-27T07:00:00.000Z",
  updatedAt: "2026-11-27T07:00:00.000Z",
  body,
  ...extra,
});

const CONTENT = "http://purl.org/rss/1.0/modules/content/";

/** Each item's link and its content:encoded, as an XML parser hands them over (the HTML to render). */
function feedItems(xml: string): { link: string; content: Document }[] {
  const document = new JSDOM(xml, { contentType: "application/xml" }).window.document;
  return [...document.getElementsByTagName("item")].map((item) => ({
    link: item.getElementsByTagName("link")[0]?.textContent ?? "",
    content: new JSDOM(item.getElementsByTagNameNS(CONTENT, "encoded")[0]?.textContent ?? "").window.document,
  }));
}

describe.each(testEngines)("inline marks on %s", (engine) => {
  let server: TestServer;
  const send = (method: string, path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(body),
    });
  const page = async (path: string) => {
    const html = await (await fetch(`${server.url}${path}`)).text();
    return { html, document: new JSDOM(html, { url: `${server.url}${path}` }).window.document };
  };

  beforeAll(async () => {
    server = await startTestServer({ adminToken: TOKEN, engine, publicUrl: "https://news.example" });
    expect(
      (
        await send(
          "PUT",
          "/api/stories/leaked-wall-report",
          story([paragraph, ...reporting.slice(0, 2), quote, picture, ...reporting.slice(2)]),
        )
      ).status,
    ).toBe(201);
  });
  afterAll(() => server.close());

  it("stores runs and reads them back as written; a story without runs reads back without them", async () => {
    const read = (await (await fetch(`${server.url}/api/stories/leaked-wall-report`)).json()) as Story;
    expect(read.body[0]).toEqual(paragraph);
    expect(read.body[3]).toEqual(quote);
    expect(read.body[4]).toMatchObject({ caption: picture.caption, captionRuns: picture.captionRuns });
    const plain = (await (
      await fetch(`${server.url}/api/stories/${"ferry-crew-pulls-kayakers-from-the-sound"}`)
    ).json()) as Story;
    expect(plain.body.some((block) => "runs" in block)).toBe(false);
  });

  it("refuses a hostile link with a 400 naming it, and keeps nothing", async () => {
    const hostile = { ...paragraph, runs: [{ text: paragraph.text, href: "javascript:alert(1)" }] };
    const answer = await send("PUT", "/api/stories/hostile-link", story([hostile]));
    expect(answer.status).toBe(400);
    const { error } = await answer.json();
    expect(error.code).toBe("invalid_story");
    expect(error.message).toMatch(/body\.0\.runs\.0\.href|an http\(s\) URL/);
    expect((await fetch(`${server.url}/api/stories/hostile-link`)).status).toBe(404);
  });

  it("shows links, emphasis and strong on the page, script as text", async () => {
    const { html, document } = await page("/stories/leaked-wall-report");
    expect(html).not.toContain(SCRIPT);
    const first = document.querySelector("#p-1");
    expect(first?.textContent).toBe(paragraph.text);
    const external = first?.querySelector('a[href="https://council.example/walls?year=2026"]');
    expect(external?.textContent).toBe("report");
    expect(external?.getAttribute("rel")).toBe("noopener");
    expect(first?.querySelector('a[href="/stories/harbour-walls-report"] em')?.textContent).toBe("Harbour Walls");
    expect(first?.querySelector("strong")?.textContent).toBe(SCRIPT);
    expect(document.querySelector("#p-4 blockquote em")?.textContent).toBe("never");
    expect(document.querySelector("figcaption strong")?.textContent).toBe("The wall");
  });

  it("keeps the links and marks in reader view", async () => {
    const { document } = await page("/stories/leaked-wall-report");
    const article = new Readability(document).parse();
    const content = new JSDOM(article?.content ?? "").window.document;
    expect(content.querySelector('a[href="https://council.example/walls?year=2026"]')?.textContent).toBe("report");
    expect(content.querySelector("blockquote em")?.textContent).toBe("never");
    expect(content.body.textContent).toContain(paragraph.text);
  });

  it("writes runs as escaped HTML in the feed: links absolute, script still text", async () => {
    const xml = await (await fetch(`${server.url}/feed.xml`)).text();
    const item = feedItems(xml).find((i) => i.link === "https://news.example/stories/leaked-wall-report");
    const content = item?.content ?? new JSDOM("").window.document;
    expect(content.querySelector("script")).toBeNull();
    const first = content.querySelector("p");
    expect(first?.textContent).toBe(paragraph.text);
    expect(first?.querySelector("strong")?.textContent).toBe(SCRIPT);
    expect(first?.querySelector('a[href="https://council.example/walls?year=2026"]')?.getAttribute("rel")).toBe(
      "noopener",
    );
    expect(first?.querySelector('a[href="https://news.example/stories/harbour-walls-report"] em')?.textContent).toBe(
      "Harbour Walls",
    );
    expect(content.querySelector("blockquote em")?.textContent).toBe("never");
    expect(content.querySelector('figcaption a[href="https://news.example/stories/ferry"]')?.textContent).toBe("ferry");
  });

  it("shares a quote as its plain text, and search finds the plain words", async () => {
    const { document } = await page("/stories/leaked-wall-report?quote=4");
    expect(document.querySelector('meta[property="og:description"]')?.getAttribute("content")).toBe(quote.text);
    const search = await (await fetch(`${server.url}/api/search?q=${encodeURIComponent("leaked draft")}`)).json();
    expect(search.items.map((hit: { slug: string }) => hit.slug)).toContain("leaked-wall-report");
  });

  it("carries runs in live entries: linked on the page and in the live feed, plain in JSON-LD", async () => {
    expect(
      (await send("PUT", "/api/stories/wall-live", story([{ type: "paragraph", text: "Live." }], { live: true })))
        .status,
    ).toBe(201);
    const entry = { body: [paragraph] };
    const posted = await send("POST", "/api/stories/wall-live/entries", entry);
    expect(posted.status).toBe(201);
    const { html, document } = await page("/stories/wall-live");
    expect(html).not.toContain(SCRIPT);
    const external = document.querySelector('article a[href="https://council.example/walls?year=2026"]');
    expect(external?.getAttribute("rel")).toBe("noopener");
    const jsonLd = [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? "");
    const bodies = jsonLd.flatMap((text) =>
      [...text.matchAll(/"articleBody":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`)),
    );
    expect(bodies).toContain(paragraph.text);
    const items = feedItems(await (await fetch(`${server.url}/stories/wall-live/feed.xml`)).text());
    const content = items[0]?.content ?? new JSDOM("").window.document;
    expect(content.querySelector("script")).toBeNull();
    expect(content.querySelector("strong")?.textContent).toBe(SCRIPT);
    expect(content.querySelector('a[href="https://news.example/stories/harbour-walls-report"]')?.textContent).toBe(
      "Harbour Walls",
    );
  });
});

describe.each(testEngines)("links on a site that says nofollow, on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    const site = { ...readSiteConfig(join(root, "content/site.yaml")), nofollowLinks: true };
    server = await startTestServer({ adminToken: TOKEN, engine, publicUrl: "https://news.example", site });
    const answer = await fetch(`${server.url}/api/stories/leaked-wall-report`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(story([paragraph, ...reporting])),
    });
    expect(answer.status).toBe(201);
  });
  afterAll(() => server.close());

  it("gives other sites' links noopener nofollow on the page and in the feed, and its own stories neither", async () => {
    const html = await (await fetch(`${server.url}/stories/leaked-wall-report`)).text();
    const first = new JSDOM(html).window.document.querySelector("#p-1");
    expect(first?.querySelector('a[href="https://council.example/walls?year=2026"]')?.getAttribute("rel")).toBe(
      "noopener nofollow",
    );
    expect(first?.querySelector('a[href="/stories/harbour-walls-report"]')?.hasAttribute("rel")).toBe(false);

    const xml = await (await fetch(`${server.url}/feed.xml`)).text();
    const item = feedItems(xml).find((i) => i.link === "https://news.example/stories/leaked-wall-report");
    const feedFirst = item?.content.querySelector("p");
    expect(feedFirst?.querySelector('a[href="https://council.example/walls?year=2026"]')?.getAttribute("rel")).toBe(
      "noopener nofollow",
    );
    expect(
      feedFirst?.querySelector('a[href="https://news.example/stories/harbour-walls-report"]')?.hasAttribute("rel"),
    ).toBe(false);
  });
});
