// The security headers as a client reads them, from the real server: a CSP on every page whose
// nonce is on every script the page has and is new with every answer (kept pages too), and the
// plain headers on every answer of any kind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
const BROWSER = { "accept-encoding": "gzip, deflate, br, zstd" };

const PAGES = [
  "/",
  "/stories/ferry-crew-pulls-kayakers-from-the-sound",
  "/sections/city",
  "/tags/harbour",
  "/authors/mara-lindqvist",
  "/search?q=harbour",
  "/saved",
  "/stories/no-such-story",
];

/** The nonce a policy lets scripts run with. */
const policyNonce = (policy: string | null) => /script-src 'nonce-([\w-]+)' 'strict-dynamic'/.exec(policy ?? "")?.[1];

/** The opening tags of the scripts a browser would run, and of the preloads it treats as scripts. */
function runnableTags(html: string): string[] {
  const scripts = (html.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !/type="application\/(ld\+)?json"/.test(tag));
  return [...scripts, ...(html.match(/<link rel="modulepreload"[^>]*>/g) ?? [])];
}

describe("Content-Security-Policy", () => {
  it.each(PAGES)(
    "%s names one fresh nonce that every script carries, on the first answer and kept ones",
    async (path) => {
      const nonces = new Set<string>();
      for (const headers of [BROWSER, BROWSER, { "accept-encoding": "identity" }]) {
        const response = await get(path, headers);
        expect(response.headers.get("content-type")).toMatch(/^text\/html/);
        const policy = response.headers.get("content-security-policy");
        const nonce = policyNonce(policy);
        if (!nonce) throw new Error(`${path}: no nonce in ${policy}`);
        nonces.add(nonce);
        for (const directive of [
          "object-src 'none'",
          "base-uri 'self'",
          "form-action 'self'",
          "frame-ancestors 'self'",
        ])
          expect(policy).toContain(directive);
        const tags = runnableTags(await response.text());
        expect(tags.length).toBeGreaterThanOrEqual(2); // the app's module and the router's hydration data
        for (const tag of tags) expect(tag, path).toContain(` nonce="${nonce}"`);
      }
      expect(nonces.size).toBe(3);
    },
  );

  it("keeps one ETag for a page whatever its nonce, and answers 304 with no policy", async () => {
    const path = "/stories/council-backs-harbour-flood-wall";
    const [first, second] = [await get(path, BROWSER), await get(path, BROWSER)];
    expect(policyNonce(first.headers.get("content-security-policy"))).not.toBe(
      policyNonce(second.headers.get("content-security-policy")),
    );
    const etag = first.headers.get("etag") ?? "";
    expect(second.headers.get("etag")).toBe(etag);
    // A browser keeps the headers a 304 brings over those it stored: a new nonce would not match the stored page.
    for (const _ of [1, 2]) {
      const notModified = await get(path, { ...BROWSER, "if-none-match": etag });
      expect(notModified.status).toBe(304);
      expect(notModified.headers.get("content-security-policy")).toBeNull();
      expect(notModified.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("lets the offline page's own styles apply, by their hash", async () => {
    const response = await get("/offline.html");
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/style-src 'self' 'sha256-[\w+/=]+'/);
    expect(policy).not.toContain("unsafe-inline");
  });
});

describe("headers on every answer", () => {
  const answers: [string, string, Record<string, string>?][] = [
    ["a page", "/"],
    ["an API answer", "/api/stories?limit=2"],
    ["an API error", "/api/stories/no-such-story"],
    ["a bad request", "/api/stories?limit=banana"],
    ["a file", "/favicon.svg"],
    ["a feed", "/feed.xml"],
    ["a sitemap", "/sitemap.xml"],
    ["robots.txt", "/robots.txt"],
    ["a share card", "/og/ferry-crew-pulls-kayakers-from-the-sound.png"],
    ["a health check", "/healthz"],
    ["nothing there", "/no/such/file.txt"],
  ];
  it.each(answers)(
    "%s (%s) carries nosniff, the referrer, permissions and opener policies, and HSTS",
    async (_kind, path) => {
      const response = await get(path, BROWSER);
      await response.arrayBuffer();
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("permissions-policy")).toMatch(/camera=\(\)/);
      expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    },
    30_000, // the first share card is drawn on a worker thread: seconds on a busy machine
  );

  it("carries them on 304s of feeds and cards too", async () => {
    const plain = { "accept-encoding": "identity" };
    for (const path of ["/feed.xml", "/og/ferry-crew-pulls-kayakers-from-the-sound.png"]) {
      const first = await get(path, plain);
      await first.arrayBuffer();
      const etag = first.headers.get("etag");
      if (!etag) throw new Error(`${path} has no ETag`);
      const notModified = await get(path, { ...plain, "if-none-match": etag });
      expect(notModified.status, path).toBe(304);
      expect(notModified.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  it("sends no HSTS for a site served over http", async () => {
    const plain = await startTestServer({ publicUrl: "http://localhost:3000", demo: false });
    try {
      const response = await fetch(`${plain.url}/healthz`);
      expect(response.headers.get("strict-transport-security")).toBeNull();
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    } finally {
      await plain.close();
    }
  });
});
