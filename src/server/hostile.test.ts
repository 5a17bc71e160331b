// The hostile catalogue (src/test/hostile/catalogue.ts) against the real server on each engine:
// every input gets the answer it must (never a 5xx, but oEmbed's 501 for a format it does not
// offer, as its spec says), and every answer keeps what any answer owes a reader.
// Requests go out byte for byte on a socket (test/rawHttp.ts), so nothing on the way (fetch's URL
// parser, say) cleans an input before the server sees it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../store/testDatabases";
import { catalogue, type HostileCase, MARK, TOKEN } from "../test/hostile/catalogue";
import { type RawAnswer, rawRequest } from "../test/rawHttp";
import { startTestServer, type TestServer } from "./testServer";

/** pino's level of errors. */
const ERROR_LEVEL = 50;
/** The test server's PUBLIC_URL host: its absolute redirects may name it. */
const PUBLIC_HOST = "news.example";
/** The headers every answer carries (http/securityHeaders.ts; HSTS as the test server's PUBLIC_URL is https). */
const EVERY_ANSWER = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cross-origin-opener-policy": "same-origin",
  "strict-transport-security": "max-age=31536000",
};
/** Markup that would run if an input reached a page unescaped. */
const LIVE_MARKUP = [/<svg\/onload/i, /<script>alert/i, /href="javascript:/i, /src="javascript:/i];

describe.each(testEngines)("the hostile catalogue on %s", (engine) => {
  let server: TestServer;
  /** What the server logged at error level (a client's mistake never is an error of ours). */
  const errors: string[] = [];
  beforeAll(async () => {
    // Each case comes from a client address of its own (X-Forwarded-For, trusted here), so the
    // per-client limits of one case never decide another's answer.
    server = await startTestServer({
      engine,
      adminToken: TOKEN,
      trustProxy: true,
      // Short, so the cases whose body stalls are cut (408) in a few seconds rather than the default 20.
      requestTimeoutMs: 2_000,
      logStream: { write: (line) => (JSON.parse(line).level >= ERROR_LEVEL ? errors.push(line) : undefined) },
    });
  });
  afterAll(() => server.close());

  function send(test: HostileCase, index: number, path = test.path): Promise<RawAnswer> {
    const host = new URL(server.url).host;
    const address = `10.66.${Math.floor(index / 250)}.${(index % 250) + 1}`;
    if (test.raw)
      return rawRequest(
        server.url,
        [...test.raw.replaceAll("{host}", host).split("\r\n"), `x-forwarded-for: ${address}`],
        "",
        test.rawBody === undefined ? {} : { rawBody: test.rawBody },
      );
    const headers: Record<string, string> = {
      host,
      "x-forwarded-for": address,
      ...(test.admin ? { authorization: `Bearer ${TOKEN}` } : {}),
      ...test.headers,
    };
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
    return rawRequest(server.url, [`${test.method ?? "GET"} ${path} HTTP/1.1`, ...lines], test.body);
  }

  it("holds at least 60 inputs over every surface", () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(60);
    expect(new Set(catalogue.map((test) => test.surface)).size).toBeGreaterThanOrEqual(12);
    // No input may expect a server error; oEmbed's 501 (a format it does not offer) is an answer.
    expect(catalogue.flatMap((test) => test.expect.filter((status) => status >= 500))).toEqual([501]);
  });

  it.each(catalogue.map((test, index) => [`${test.surface}: ${test.name}`, test, index] as const))(
    "%s",
    async (_name, test, index) => {
      errors.length = 0;
      const answer = await send(test, index);
      const described = `${test.method ?? "GET"} ${test.raw?.split("\r\n")[0] ?? test.path.slice(0, 120)} → ${answer.status} ${answer.body.slice(0, 300)}`;
      expect(test.expect, described).toContain(answer.status);
      expectSafe(answer, server.url, described);
      if (test.shownAt) {
        const page = await send(
          { ...test, method: "GET", body: undefined, raw: undefined, headers: {} },
          index,
          test.shownAt,
        );
        expect(page.status, `${test.shownAt} after ${described}`).toBe(200);
        // The input is on the page, as text: its markup escaped.
        expect(page.body).toContain(escapeHtml(MARK.slice(MARK.indexOf("<"))));
        expectSafe(page, server.url, `${test.shownAt} after ${described}`);
      }
      for (const path of test.answering ?? []) {
        const after = await send({ ...test, method: "GET", body: undefined, raw: undefined, headers: {} }, index, path);
        expect(after.status, `${path} after ${described}`).toBe(200);
        expectSafe(after, server.url, `${path} after ${described}`);
      }
      if (test.absent) expect(await server.store.getStory(test.absent), `${test.absent} after ${described}`).toBeNull();
      expect(errors, `logged at error level: ${described}`).toEqual([]);
    },
  );
});

/** What every answer owes: its security headers, no live markup from the input, no other host, the one error shape. */
function expectSafe(answer: RawAnswer, origin: string, described: string) {
  const type = answer.headers["content-type"] ?? "";
  if (/html|xml/.test(type)) for (const markup of LIVE_MARKUP) expect(answer.body, described).not.toMatch(markup);
  for (const [name, value] of Object.entries(EVERY_ANSWER))
    expect(answer.headers[name], `${name}: ${described}`).toBe(value);
  if (/html/.test(type)) expect(answer.headers["content-security-policy"], `CSP: ${described}`).toMatch(/script-src/);
  const location = answer.headers.location;
  if (location !== undefined) {
    expect([new URL(origin).host, PUBLIC_HOST], `Location ${location}: ${described}`).toContain(
      new URL(location, origin).host,
    );
    expect(location, described).not.toMatch(/^\/[\\/]/);
  }
  if (answer.status >= 400) {
    if (type.includes("application/json")) {
      const error = JSON.parse(answer.body).error;
      expect(typeof error?.code, described).toBe("string");
      expect(typeof error?.message, described).toBe("string");
    } else expect(type, described).toMatch(/text\/html/);
  }
}

/** What HTML escaping makes of text (the characters that would start markup). */
const escapeHtml = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
