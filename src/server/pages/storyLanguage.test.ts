// A story in another language than the site's, published through the API on each engine: it keeps
// its language, and its page, its entries in lists, its head, its JSON-LD and the feeds say it.
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { publisher, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const ARABIC = "jisr-al-mina";
const JAPANESE = "minato-no-hashi";
const ENGLISH = "harbour-bridge-in-three-languages";

describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, adminToken: TEST_TOKEN });
    const api = publisher(server.url);
    const put = async (slug: string, story: object) => expect((await api.put(slug, story)).status).toBe(201);
    const translations = [
      { language: "ar", slug: ARABIC },
      { language: "ja", slug: JAPANESE },
      { language: "en", slug: ENGLISH },
    ];
    const others = (slug: string) => translations.filter((t) => t.slug !== slug);
    await put(
      ARABIC,
      storyDraft({
        language: "ar",
        headline: "إعادة فتح جسر الميناء بعد أسبوعين من الإصلاحات.",
        body: [{ type: "paragraph", text: "عاد الجسر إلى العمل صباح الاثنين." }],
        translations: others(ARABIC),
        publishedAt: "2026-11-25T06:00:00.000Z",
        updatedAt: "2026-11-25T06:00:00.000Z",
      }),
    );
    await put(
      JAPANESE,
      storyDraft({
        language: "ja",
        headline: "港の橋、二週間の修理を終えて再開",
        body: [{ type: "paragraph", text: "橋は月曜日の朝に再び開通した。" }],
        translations: others(JAPANESE),
      }),
    );
    await put(ENGLISH, storyDraft({ headline: "Harbour bridge reopens", translations: others(ENGLISH) }));
  }, 60_000);
  afterAll(() => server?.close());

  const page = async (path: string) => new JSDOM(await (await fetch(`${server.url}${path}`)).text()).window.document;

  it("keeps a story's language through the API, written as the platform writes it, and refuses one that is not a tag", async () => {
    const story = await (await fetch(`${server.url}/api/stories/${ARABIC}`)).json();
    expect(story.language).toBe("ar");
    expect(story.translations).toEqual([
      { language: "ja", slug: JAPANESE },
      { language: "en", slug: ENGLISH },
    ]);
    const api = publisher(server.url);
    const canonical = await api.put("greek-tag", storyDraft({ language: "EL-gr", headline: "Η γέφυρα ανοίγει ξανά" }));
    expect(canonical.status).toBe(201);
    expect((await (await fetch(`${server.url}/api/stories/greek-tag`)).json()).language).toBe("el-GR");
    const refused = await api.put("not-a-tag", storyDraft({ language: "arabic please" }));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/language/);
    expect((await fetch(`${server.url}/api/stories/not-a-tag`)).status).toBe(404);
    // A story that names none is in the site's language, and says nothing of it.
    expect(await (await fetch(`${server.url}/api/stories/${ENGLISH}`)).json()).not.toHaveProperty("language");
  });

  it("serves the page in the site's language, and the article in its own, right to left for Arabic", async () => {
    const document = await page(`/stories/${ARABIC}`);
    expect(document.documentElement.getAttribute("lang")).toBe("en");
    expect(document.documentElement.getAttribute("dir")).toBe("ltr");
    const article = document.querySelector("main article");
    expect(article?.getAttribute("lang")).toBe("ar");
    expect(article?.getAttribute("dir")).toBe("rtl");
    const japanese = (await page(`/stories/${JAPANESE}`)).querySelector("main article");
    expect([japanese?.getAttribute("lang"), japanese?.getAttribute("dir")]).toEqual(["ja", "ltr"]);
    // A story in the site's language carries nothing of its own.
    expect((await page(`/stories/${ENGLISH}`)).querySelector("main article")?.hasAttribute("lang")).toBe(false);
  });

  it("gives each entry in a list its story's language, its headline isolated, and its line of site words back in the site's", async () => {
    for (const path of ["/sections/city", "/search?q=%D8%AC%D8%B3%D8%B1"]) {
      const document = await page(path);
      const link = document.querySelector(`a[href="/stories/${ARABIC}"]`);
      const entry = link?.closest("article");
      expect(entry?.getAttribute("lang"), path).toBe("ar");
      expect(entry?.getAttribute("dir"), path).toBe("rtl");
      expect(link?.querySelector("bdi")?.textContent).toContain("جسر الميناء");
      const meta = entry?.querySelector("p:last-of-type");
      expect([meta?.getAttribute("lang"), meta?.getAttribute("dir")]).toEqual(["en", "ltr"]);
    }
  });

  it("names the story's language in its head and JSON-LD, and links its translations", async () => {
    const document = await page(`/stories/${ARABIC}`);
    expect(document.querySelector('meta[property="og:locale"]')?.getAttribute("content")).toBe("ar");
    const article = [...document.querySelectorAll('script[type="application/ld+json"]')]
      .map((s) => JSON.parse(s.textContent ?? ""))
      .find((d) => d["@type"] === "NewsArticle");
    expect(article.inLanguage).toBe("ar");
    const alternates = [...document.querySelectorAll("link[hreflang]")].map((l) => [
      l.getAttribute("hreflang"),
      l.getAttribute("href"),
    ]);
    expect(alternates).toEqual([
      ["ar", `https://news.example/stories/${ARABIC}`],
      ["ja", `https://news.example/stories/${JAPANESE}`],
      ["en", `https://news.example/stories/${ENGLISH}`],
    ]);
    const english = await page(`/stories/${ENGLISH}`);
    expect(english.querySelector('meta[property="og:locale"]')?.getAttribute("content")).toBe("en");
  });

  it("gives the feed the site's language, and an item in another its own", async () => {
    const feed = await (await fetch(`${server.url}/feed.xml`)).text();
    expect(feed).toContain("<language>en</language>");
    const item = (slug: string) => feed.split("<item>").find((part) => part.includes(`/stories/${slug}<`)) ?? "";
    expect(item(ARABIC)).toContain("<dc:language>ar</dc:language>");
    expect(item(JAPANESE)).toContain("<dc:language>ja</dc:language>");
    expect(item(ENGLISH)).not.toContain("dc:language");
  });
});
