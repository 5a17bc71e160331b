// Conditional requests and cache headers, against the real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testServer";
import { dynamicCacheControl } from "./caching";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ adminToken: "token" });
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
      headers: { authorization: "Bearer token", "content-type": "application/json" },
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
  it("sends pages and API answers compressed to a client that accepts it, and says it varies", async () => {
    for (const path of ["/stories/ferry-crew-pulls-kayakers-from-the-sound", "/api/stories?limit=20"]) {
      const response = await fetch(`${server.url}${path}`, { headers: { "accept-encoding": "br" } });
      expect(response.headers.get("content-encoding"), path).toBe("br");
      expect(response.headers.get("vary")).toMatch(/accept-encoding/i);
      expect((await response.text()).length).toBeGreaterThan(1000);
    }
  });
});
