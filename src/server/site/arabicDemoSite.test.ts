// The Arabic demo site as `SITE_CONFIG=content/demo-ar/site.yaml npm start` serves it: its config
// starts a server, its own stories fill the empty store, pages are Arabic and right to left, and
// the Arabic faces it serves itself (one file leading both stacks) are each served.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoContentIfEmpty } from "../../import/demoContent";
import { readSiteConfig } from "../../site/siteConfig";
import { startTestServer, type TestServer } from "../testServer";

const root = join(import.meta.dirname, "../../..");
const site = readSiteConfig(join(root, "content/demo-ar/site.yaml"));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demo: false, site });
  await loadDemoContentIfEmpty(server.store, site.folder, join(root, "public"), site.sections);
});
afterAll(() => server?.close());

describe("the Arabic demo site", () => {
  it("serves its own stories in Arabic, right to left, under its own name", async () => {
    const home = await (await fetch(`${server.url}/`)).text();
    expect(home).toMatch(/<html lang="ar" dir="rtl">/);
    expect(home).toContain("نشرة المرسى");
    expect(home).not.toContain("Dispatch");
    const { items } = (await (await fetch(`${server.url}/api/stories?limit=50`)).json()) as {
      items: { slug: string; headline: string }[];
    };
    expect(items.length).toBeGreaterThanOrEqual(8);
    for (const { slug, headline } of items) {
      const page = await fetch(`${server.url}/stories/${slug}`);
      expect(page.status, slug).toBe(200);
      expect(await page.text(), slug).toContain(headline.slice(0, 20));
    }
  });

  it("serves each of its font files, once named though it leads both stacks", async () => {
    const home = await (await fetch(`${server.url}/`)).text();
    const files = [...new Set([...home.matchAll(/url\((\/site-fonts\/[\w-]+\.woff2)\)/g)].map((m) => m[1]))];
    // Arabic letters, and the Latin digits and guillemets its stories print, in two weights.
    expect(files.length).toBe(4);
    for (const file of files) {
      const font = await fetch(`${server.url}${file}`);
      expect(font.status, file).toBe(200);
      expect(font.headers.get("content-type")).toBe("font/woff2");
    }
  });
});
