// The newsroom's page (server/pages/newsroomRoutes.ts): under /newsroom every address answers the
// one page that starts the newsroom's build, in the site's language and direction, with its script
// under the answer's CSP nonce, and never kept, cached or indexed. A real server; the newsroom's
// build is stood in for by its manifest alone, written here (a unit test run has no build: the
// browser tests in e2e/newsroom.spec.ts run the real one).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSiteConfig } from "../../site/siteConfig";
import { type PurgeReceiver, startPurgeReceiver } from "../../test/purgeReceiver";
import { startTestServer, type TestServer } from "../testServer";
import { NEWSROOM_BUILD, NEWSROOM_DATA_ID, NEWSROOM_ENTRY } from "./newsroomRoutes";

describe("the newsroom's page", () => {
  let server: TestServer;
  let unbuilt: TestServer;
  let cdn: PurgeReceiver;
  let site: ReturnType<typeof readSiteConfig>;

  beforeAll(async () => {
    const clientDir = mkdtempSync(join(tmpdir(), "dispatch-newsroom-"));
    mkdirSync(join(clientDir, NEWSROOM_BUILD, ".vite"), { recursive: true });
    writeFileSync(
      join(clientDir, NEWSROOM_BUILD, ".vite/manifest.json"),
      JSON.stringify({ [NEWSROOM_ENTRY]: { file: "assets/main-abc.js", css: ["assets/main-def.css"], isEntry: true } }),
    );
    site = readSiteConfig(join(import.meta.dirname, "../../test/site/cairo.yaml"));
    // A server that purges a CDN, so it names answers' keys: the newsroom's page must name none.
    cdn = await startPurgeReceiver();
    server = await startTestServer({ clientDir, site, cdn: { purgeUrls: [cdn.url], sharedMaxAgeS: 3600 } });
    unbuilt = await startTestServer({ clientDir: mkdtempSync(join(tmpdir(), "dispatch-unbuilt-")) });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await unbuilt?.close();
    await cdn?.close();
  });

  it("answers every newsroom address with the page, in the site's language and direction, never kept", async () => {
    for (const path of ["/newsroom", "/newsroom/sign-in?next=%2Fnewsroom", "/newsroom/stories/anything"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("x-robots-tag")).toBe("noindex, nofollow");
      expect(response.headers.get("surrogate-key")).toBeNull();
      const html = await response.text();
      expect(html).toContain('<html lang="ar" dir="rtl">');
      expect(html).toContain("<title>غرفة الأخبار</title>");
      expect(html).toContain('<link rel="stylesheet" href="/newsroom-app/assets/main-def.css">');
      const nonce = /script-src 'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      expect(nonce).toBeTruthy();
      expect(html).toContain(`<script type="module" nonce="${nonce}" src="/newsroom-app/assets/main-abc.js"></script>`);
      // Vite's preload helper gives the lazy pages' preloads this nonce.
      expect(html).toContain(`<meta property="csp-nonce" nonce="${nonce}">`);
      const data = new RegExp(`<script type="application/json" id="${NEWSROOM_DATA_ID}">(.*?)</script>`).exec(
        html,
      )?.[1];
      const parsed = JSON.parse(data ?? "null") as {
        locale: string;
        site: { name: string; url: string };
        catalogue: Record<string, string>;
      };
      expect(parsed.locale).toBe("ar-EG");
      // The editor's previews show the site's name and its stories' addresses.
      expect(parsed.site.name).toBe(site.name);
      expect(parsed.site.url).toBe("https://news.example");
      expect(parsed.catalogue["newsroom.signIn"]).toBe("تسجيل الدخول");
    }
  });

  it("sends an invitation's link to the newsroom's page for it", async () => {
    const response = await fetch(`${server.url}/invitations/some-token`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/newsroom/invitations/some-token");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("says the newsroom is not built when it is not, rather than a blank page", async () => {
    const response = await fetch(`${unbuilt.url}/newsroom`);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });
});
