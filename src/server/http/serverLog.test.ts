// The server's log as an operator reads it: errors and 5xx answers always leave one JSON line with
// the request's id and URL, whatever LOG_REQUESTS says, pages rendered as a 500 included.
import { afterEach, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testServer";

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  url?: string;
  statusCode?: number;
  err?: { message: string };
}

const ERROR = 50;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A server whose store fails to read a story, and the lines it logs. */
async function failingServer(logRequests: boolean) {
  const lines: LogLine[] = [];
  const reads = { broken: 0 };
  server = await startTestServer({
    logRequests,
    answerCacheBytes: 0,
    logStream: { write: (line) => lines.push(JSON.parse(line) as LogLine) },
    wrapStore: (store) => ({
      ...store,
      getStory: async (slug) => {
        if (slug === "broken") {
          reads.broken += 1;
          throw new Error("disk I/O error reading broken");
        }
        return store.getStory(slug);
      },
    }),
  });
  return { url: server.url, lines, reads };
}

describe.each([false, true])("the log with LOG_REQUESTS=%s", (logRequests) => {
  it("has one line for an error answered 500, with its request id and URL", async () => {
    const { url, lines } = await failingServer(logRequests);
    const response = await fetch(`${url}/api/stories/broken?x=1`);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("disk I/O");
    await expect.poll(() => lines.filter((line) => line.level >= ERROR)).toHaveLength(1);
    const [line] = lines.filter((l) => l.level >= ERROR);
    expect(line).toMatchObject({ url: "/api/stories/broken?x=1", err: { message: "disk I/O error reading broken" } });
    expect(line?.reqId).toBeTruthy();
  });

  it("has one line for a page rendered as a 500, with its request id, URL and the route's error", async () => {
    const { url, lines } = await failingServer(logRequests);
    const response = await fetch(`${url}/stories/broken`);
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    await expect.poll(() => lines.filter((line) => line.level >= ERROR)).toHaveLength(1);
    const [line] = lines.filter((l) => l.level >= ERROR);
    expect(line).toMatchObject({ url: "/stories/broken", statusCode: 500, msg: "answered 500" });
    expect(line?.err?.message).toContain("disk I/O error reading broken");
    expect(line?.reqId).toBeTruthy();
  });

  it(`logs a line per request ${logRequests ? "too" : "only with LOG_REQUESTS=1"}`, async () => {
    const { url, lines } = await failingServer(logRequests);
    expect((await fetch(`${url}/api/sections`)).status).toBe(200);
    if (logRequests) await expect.poll(() => lines.some((line) => line.url === "/api/sections")).toBe(true);
    else {
      await fetch(`${url}/api/stories/broken`); // logged, and after the one before
      await expect.poll(() => lines.length).toBeGreaterThan(0);
      expect(lines.filter((line) => line.url === "/api/sections")).toEqual([]);
    }
  });
});

it("logs a kept answer, sent past the hooks, with the status it went out with", async () => {
  const lines: (LogLine & { res?: { statusCode?: number } })[] = [];
  server = await startTestServer({ logRequests: true, logStream: { write: (line) => lines.push(JSON.parse(line)) } });
  const path = "/stories/ferry-crew-pulls-kayakers-from-the-sound";
  const first = await fetch(`${server.url}${path}`);
  await first.text();
  const kept = await fetch(`${server.url}${path}`, { headers: { "if-none-match": first.headers.get("etag") ?? "" } });
  expect(kept.status).toBe(304);
  const statuses = () =>
    lines.filter((line) => line.url === path && line.msg === "request completed").map((line) => line.res?.statusCode);
  await expect.poll(statuses).toEqual([200, 304]);
});

it("answers a page its story cannot be read for with a 500 at once, reading the story once", async () => {
  // The store retries a lost connection itself; the page does not try the read again on top.
  const { url, reads } = await failingServer(false);
  expect((await fetch(`${url}/stories/broken`)).status).toBe(500);
  expect(reads.broken).toBe(1);
});
