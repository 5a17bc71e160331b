// The server run for another newsroom: its own config (src/test/site/faro.yaml: another name,
// language, time zone and colours). Everything a reader, an unfurler or a crawler is served says
// that site's name, language and colours, and nothing says the demo's name.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { imageSize } from "image-size";
import { JSDOM } from "jsdom";
import ogs from "open-graph-scraper";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSiteConfig } from "../../site/siteConfig";
import { publisher, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const root = join(import.meta.dirname, "../../..");
const site = readSiteConfig(join(root, "src/test/site/faro.yaml"));
const NAME = "El Faro del Puerto";
const DEMO_NAME = /Dispatch/;
const SLUG = "muelle-norte-reabre";
const VIDEO = "lanchas-en-la-niebla";

let server: TestServer;
beforeAll(async () => {
  // No demo stories (they are the demo site's own reporting): the site publishes its own.
  // The clock the day after the stories, so the news sitemap lists them.
  const now = () => new Date("2026-11-24T12:00:00Z");
  server = await startTestServer({ demo: false, site, adminToken: TEST_TOKEN, now });
  await server.store.saveSections(site.sections);
  const api = publisher(server.url);
  const put = async (slug: string, story: object) => expect((await api.put(slug, story)).status).toBe(201);
  await put(
    SLUG,
    storyDraft({
      headline: "El muelle norte reabre tras tres semanas de obras",
      kicker: "Puerto",
      deck: "Las lanchas vuelven a atracar desde el lunes.",
      body: [
        { type: "paragraph", text: "El muelle norte volvió a abrir el lunes por la mañana." },
        { type: "quote", text: "Por fin podemos trabajar como antes", cite: "Una pescadora" },
      ],
    }),
  );
  await put(
    VIDEO,
    storyDraft({
      headline: "Lanchas en la niebla: así fue el rescate",
      section: "world",
      body: [
        {
          type: "video",
          title: "El rescate en la bahía",
          poster: "/media/ferry-rescue-poster.jpg",
          sources: [{ src: "/media/ferry-rescue.mp4", type: "video/mp4" }],
          width: 640,
          height: 360,
        },
        { type: "paragraph", text: "La tripulación vio el kayak volcado poco antes de la niebla." },
      ],
    }),
  );
}, 60_000);
afterAll(() => server?.close());

/** A pixel's colour, as [r, g, b]. */
async function pixel(png: Buffer, left: number, top: number): Promise<number[]> {
  const data = await sharp(png).extract({ left, top, width: 1, height: 1 }).removeAlpha().raw().toBuffer();
  return [...data];
}

const get = (path: string) => fetch(`${server.url}${path}`);
async function text(path: string, status = 200): Promise<string> {
  const response = await get(path);
  expect(response.status, path).toBe(status);
  return response.text();
}

describe("another site's config, as readers, unfurlers and crawlers are served it", () => {
  const pages = [
    ["the front page", "/", 200],
    ["a section", "/sections/city", 200],
    ["a story", `/stories/${SLUG}`, 200],
    ["a video story", `/stories/${VIDEO}`, 200],
    ["an author", "/authors/ana-ferreira", 200],
    ["the search page", "/search?q=muelle", 200],
    ["the saved stories", "/saved", 200],
    ["a page that is not there", "/stories/no-existe", 404],
    ["an address the server cannot read", "/sections/%E0%A4%A", 400],
  ] as const;

  it.each(pages)("names the site on %s, in its language, and never the demo's name", async (_page, path, status) => {
    const html = await text(path, status);
    expect(html).not.toMatch(DEMO_NAME);
    const { document } = new JSDOM(html).window;
    expect(document.documentElement.getAttribute("lang")).toBe("es-MX");
    expect(document.documentElement.getAttribute("dir")).toBe("ltr");
    expect(document.title).toContain(NAME);
    // The site's colours, in a style the page's policy allows.
    expect(html).toContain("--accent:#0b6e4f;--kicker:#0b5d43;--accent-text:#0a5a40");
  });

  it("serves the site's own fonts, leading the page's stack, each file by a name that never changes", async () => {
    const html = await text("/");
    const face = html.match(
      /@font-face\{font-family:"Faro Sans";src:url\((\/site-fonts\/[\w-]+\.woff2)\) format\("woff2"\);[^}]*unicode-range:U\+0000-00FF, U\+0131, U\+0152-0153;\}/,
    );
    expect(face).not.toBeNull();
    expect(html).toContain('--site-sans:"Faro Sans";');
    const font = await get(face?.[1] ?? "");
    expect(font.status).toBe(200);
    expect(font.headers.get("content-type")).toBe("font/woff2");
    expect(font.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const bytes = Buffer.from(await font.arrayBuffer());
    expect(bytes.equals(readFileSync(site.fonts[0]?.file ?? ""))).toBe(true);
  });

  it("writes times in the site's zone and locale", async () => {
    // Published 2026-11-24T06:00Z: midnight in Mexico City, written as Mexican Spanish writes it.
    const { document } = new JSDOM(await text(`/stories/${SLUG}`)).window;
    const time = document.querySelector("main article time")?.textContent ?? "";
    expect(time).toMatch(/^24 nov 2026, 12:00\sa\.\s?m\.\u00a0GMT-6$/);
    expect(time).not.toContain("UTC");
  });

  it("puts the site's name in the masthead and its tagline and links in the footer", async () => {
    const { document } = new JSDOM(await text("/")).window;
    expect(document.querySelector("header a[href='/']")?.textContent).toBe(NAME);
    expect(document.querySelector("footer")?.textContent).toContain(`${NAME}: ${site.tagline}`);
    expect(document.querySelector("footer a[href='/search']")?.textContent).toBe("Quiénes somos");
    // The navigation in the config's order.
    expect([...document.querySelectorAll("nav a")].map((a) => a.textContent)).toEqual(["Mundo", "Ciudad"]);
  });

  it("gives unfurlers the site's name, locale, accounts and card", async () => {
    for (const path of ["/", `/stories/${SLUG}`]) {
      const { result } = await ogs({ url: `${server.url}${path}` });
      expect(result.ogSiteName).toBe(NAME);
      expect(result.ogLocale).toBe("es_MX");
      expect(result.twitterSite).toBe("@elfaro_mx");
    }
    const html = await text("/");
    expect(html).toContain('<meta name="fediverse:creator" content="@redaccion@elfaro.example"');
    const oembed = await (
      await get(`/oembed?url=${encodeURIComponent(`https://news.example/stories/${VIDEO}`)}&format=json`)
    ).json();
    expect(oembed.provider_name).toBe(NAME);
    const embed = await text(`/embed/${VIDEO}`);
    expect(embed).not.toMatch(DEMO_NAME);
    expect(embed).toContain(NAME);
    expect(embed).toContain('<html lang="es-MX" dir="ltr">');
  });

  it("describes the site and its publisher in JSON-LD", async () => {
    const { document } = new JSDOM(await text("/")).window;
    const data = [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) =>
      JSON.parse(s.textContent ?? ""),
    );
    expect(data.find((d) => d["@type"] === "WebSite")).toMatchObject({ name: NAME, inLanguage: "es-MX" });
    expect(data.find((d) => d["@type"] === "Organization")).toMatchObject({
      name: "Editorial El Faro S.A.",
      url: "https://editorial.elfaro.example",
    });
  });

  it("titles the feeds and the news sitemap with the site's name and language", async () => {
    for (const path of ["/feed.xml", "/sections/city/feed.xml"]) {
      const feed = await text(path);
      expect(feed).not.toMatch(DEMO_NAME);
      expect(feed).toContain("<language>es-MX</language>");
      expect(feed).toContain(NAME);
    }
    const news = await text("/news-sitemap.xml");
    expect(news).toContain(`<news:name>${NAME}</news:name>`);
    expect(news).toContain("<news:language>es</news:language>");
  });

  it("serves the app's manifest, icons and offline page in the site's name and language", async () => {
    const manifest = await (await get("/manifest.webmanifest")).json();
    expect(manifest).toMatchObject({ name: NAME, short_name: "El Faro", lang: "es-MX", dir: "ltr" });
    for (const icon of manifest.icons) {
      const png = new Uint8Array(await (await get(icon.src)).arrayBuffer());
      const { width, height } = imageSize(png);
      expect(`${width}x${height}`).toBe(icon.sizes);
    }
    expect(imageSize(new Uint8Array(await (await get("/apple-touch-icon.png")).arrayBuffer()))).toMatchObject({
      width: 180,
      height: 180,
    });
    const offline = await text("/offline.html");
    expect(offline).not.toMatch(DEMO_NAME);
    // The offline page's words from the Spanish catalogue (es-MX), its title ending in the site's name.
    const offlinePage = new JSDOM(offline).window.document;
    expect(offlinePage.title).toBe(`No tienes conexión | ${NAME}`);
    expect(offlinePage.querySelector(".brand")?.textContent).toBe(NAME);
    expect(offline).toContain('<html lang="es-MX" dir="ltr">');
    // The favicon is the config's icon.
    expect(await text("/favicon.svg")).toContain("<title>El Faro</title>");
  });

  it("draws share cards and the site's card in the site's name and colour", async () => {
    const demo = await startTestServer({ demo: false });
    try {
      const siteCard = async (s: TestServer) =>
        Buffer.from(await (await fetch(`${s.url}/site-card.png`)).arrayBuffer());
      const [ours, theirs] = [await siteCard(server), await siteCard(demo)];
      expect(imageSize(new Uint8Array(ours))).toMatchObject({ width: 1200, height: 630 });
      expect(ours.equals(theirs)).toBe(false);
      // The bar across its top is the site's accent.
      expect(await pixel(ours, 600, 4)).toEqual([0x0b, 0x6e, 0x4f]);
    } finally {
      await demo.close();
    }
    const card = await get(`/og/${SLUG}.png`);
    expect(card.status).toBe(200);
    const png = Buffer.from(await card.arrayBuffer());
    expect(imageSize(new Uint8Array(png))).toMatchObject({ width: 1200, height: 630 });
    expect(await pixel(png, 100, 4)).toEqual([0x0b, 0x6e, 0x4f]);
  });
});
