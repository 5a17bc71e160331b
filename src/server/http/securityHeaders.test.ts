// The security headers as a client reads them, from the real server: a CSP on every page whose
// nonce is on every script the page has and is new with every answer (kept pages too), and the
// plain headers on every answer of any kind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../../model/apiError";
import { testEngines } from "../../store/testDatabases";
import { type RawAnswer, rawExchange } from "../../test/rawHttp";
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
    const styleSources = /style-src ([^;]*)/.exec(policy)?.[1]?.split(" ") ?? [];
    expect(styleSources).toEqual([...new Set(styleSources)]);
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

describe.each(testEngines)("headers on every error answer, on %s", (engine) => {
  const TOKEN = "security-headers-admin-token-0123456789abcdef";
  let errors: TestServer;
  beforeAll(async () => {
    // A store that fails two reads: one with an error of its own (500), one busy (503).
    errors = await startTestServer({
      engine,
      adminToken: TOKEN,
      wrapStore: (store) => ({
        ...store,
        getStory: async (slug) => {
          if (slug === "broken") throw new Error("disk I/O error");
          if (slug === "busy") throw new ApiError("busy", "The store is busy.");
          return store.getStory(slug);
        },
      }),
    });
  });
  afterAll(() => errors.close());

  const request = (head: string[], body = "") =>
    `${[...head, ...(body ? [`Content-Length: ${Buffer.byteLength(body)}`] : []), "Connection: close"].join("\r\n")}\r\n\r\n${body}`;
  const get = (path: string, headers: string[] = []) =>
    request([`GET ${path} HTTP/1.1`, "Host: news.example", ...headers]);
  const put = (path: string, body: string, headers: string[] = []) =>
    request([`PUT ${path} HTTP/1.1`, "Host: news.example", ...headers], body);
  const story = "/api/stories/council-backs-harbour-flood-wall";

  /** Every error a client can meet, and who answers it: Node, Fastify, a hook, a route or the store. */
  const paths: [string, string, number][] = [
    ["a URL the router cannot decode, on a page", get("/stories/%E0%80%AF"), 400],
    ["a URL the router cannot decode, in the API", get("/api/stories/%E0%80%AF"), 400],
    ["an HTTP/1.1 request without Host, for a page", request(["GET / HTTP/1.1"]), 400],
    ["an HTTP/1.1 request without Host, for the API", request(["GET /api/sections HTTP/1.1"]), 400],
    ["an expectation the server does not meet", get("/", ["Expect: teapot"]), 417],
    ["an expectation the server does not meet, in the API", get("/api/sections", ["Expect: teapot"]), 417],
    ["CONNECT", request(["CONNECT evil.example:443 HTTP/1.1", "Host: evil.example:443"]), 405],
    ["a request that is not HTTP", request(["GET / HTTP/1.1\u0001", "Host: news.example"]), 400],
    ["an HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400],
    ["headers too large", get("/", [`X-Big: ${"a".repeat(20_000)}`]), 431],
    [
      "a malformed chunked body",
      `${request(["POST /api/views HTTP/1.1", "Host: news.example", "Content-Type: application/json", "Transfer-Encoding: chunked"])}zz\r\n{}\r\n0\r\n\r\n`,
      400,
    ],
    ["a target that is not a path", request(["OPTIONS * HTTP/1.1", "Host: news.example"]), 400],
    ["a path with dot segments", get("/stories/%2e%2e"), 404],
    ["no such page", get("/no/such/page"), 404],
    ["no such story page", get("/stories/no-such-story"), 404],
    ["no such API path", get("/api/nope"), 404],
    ["no such file", get("/assets/nope.js"), 404],
    ["a wrong method on a page", request(["DELETE / HTTP/1.1", "Host: news.example"]), 405],
    ["a wrong method in the API", request(["PATCH /api/sections HTTP/1.1", "Host: news.example"]), 405],
    ["a query the API does not take", get("/api/stories?limit=banana"), 400],
    ["publishing without a token", put(story, "{}", ["Content-Type: application/json"]), 401],
    ["a story that is not JSON", put(story, "x", ["Content-Type: text/plain", `Authorization: Bearer ${TOKEN}`]), 415],
    ["broken JSON", put(story, "{", ["Content-Type: application/json", `Authorization: Bearer ${TOKEN}`]), 400],
    ["a body over the limit", put(story, "x".repeat(1024 * 1024 + 1), ["Content-Type: application/json"]), 413],
    ["a store failing a page", get("/stories/broken"), 500],
    ["a store failing the API", get("/api/stories/broken"), 500],
    ["a busy store", get("/api/stories/busy"), 503],
  ];

  it.each(paths)("%s carries them", async (_name, bytes, status) => {
    expectSecurityHeaders(await rawExchange(errors.url, bytes), status);
  });

  it("carries them on a 429 past a limit", async () => {
    const wrong = put(story, "{}", ["Content-Type: application/json", "Authorization: Bearer wrong"]);
    // Ten wrong tokens a minute (counting the tokenless PUT above), then 429.
    let answer = await rawExchange(errors.url, wrong);
    for (let attempt = 1; answer.status === 401 && attempt <= 10; attempt++)
      answer = await rawExchange(errors.url, wrong);
    expectSecurityHeaders(answer, 429);
  });
});

/** The answer has this status and every header any answer owes, the policy too when it is a page. */
function expectSecurityHeaders(answer: RawAnswer, status: number) {
  expect(answer.status).toBe(status);
  expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  expect(answer.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(answer.headers["permissions-policy"]).toMatch(/camera=\(\)/);
  expect(answer.headers["cross-origin-opener-policy"]).toBe("same-origin");
  expect(answer.headers["strict-transport-security"]).toBe("max-age=31536000");
  const type = answer.headers["content-type"] ?? "";
  expect(type).toMatch(/^(text\/html|application\/json)/);
  if (type.startsWith("text/html")) expect(answer.headers["content-security-policy"]).toMatch(/script-src 'nonce-/);
  else expect(JSON.parse(answer.body).error.code).toEqual(expect.any(String));
}
