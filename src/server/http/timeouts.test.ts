// Timeouts for each stage of a request, over raw sockets against the real server on each engine: a
// request whose headers or body stall is answered 408 and its connection closed, however it
// stalls; what the server sends back is not cut (a change stream stays open, a slow reader gets
// its whole answer); and pages keep answering while 2,000 stalled bodies hold connections.
import { connect, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { openEventStream } from "../../test/eventStream";
import { startTestServer, type TestServer } from "../testServer";
import { DEFAULT_REQUEST_TIMEOUT_MS, requestTimeouts } from "./timeouts";

/** The request timeout of these tests' server: short, so a stall is seen to end. */
const TIMEOUT_MS = 1_000;
/** Far more than any cut needs (1.25 times the timeout), on a loaded machine. */
const CUT_WITHIN_MS = 10_000;

interface Connection {
  socket: Socket;
  /** What came back, once the server closed the connection, and when (ms after it opened). */
  closed: Promise<{ text: string; status: number; afterMs: number }>;
}

/** A connection that sends `bytes` and nothing more unless the test writes again. */
function open(url: string, bytes: string): Promise<Connection> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    const socket = connect({ host: hostname, port: Number(port) });
    const closed = new Promise<{ text: string; status: number; afterMs: number }>((done) =>
      socket.on("close", () => {
        const text = Buffer.concat(chunks).toString("latin1");
        done({ text, status: Number(text.split(" ")[1]), afterMs: Date.now() - started });
      }),
    );
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", () => {});
    socket.once("connect", () => {
      if (bytes) socket.write(bytes);
      resolve({ socket, closed });
    });
    socket.once("error", reject);
  });
}

const STALLED_VIEW =
  'POST /api/views HTTP/1.1\r\nHost: news.example\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"sl';

it("cuts a stalled request within 30 s by default", () => {
  const { requestTimeout, http } = requestTimeouts(DEFAULT_REQUEST_TIMEOUT_MS);
  expect(http.headersTimeout).toBe(requestTimeout);
  // Node checks its connections every interval: a request stalled just after a check is cut at the next one past the timeout.
  expect(requestTimeout + http.connectionsCheckingInterval).toBeLessThanOrEqual(30_000);
});

describe.each(testEngines)("request timeouts on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, requestTimeoutMs: TIMEOUT_MS, events: { heartbeatMs: 200 } });
  });
  afterAll(() => server.close());

  /** The connection was answered 408 in the one error shape, then closed, after the timeout and soon after it. */
  async function expectCut(connection: Connection) {
    const { text, status, afterMs } = await connection.closed;
    expect(status, text).toBe(408);
    expect(text).toContain('"code":"request_timeout"');
    expect(text.toLowerCase()).toContain("x-content-type-options: nosniff");
    expect(afterMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(afterMs).toBeLessThan(CUT_WITHIN_MS);
  }

  it("answers a body that stalls 408, and closes its connection", async () => {
    await expectCut(await open(server.url, STALLED_VIEW));
  });

  it("answers a body sent a byte at a time, never finishing in time, 408", async () => {
    const connection = await open(server.url, STALLED_VIEW.slice(0, -4));
    const trickle = setInterval(() => connection.socket.write(" "), 100);
    try {
      await expectCut(connection);
    } finally {
      clearInterval(trickle);
    }
  });

  it("answers headers that stall, or trickle a line at a time, 408", async () => {
    await expectCut(await open(server.url, "GET / HTTP/1.1\r\nHost: news.example\r\n"));
    const trickled = await open(server.url, "GET / HTTP/1.1\r\nHost: news.example\r\n");
    let line = 0;
    const trickle = setInterval(() => trickled.socket.write(`X-Line-${line++}: a\r\n`), 100);
    try {
      await expectCut(trickled);
    } finally {
      clearInterval(trickle);
    }
  });

  it("closes a connection that never sends a byte", async () => {
    const { text, afterMs } = await (await open(server.url, "")).closed;
    expect(afterMs).toBeLessThan(CUT_WITHIN_MS);
    if (text) expect(text).toMatch(/^HTTP\/1\.1 408 /);
  });

  it("keeps a change stream open long past the request timeout, with its heartbeats and events", async () => {
    const stream = await openEventStream(`${server.url}/api/events`);
    try {
      await stream.nextOf("ready");
      await sleep(3 * TIMEOUT_MS);
      let heartbeats = 0;
      for (let event = await stream.next(); event?.event === ":"; event = await stream.next()) {
        heartbeats++;
        if (heartbeats >= 5) break;
      }
      expect(heartbeats).toBe(5);
      const [story] = (await server.store.listStories({ limit: 1 })).items;
      const full = await server.store.getStory(story?.slug ?? "");
      if (!full) throw new Error("no story");
      const { related: _related, hasVideo: _hasVideo, ...rest } = full;
      await server.store.saveStories([
        {
          ...rest,
          section: full.section.slug,
          headline: `${full.headline}, updated`,
          updatedAt: new Date().toISOString(),
        },
      ]);
      expect((await stream.nextOf("story")).json).toMatchObject({ slug: full.slug, change: "updated" });
    } finally {
      stream.close();
    }
  });

  it("lets a slow reader take longer than the request timeout to download its answer", async () => {
    const connection = await open(
      server.url,
      "GET /media/ferry-rescue.mp4 HTTP/1.1\r\nHost: news.example\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n",
    );
    connection.socket.pause();
    await sleep(2.5 * TIMEOUT_MS);
    connection.socket.resume();
    const { text, status } = await connection.closed;
    expect(status).toBe(200);
    const [head = "", body = ""] = text.split("\r\n\r\n");
    const length = Number(/content-length: (\d+)/i.exec(head)?.[1]);
    expect(length).toBeGreaterThan(300_000);
    expect(Buffer.byteLength(body, "latin1")).toBe(length);
  });
});

describe.each(testEngines)("2,000 stalled bodies on %s", (engine) => {
  const STALLED = 2_000;
  /** Long enough for every stalled body to be open while pages are asked for, on a loaded machine. */
  const LONG_TIMEOUT_MS = 15_000;
  let server: TestServer;
  beforeAll(async () => {
    // Each stalled body from an address of its own (X-Forwarded-For, trusted here), as from many
    // clients: one client would meet the views limit first (a 429, then the same 408).
    server = await startTestServer({ engine, requestTimeoutMs: LONG_TIMEOUT_MS, trustProxy: true });
  });
  afterAll(() => server.close());

  it("keeps answering pages while they are open, then answers each 408 and closes it", async () => {
    const connections: Connection[] = [];
    for (let start = 0; start < STALLED; start += 200)
      connections.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(200, STALLED - start) }, (_, i) => {
            const n = start + i;
            const head = STALLED_VIEW.replace("Host:", `X-Forwarded-For: 10.${n >> 8}.${n & 255}.1\r\nHost:`);
            return open(server.url, head);
          }),
        )),
      );
    const openedAt = Date.now();
    const stillOpen = () => connections.filter((c) => !c.socket.destroyed).length;
    expect(stillOpen()).toBe(STALLED);

    for (const path of [
      "/healthz",
      "/",
      "/stories/ferry-crew-pulls-kayakers-from-the-sound",
      "/api/stories",
      "/feed.xml",
    ]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
    }
    // The pages were answered while every stalled body still held its connection.
    expect(Date.now() - openedAt).toBeLessThan(LONG_TIMEOUT_MS);
    expect(stillOpen()).toBe(STALLED);

    const ends = await Promise.all(connections.map((connection) => connection.closed));
    expect(ends.filter(({ status }) => status !== 408)).toEqual([]);
    expect(Math.max(...ends.map(({ afterMs }) => afterMs))).toBeLessThan(LONG_TIMEOUT_MS * 1.25 + CUT_WITHIN_MS);
  }, 90_000);
});
