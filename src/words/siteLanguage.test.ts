// A site in another language, served for real: an Egyptian Arabic site (ar-EG, Cairo time) writes
// its pages, feeds and error pages in Arabic, its times in Cairo's zone with Arabic-Indic digits,
// and hands the browser its own catalogue and no other. Its config (src/test/site/cairo.yaml) says so.
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../server/testServer";
import { readSiteConfig } from "../site/siteConfig";

const site = readSiteConfig(join(import.meta.dirname, "../test/site/cairo.yaml"));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ site });
});
afterAll(() => server.close());

const WATCH = "ferry-crew-pulls-kayakers-from-the-sound";

async function page(path: string) {
  const answer = await fetch(`${server.url}${path}`);
  return { status: answer.status, document: new JSDOM(await answer.text()).window.document };
}

describe("an Arabic site (ar-EG)", () => {
  it("writes a story's furniture in Arabic and its times in Cairo's zone, in Arabic-Indic digits", async () => {
    const { document } = await page(`/stories/${WATCH}`);
    expect(document.documentElement.getAttribute("lang")).toBe("ar");
    expect(document.documentElement.getAttribute("dir")).toBe("rtl");
    const story = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
    const times = [...document.querySelectorAll("main time")].map((time) => time.textContent ?? "");
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) {
      expect(time).toMatch(/[٠-٩]/);
      expect(time).not.toMatch(/[0-9]/);
    }
    const cairo = new Intl.DateTimeFormat("ar-EG", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Africa/Cairo",
      timeZoneName: "short",
    });
    // Intl's own words, the clock's spaces made no-break (words.ts).
    expect(times[0]?.replace(/\u00a0/g, " ")).toBe(cairo.format(new Date(story.publishedAt)));
    expect(document.querySelector("main article header")?.textContent).toMatch(/قراءة في/);
    expect(document.querySelector('label[for="masthead-search"]')?.textContent).toBe("ابحث في الأخبار");
    const data = JSON.parse(document.getElementById("dispatch-data")?.textContent ?? "null");
    expect(data.site).toMatchObject({ language: "ar", locale: "ar-EG", timeZone: "Africa/Cairo" });
    expect(data.catalogue["search.title"]).toBe("البحث");
    expect(JSON.stringify(data.catalogue)).not.toMatch(/Search|Búsqueda|検索/);
  });

  it("titles the search page and the 404 in Arabic", async () => {
    expect((await page("/search")).document.querySelector("h1")?.textContent).toBe("البحث");
    const missing = await page("/stories/no-such-story");
    expect(missing.status).toBe(404);
    expect(missing.document.querySelector("h1")?.textContent).toBe("الصفحة غير موجودة");
  });

  it("describes its feed in Arabic", async () => {
    const feed = await (await fetch(`${server.url}/feed.xml`)).text();
    expect(feed).toContain(`<description>أحدث الأخبار من ${site.name}.</description>`);
    expect(feed).toContain("<language>ar</language>");
  });
});
