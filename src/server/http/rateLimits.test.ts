// Per-client limits through the real server, on each engine: search, view reports and failed
// publishing auth, counted in the store so that two servers on one database (as several processes
// or machines are) hold a client to one limit; and counted per process when there is only one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { startTestServer, type TestServer } from "../testServer";

const TOKEN = "rate-limits-test-admin-token-0123456789";
const OLDER = "council-backs-harbour-flood-wall";
const NEWER = "ferry-crew-pulls-kayakers-from-the-sound";

// 120 searches and pages per test: more than the default 5 s on a busy machine.
describe.each(testEngines)("per-client limits on %s", { timeout: 30_000 }, (engine) => {
  // A still clock: no window ends during a test.
  const clock = new Date("2026-11-24T10:15:15.000Z");
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    const options = { engine, trustProxy: true, sharedLimits: true, adminToken: TOKEN, now: () => clock };
    first = await startTestServer(options);
    second = await startTestServer({ ...options, database: { url: first.databaseUrl, drop: async () => {} } });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  const from = (reader: string, init: RequestInit = {}) => ({
    ...init,
    headers: { ...(init.headers as Record<string, string>), "x-forwarded-for": reader },
  });

  it("holds a client to 120 searches a minute across servers, pages and API together", async () => {
    const reader = "10.40.0.1";
    for (let i = 0; i < 60; i++) {
      const page = await fetch(`${first.url}/search?q=harbour${i}`, from(reader));
      const api = await fetch(`${second.url}/api/search?q=fog${i}`, from(reader));
      expect([page.status, api.status]).toEqual([200, 200]);
    }
    const api = await fetch(`${first.url}/api/search?q=harbour`, from(reader));
    expect(api.status).toBe(429);
    expect(api.headers.get("retry-after")).toBe("45");
    expect(api.headers.get("cache-control")).toBe("no-store");
    expect(await api.json()).toEqual({ error: { code: "too_many_requests", message: expect.any(String) } });
    const page = await fetch(`${second.url}/search?q=harbour`, from(reader));
    expect(page.status).toBe(429);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await page.text()).toContain("<h1>Too many requests</h1>");
    // Other readers, and this one's other pages, are not limited.
    expect((await fetch(`${second.url}/api/search?q=harbour`, from("10.40.0.2"))).status).toBe(200);
    expect((await fetch(`${first.url}/stories/${OLDER}`, from(reader))).status).toBe(200);
  });

  it("counts a reader's view of a story once an hour across servers", async () => {
    const view = (server: TestServer, slug: string, reader: string) =>
      fetch(`${server.url}/api/views`, from(reader, { method: "POST", body: JSON.stringify({ slug }) }));
    // The newer story would rank first on a tie: read twice by one reader, it must count once.
    for (const server of [first, second]) expect((await view(server, NEWER, "10.41.0.1")).status).toBe(204);
    for (const reader of ["10.41.0.2", "10.41.0.3"]) expect((await view(first, OLDER, reader)).status).toBe(204);
    const mostRead = await (await fetch(`${second.url}/api/most-read`)).json();
    expect(mostRead.map((story: { slug: string }) => story.slug)).toEqual([OLDER, NEWER]);
  });

  it("holds a client to 30 view reports a minute across servers", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++)
      for (const server of [first, second])
        statuses.push(
          (
            await fetch(
              `${server.url}/api/views`,
              from("10.42.0.1", { method: "POST", body: JSON.stringify({ slug: `no-story-${i}` }) }),
            )
          ).status,
        );
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
  });

  it("throttles a client's failed publishing auth across servers, then refuses even the right token", async () => {
    const remove = (server: TestServer, token: string, reader: string) =>
      fetch(
        `${server.url}/api/stories/no-such-story`,
        from(reader, { method: "DELETE", headers: { authorization: `Bearer ${token}` } }),
      );
    const guesser = "10.43.0.1";
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await remove(i % 2 ? first : second, `guess-${i}`, guesser)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    const throttled = await remove(first, TOKEN, guesser);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await throttled.json()).error.code).toBe("too_many_requests");
    // Another client with the token publishes as ever.
    expect((await remove(second, TOKEN, "10.43.0.2")).status).toBe(404);
  });
});

describe("per-client limits in one process", { timeout: 30_000 }, () => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer({ trustProxy: true });
    second = await startTestServer({ trustProxy: true, database: { url: first.databaseUrl, drop: async () => {} } });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it("are counted by each process alone, which is right only when it is the only one", async () => {
    const search = (server: TestServer) =>
      fetch(`${server.url}/api/search?q=fog`, { headers: { "x-forwarded-for": "10.44.0.1" } });
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) statuses.push((await search(first)).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect((await search(first)).status).toBe(429);
    expect((await search(second)).status).toBe(200);
  });
});

describe("per-client limits turned off (RATE_LIMITS=0)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ rateLimits: false, adminToken: TOKEN });
  });
  afterAll(() => server.close());

  it("let every request through and count every view", async () => {
    const report = () =>
      fetch(`${server.url}/api/views`, { method: "POST", body: JSON.stringify({ slug: OLDER }) }).then((r) => r.status);
    const statuses = [];
    for (let i = 0; i < 35; i++) statuses.push(await report());
    expect(new Set(statuses)).toEqual(new Set([204]));
    const wrong = [];
    for (let i = 0; i < 12; i++)
      wrong.push(
        (
          await fetch(`${server.url}/api/stories/${OLDER}`, {
            method: "DELETE",
            headers: { authorization: "Bearer x" },
          })
        ).status,
      );
    expect(new Set(wrong)).toEqual(new Set([401]));
  });
});
