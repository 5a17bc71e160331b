// The edges of HTTP, against the real server over raw sockets where fetch() cannot send the request:
// absolute-form and `*` targets, backslashes and dot segments, strict numbers, the bearer scheme,
// media types, wrong methods, and the errors Fastify and Node answer themselves — each in the one
// error shape, or as an HTML page for page URLs.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { type RawAnswer, rawRequest } from "../../test/rawHttp";
import { startTestServer, type TestServer } from "../testServer";

const TOKEN = "edges-test-admin-token-0123456789abcdef";
/** pino's level of errors. */
const ERROR_LEVEL = 50;
const STORY = "council-backs-harbour-flood-wall";

/** The one error shape, with this code. */
function expectErrorJson(
  answer: { status: number; headers: Record<string, string | null>; body: string },
  code: string,
) {
  expect(answer.headers["content-type"]).toMatch(/^application\/json/);
  const parsed = JSON.parse(answer.body);
  expect(Object.keys(parsed)).toEqual(["error"]);
  expect(parsed.error).toEqual({ code, message: expect.any(String) });
}

function expectErrorPage(answer: RawAnswer, heading: string) {
  expect(answer.headers["content-type"]).toMatch(/^text\/html/);
  expect(answer.body).toContain(`<h1>${heading}</h1>`);
  expect(answer.body).toContain('<a href="/">Go to the front page</a>');
  expect(answer.body).not.toMatch(/<script/);
}

/** A redirect target that stays on this site: a path, never `//host` or `/\host`. */
function expectSameSite(location: string | undefined) {
  expect(location).toMatch(/^\/(?![/\\])/);
}

describe.each(testEngines)("request edges on %s", (engine) => {
  let server: TestServer;
  let clientDir: string;
  /** What the server logged at error level. */
  const errors: string[] = [];
  beforeAll(async () => {
    clientDir = mkdtempSync(join(tmpdir(), "dispatch-client-"));
    const worker = "self.addEventListener('fetch', () => {});\n".repeat(100);
    writeFileSync(join(clientDir, "sw.js"), worker);
    writeFileSync(join(clientDir, "sw.js.br"), brotliCompressSync(worker));
    server = await startTestServer({
      engine,
      adminToken: TOKEN,
      clientDir,
      logStream: { write: (line) => (JSON.parse(line).level >= ERROR_LEVEL ? errors.push(line) : undefined) },
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(clientDir, { recursive: true, force: true });
  });

  const raw = (target: string, method = "GET", headers: string[] = []) =>
    rawRequest(server.url, [`${method} ${target} HTTP/1.1`, "Host: news.example", ...headers]);
  const send = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, { redirect: "manual", ...init });
  const fetched = async (response: Response) => ({
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: await response.text(),
  });

  describe("request targets", () => {
    it("reads an absolute-form target as its path only, never redirecting to its host", async () => {
      const home = await raw("http://evil.example/");
      expect(home.status).toBe(200);
      expect(home.body).toContain("flood wall for Port Merrow");
      expect(home.headers.location).toBeUndefined();

      const bare = await raw("http://evil.example");
      expect(bare.status).toBe(200);

      const tracked = await raw("https://evil.example/x?utm_source=1");
      expect(tracked.status).toBe(301);
      expect(tracked.headers.location).toBe("/x");

      const slashes = await raw("http://evil.example//evil.example/");
      expect(slashes.status).toBe(301);
      expectSameSite(slashes.headers.location);
    });

    it("serves an absolute-form target of this site", async () => {
      const story = await raw(`https://news.example/stories/${STORY}`);
      expect(story.status).toBe(200);
      expect(story.body).toContain("flood wall for Port Merrow");
      const api = await raw(`https://news.example/api/stories/${STORY}`);
      expect(api.status).toBe(200);
      expect(JSON.parse(api.body).slug).toBe(STORY);
    });

    it("answers 400 to a target that is not a path", async () => {
      for (const method of ["GET", "OPTIONS"]) {
        const star = await raw("*", method);
        expect(star.status).toBe(400);
        expectErrorJson(star, "bad_request");
      }
    });

    it("redirects a raw backslash only to the encoded path on this site", async () => {
      const answer = await raw("/\\evil.example/");
      expect(answer.status).toBe(301);
      expect(answer.headers.location).toBe("/%5Cevil.example");
      const followed = await send("/%5Cevil.example");
      expect(followed.status).toBe(404);
      for (const target of ["/\\\\evil.example", "/stories/\\evil.example/", "\\evil.example"]) {
        const other = await raw(target);
        expect(other.status).not.toBeGreaterThanOrEqual(500);
        if (other.status === 301) expectSameSite(other.headers.location);
      }
    });

    it("finds nothing at a path with dot segments, however spelled", async () => {
      for (const target of [
        "/stories/%2e%2e",
        "/stories/%2E%2e/",
        "/stories/.%2e",
        "/tags/%2e",
        "/%2e%2e/api/sections",
      ]) {
        const answer = await raw(target);
        expect(answer.status, target).toBe(404);
      }
      const page = await raw("/stories/%2e%2e");
      expectErrorPage(page, "Page not found");
      expectErrorJson(await raw("/api/stories/%2e%2e"), "not_found");
    });
  });

  describe("query strings", () => {
    it("takes a limit in decimal digits only", async () => {
      for (const limit of ["0x10", "1e1", "+5", " 5", "5.0", "0b11", ""]) {
        const list = await fetched(await send(`/api/stories?limit=${encodeURIComponent(limit)}`));
        expect(list.status, limit).toBe(400);
        expectErrorJson(list, "bad_request");
        expect(JSON.parse(list.body).error.message).toContain("limit");
        expect((await send(`/api/search?q=harbour&limit=${encodeURIComponent(limit)}`)).status, limit).toBe(400);
      }
      const sixteen = await (await send("/api/stories?limit=16")).json();
      expect(sixteen.items.length).toBeGreaterThan(10);
      expect((await send("/api/search?q=harbour&limit=3")).status).toBe(200);
    });
  });

  describe("publishing", () => {
    it("takes the bearer scheme in any case", async () => {
      for (const scheme of ["Bearer", "bearer", "BEARER", "bEaReR"]) {
        const answer = await send("/api/stories/no-such-story", {
          method: "DELETE",
          headers: { authorization: `${scheme} ${TOKEN}` },
        });
        expect(answer.status, scheme).toBe(404);
      }
    });

    it("answers 415 to a story that is not sent as JSON", async () => {
      const story = await (await send(`/api/stories/${STORY}`)).text();
      for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded"]) {
        const answer = await fetched(
          await send(`/api/stories/${STORY}`, {
            method: "PUT",
            headers: { authorization: `Bearer ${TOKEN}`, "content-type": type },
            body: story,
          }),
        );
        expect(answer.status, type).toBe(415);
        expectErrorJson(answer, "unsupported_media_type");
      }
    });
  });

  describe("methods", () => {
    it("answers 405 with Allow to a wrong method on a known path", async () => {
      const cases: [string, string, string][] = [
        ["PATCH", `/api/stories/${STORY}`, "DELETE, GET, HEAD, PUT"],
        ["DELETE", "/api/sections", "GET, HEAD"],
        ["POST", "/api/stories", "GET, HEAD"],
        ["GET", "/api/views", "POST"],
        ["PUT", "/api/search?q=x", "GET, HEAD"],
        ["POST", `/og/${STORY}.png`, "GET, HEAD"],
        ["POST", "/healthz", "GET, HEAD"],
      ];
      for (const [method, path, allow] of cases) {
        const answer = await fetched(await send(path, { method }));
        expect(answer.status, `${method} ${path}`).toBe(405);
        expect(answer.headers.allow).toBe(allow);
        expectErrorJson(answer, "method_not_allowed");
      }
    });

    it("answers a wrong method on a page with the 405 page, and an unknown API path with 404", async () => {
      const page = await raw(`/stories/${STORY}`, "POST", ["Content-Length: 0"]);
      expect(page.status).toBe(405);
      expect(page.headers.allow).toBe("GET, HEAD");
      expectErrorPage(page, "This page can only be read");
      for (const method of ["GET", "POST", "DELETE"]) {
        const answer = await fetched(await send("/api/no-such-thing", { method }));
        expect(answer.status, method).toBe(404);
        expectErrorJson(answer, "not_found");
      }
    });
  });

  describe("errors Fastify and Node answer themselves", () => {
    it("answers headers too large with 431 in the error shape", async () => {
      const answer = await raw("/api/sections", "GET", [`X-Big: ${"a".repeat(20_000)}`]);
      expect(answer.status).toBe(431);
      expectErrorJson(answer, "headers_too_large");
    });

    it("answers a request that is not HTTP with 400 in the error shape", async () => {
      for (const line of ["GET /api/sections HTTP/1.1\u0001", "GET /a b HTTP/1.1"]) {
        const answer = await rawRequest(server.url, [line, "Host: news.example"]);
        expect(answer.status, line).toBe(400);
        expectErrorJson(answer, "bad_request");
      }
    });

    it("answers a URL it cannot decode with 400: JSON for the API, the error page for a page", async () => {
      expectErrorJson(await raw("/api/stories/%E0%A4%A"), "bad_request");
      const page = await raw("/stories/%E0%A4%A");
      expect(page.status).toBe(400);
      expectErrorPage(page, "This address cannot be read");
    });

    it.each([
      ["POST", "/api/views"],
      ["GET", "/api/search?q=fog"],
      ["GET", "/api/events"],
      ["GET", `/og/${STORY}.png`],
      ["PUT", `/api/stories/${STORY}`],
    ])("answers a malformed chunked body to %s %s with 400, and logs no error of its own", async (method, path) => {
      errors.length = 0;
      const answer = await rawRequest(
        server.url,
        [
          `${method} ${path} HTTP/1.1`,
          "Host: news.example",
          "Content-Type: application/json",
          "Transfer-Encoding: chunked",
        ],
        "",
        { rawBody: "zz\r\n{}\r\n0\r\n\r\n" },
      );
      expect(answer.status).toBe(400);
      expectErrorJson(answer, "bad_request");
      // The request's hooks go on after Node has answered and closed the connection: give them a moment.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(errors).toEqual([]);
    });

    it("answers bodies it cannot take in the error shape (413, malformed JSON)", async () => {
      const put = (body: string) =>
        send(`/api/stories/${STORY}`, {
          method: "PUT",
          headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
          body,
        });
      const big = await fetched(await put(JSON.stringify({ body: "x".repeat(1024 * 1024) })));
      expect(big.status).toBe(413);
      expectErrorJson(big, "payload_too_large");
      const broken = await fetched(await put('{"headline": '));
      expect(broken.status).toBe(400);
      expectErrorJson(broken, "bad_request");
    });

    it("never sends a pre-compressed sibling as a file, only as an encoding of its file", async () => {
      for (const path of ["/sw.js.br", "/sw.js.gz"]) {
        const answer = await send(path, { headers: { "accept-encoding": "identity" } });
        expect(answer.status, path).toBe(404);
        expect(answer.headers.get("content-type"), path).toMatch(/^text\/html/);
      }
      const worker = await send("/sw.js", { headers: { "accept-encoding": "br" } });
      expect(worker.status).toBe(200);
      expect(worker.headers.get("content-encoding")).toBe("br");
      expect(await worker.text()).toContain("self.addEventListener");
    });
  });
});
