// Conditional requests and cache headers, against the real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { startTestServer, type TestServer } from "../testServer";
import { dynamicCacheControl, negotiateEncoding } from "./caching";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ adminToken: "caching-test-admin-token-0123456789abcdef" });
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

describe("HTTP caching", () => {
  it.each(["/stories/ferry-crew-pulls-kayakers-from-the-sound", "/", "/api/stories?limit=3", "/api/sections"])(
    "%s carries an ETag and answers 304 to If-None-Match",
    async (path) => {
      const first = await get(path);
      expect(first.status).toBe(200);
      expect(first.headers.get("cache-control")).toBe(dynamicCacheControl);
      const etag = first.headers.get("etag");
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
      const again = await get(path, { "if-none-match": etag ?? "" });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("etag")).toBe(etag);
      expect((await get(path, { "if-none-match": '"something-else"' })).status).toBe(200);
    },
  );

  it("gives a story a new ETag when it changes", async () => {
    const path = "/api/stories/ferry-crew-pulls-kayakers-from-the-sound";
    const before = (await get(path)).headers.get("etag");
    const story = await (await get(path)).json();
    const put = await fetch(`${server.url}${path}`, {
      method: "PUT",
      headers: {
        authorization: "Bearer caching-test-admin-token-0123456789abcdef",
        "content-type": "application/json",
      },
      body: JSON.stringify({ ...story, deck: "A new deck." }),
    });
    expect(put.status).toBe(200);
    expect(put.headers.get("cache-control")).toBe("no-store");
    const after = await get(path, { "if-none-match": before ?? "" });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before);
  });

  it("never lets a cache keep health checks", async () => {
    for (const path of ["/healthz", "/readyz"]) expect((await get(path)).headers.get("cache-control")).toBe("no-store");
  });
});

describe("compression", () => {
  it("sends pages gzip and API answers brotli to a browser, and says they vary", async () => {
    const browser = { "accept-encoding": "gzip, deflate, br, zstd" };
    for (const [path, encoding] of [
      ["/stories/ferry-crew-pulls-kayakers-from-the-sound", "gzip"],
      ["/api/stories?limit=20", "br"],
    ]) {
      const response = await fetch(`${server.url}${path}`, { headers: browser });
      expect(response.headers.get("content-encoding"), path).toBe(encoding);
      expect(response.headers.get("vary")).toMatch(/accept-encoding/i);
      expect((await response.text()).length).toBeGreaterThan(1000);
    }
  });
});

describe("the answers a server keeps", () => {
  const STORY = "/stories/ferry-crew-pulls-kayakers-from-the-sound";
  let clock = new Date("2026-11-24T10:00:00Z");
  let kept: TestServer;
  beforeAll(async () => {
    kept = await startTestServer({ adminToken: "caching-test-admin-token-0123456789abcdef", now: () => clock });
  });
  afterAll(() => kept.close());
  const fetchKept = (path: string, headers: Record<string, string> = {}) => fetch(`${kept.url}${path}`, { headers });

  it("renders a page once, then sends the same page and ETag in every encoding without rendering", async () => {
    const withoutNonce = (html: string) => html.replaceAll(/nonce="[\w-]+"/g, 'nonce=""');
    const first = await fetchKept(STORY, { "accept-encoding": "gzip, deflate, br" });
    const html = await first.text();
    const { renders } = kept.work();
    for (const encoding of ["gzip, deflate, br, zstd", "gzip", "identity", "gzip, br"]) {
      const again = await fetchKept(STORY, { "accept-encoding": encoding });
      expect(again.status).toBe(200);
      // Pages go out gzip, never brotli: their gzip form takes each answer's nonce (decision 013).
      expect(again.headers.get("content-encoding")).toBe(encoding === "identity" ? null : "gzip");
      expect(again.headers.get("vary")).toMatch(/accept-encoding/i);
      expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
      expect(again.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const text = await again.text();
      expect(withoutNonce(text)).toBe(withoutNonce(html));
      expect(text).not.toBe(html);
    }
    const notModified = await fetchKept(STORY, { "if-none-match": first.headers.get("etag") ?? "" });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(kept.work().renders).toBe(renders);
  });

  it("sends a kept answer with the headers it was first sent with, bar its own nonce, length and date", async () => {
    // Kept answers go straight to the socket, past the hooks that dress routes' answers: whatever
    // those hooks add (security headers, the page's policy and change-log place) must be there too.
    const headersOf = (answer: Response) => {
      const headers = Object.fromEntries(answer.headers);
      // The connection's own (fetch closes after a HEAD), and the clock's.
      for (const name of ["date", "connection", "keep-alive"]) delete headers[name];
      if (headers["content-security-policy"])
        headers["content-security-policy"] = headers["content-security-policy"].replace(/'nonce-[\w-]+'/, "'nonce-'");
      return headers;
    };
    const cases: [string, Record<string, string>][] = [
      ["/stories/council-backs-harbour-flood-wall", { "accept-encoding": "gzip, br" }],
      ["/sections/science", { "accept-encoding": "identity" }],
      ["/api/stories/council-backs-harbour-flood-wall", { "accept-encoding": "br" }],
      ["/api/stories?limit=2", {}],
    ];
    for (const [path, headers] of cases) {
      const first = await fetchKept(path, headers);
      const { renders } = kept.work();
      const again = await fetchKept(path, headers);
      expect(kept.work().renders, path).toBe(renders);
      expect(again.status, path).toBe(first.status);
      expect(headersOf(again), path).toEqual(headersOf(first));
      const withoutNonce = (text: string) => text.replaceAll(/nonce="[\w-]+"/g, 'nonce=""');
      expect(withoutNonce(await again.text()), path).toBe(withoutNonce(await first.text()));
      const etag = first.headers.get("etag");
      if (!etag) continue;
      const revalidated = await fetchKept(path, { ...headers, "if-none-match": etag });
      expect(revalidated.status, path).toBe(304);
      expect(revalidated.headers.get("content-security-policy"), path).toBeNull();
      expect(revalidated.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(revalidated.headers.get("surrogate-key"), path).toBe(first.headers.get("surrogate-key"));
      const head = await fetch(`${kept.url}${path}`, { method: "HEAD", headers });
      expect(head.status, path).toBe(200);
      expect(headersOf(head), path).toEqual(headersOf(first));
      expect(await head.text(), path).toBe("");
    }
  });

  it("answers the API again without reading the store", async () => {
    const path = "/api/stories/gales-shut-kessel-strait-to-shipping";
    const first = await (await fetchKept(path)).json();
    const { storyReads } = kept.work();
    expect(await (await fetchKept(path)).json()).toEqual(first);
    expect(kept.work().storyReads).toBe(storyReads);
  });

  it("serves an edit, and no longer a deleted story, on the very next request", async () => {
    const path = "/api/stories/gales-shut-kessel-strait-to-shipping";
    const story = await (await fetchKept(path)).json();
    await fetchKept(STORY);
    const put = await fetch(`${kept.url}${path}`, {
      method: "PUT",
      headers: {
        authorization: "Bearer caching-test-admin-token-0123456789abcdef",
        "content-type": "application/json",
      },
      body: JSON.stringify({ ...story, headline: "Gales close the Kessel Strait for a second day" }),
    });
    expect(put.status).toBe(200);
    expect((await (await fetchKept(path)).json()).headline).toBe("Gales close the Kessel Strait for a second day");
    // Every page may show the edited headline (lists, related stories): all are made again.
    const renders = kept.work().renders;
    await fetchKept(STORY);
    expect(kept.work().renders).toBe(renders + 1);

    const removed = await fetch(`${kept.url}${path}`, {
      method: "DELETE",
      headers: { authorization: "Bearer caching-test-admin-token-0123456789abcdef" },
    });
    expect(removed.status).toBe(204);
    expect((await fetchKept(path)).status).toBe(404);
  });

  it("keeps what changes by the clock (most read) a minute, and pages without it for good", async () => {
    await fetchKept("/");
    await fetchKept("/search");
    const renders = kept.work().renders;
    const mostRead = await fetchKept("/api/most-read");
    expect(mostRead.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=60");
    expect((await fetchKept("/search")).headers.get("cache-control")).toContain("s-maxage=60");
    expect((await fetchKept("/")).headers.get("cache-control")).toBe(dynamicCacheControl);
    expect(kept.work().renders).toBe(renders);
    clock = new Date(clock.getTime() + 61_000);
    await fetchKept("/");
    expect(kept.work().renders).toBe(renders);
    await fetchKept("/search");
    expect(kept.work().renders).toBe(renders + 1);
  });

  it("compresses each answer it does not keep, and the client reads what it would read plain", async () => {
    const none = await startTestServer({ answerCacheBytes: 0 });
    const nonceOf = (response: Response) =>
      /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    const read = async (path: string, encoding: string) => {
      const response = await fetch(`${none.url}${path}`, { headers: { "accept-encoding": encoding } });
      const nonce = nonceOf(response);
      const text = await response.text();
      return { response, text: nonce ? text.replaceAll(nonce, "NONCE") : text };
    };
    try {
      for (const path of [STORY, "/api/stories?limit=20"]) {
        const zipped = await read(path, "gzip");
        const plain = await read(path, "identity");
        expect(zipped.response.headers.get("content-encoding")).toBe("gzip");
        expect(plain.response.headers.get("content-encoding")).toBeNull();
        expect(zipped.response.headers.get("etag")).toBe(plain.response.headers.get("etag"));
        expect(zipped.text).toBe(plain.text);
      }
      expect(none.work().renders).toBe(2);
    } finally {
      await none.close();
    }
  });

  it("keeps nothing when its size is 0", async () => {
    const none = await startTestServer({ answerCacheBytes: 0 });
    try {
      for (const _ of [1, 2]) expect((await fetch(`${none.url}${STORY}`)).status).toBe(200);
      expect(none.work().renders).toBe(2);
    } finally {
      await none.close();
    }
  });
});

describe.each(testEngines)("two servers on one %s store", (engine) => {
  const TOKEN = "caching-test-admin-token-0123456789abcdef";
  const PAGE = "/stories/council-backs-harbour-flood-wall";
  let writer: TestServer;
  let reader: TestServer;
  beforeAll(async () => {
    writer = await startTestServer({ engine, adminToken: TOKEN });
    reader = await startTestServer({ adminToken: TOKEN, database: { url: writer.databaseUrl, drop: async () => {} } });
  }, 60_000);
  afterAll(async () => {
    await reader?.close();
    await writer?.close();
  });
  const read = (path: string, encoding: string) =>
    fetch(`${reader.url}${path}`, { headers: { "accept-encoding": encoding } });

  it("sends a story edited through the other server fresh on the very next request, kept before", async () => {
    // Kept by the reader in the forms browsers and apps take (those go before Fastify's hooks).
    for (const _ of [1, 2])
      for (const [path, encoding] of [
        [PAGE, "gzip, br"],
        [PAGE, "identity"],
        [`/api${PAGE}`, "br"],
      ] as const)
        expect((await read(path, encoding)).status).toBe(200);
    const renders = reader.work().renders;
    expect((await read(PAGE, "gzip")).status).toBe(200);
    expect(reader.work().renders).toBe(renders);

    const story = await (await fetch(`${writer.url}/api${PAGE}`)).json();
    const headline = "Council backs the harbour flood wall at its second vote";
    const put = await fetch(`${writer.url}/api${PAGE}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ ...story, headline }),
    });
    expect(put.status).toBe(200);
    expect(await (await read(PAGE, "gzip, br")).text()).toContain(headline);
    expect(await (await read(PAGE, "identity")).text()).toContain(headline);
    expect((await (await read(`/api${PAGE}`, "br")).json()).headline).toBe(headline);
  });
});

describe.each(testEngines)("readers asking at once on a %s store", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, adminToken: "caching-test-admin-token-0123456789abcdef" });
  }, 60_000);
  afterAll(() => server?.close());
  const fetchFrom = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

  it("renders a page made stale once for the many readers asking for it at the same moment", async () => {
    const path = "/stories/council-backs-harbour-flood-wall";
    const api = `/api${path}`;
    await fetchFrom(path);
    const story = await (await fetchFrom(api)).json();
    const put = await fetch(`${server.url}${api}`, {
      method: "PUT",
      headers: {
        authorization: "Bearer caching-test-admin-token-0123456789abcdef",
        "content-type": "application/json",
      },
      body: JSON.stringify({ ...story, deck: "Councillors vote for the wall a second time." }),
    });
    expect(put.status).toBe(200);
    const renders = server.work().renders;
    const pages = await Promise.all(
      Array.from({ length: 12 }, () => fetchFrom(path, { "accept-encoding": "gzip" }).then((r) => r.text())),
    );
    expect(server.work().renders).toBe(renders + 1);
    for (const page of pages) expect(page).toContain("Councillors vote for the wall a second time.");
    // Each reader's copy still has a nonce of its own.
    expect(new Set(pages.map((page) => /nonce="([\w-]+)"/.exec(page)?.[1])).size).toBe(pages.length);
  });
});

describe("negotiateEncoding", () => {
  it.each([
    ["br, gzip", "br"],
    ["gzip, deflate", "gzip"],
    ["gzip;q=1, br;q=0", "gzip"],
    ["*", "br"],
    ["br;q=0, gzip;q=0", "identity"],
    ["identity", "identity"],
    [undefined, "identity"],
  ])("takes %s as %s", (header, encoding) => {
    expect(negotiateEncoding(header)).toBe(encoding);
  });

  it("offers a page with nonces in gzip alone", () => {
    expect(negotiateEncoding("br, gzip", ["gzip"])).toBe("gzip");
    expect(negotiateEncoding("br", ["gzip"])).toBe("identity");
  });
});
