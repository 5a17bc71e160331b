// A CDN in front, told what changed (docs/decisions/027): a real Varnish running the shipped
// deploy/varnish/default.vcl in front of one server, while another server on the same database
// takes the newsroom's writes and purges Varnish by their keys; and what a server does when a
// purge fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { apiRequest, publisher, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startPurgeReceiver } from "../../test/purgeReceiver";
import { freePort, startVarnish, type Varnish } from "../../test/varnish";
import { startTestServer, type TestServer } from "../testServer";

const EDITED = "ferry-crew-pulls-kayakers-from-the-sound";
const UNTOUCHED = "the-salt-year-review-tollhouse-theatre";
const HOURS = 4 * 3600;

/** Whether Varnish served this answer from its cache: a hit names two transactions in X-Varnish. */
const hit = (response: Response) => (response.headers.get("x-varnish") ?? "").trim().split(/\s+/).length === 2;

describe.each(testEngines)("Varnish in front of two servers on %s", (engine) => {
  let reader: TestServer;
  let writer: TestServer;
  let varnish: Varnish;
  const viaCdn = (path: string) => fetch(`${varnish.url}${path}`, { headers: { "accept-encoding": "gzip" } });

  beforeAll(async () => {
    const port = await freePort();
    const cdn = { purgeUrls: [`http://127.0.0.1:${port}/`], sharedMaxAgeS: HOURS };
    reader = await startTestServer({ engine, cdn });
    varnish = await startVarnish(port, Number(new URL(reader.url).port));
    writer = await startTestServer({
      adminToken: TEST_TOKEN,
      cdn,
      demo: false,
      database: { url: reader.databaseUrl, drop: async () => {} },
    });
    // Two servers and a Varnish that waits for its first health probe.
  }, 60_000);
  afterAll(async () => {
    await varnish?.close();
    await writer?.close();
    await reader?.close();
  });

  it("keeps pages for hours, and serves an edit through another server fresh on the next request", async () => {
    for (const path of [`/stories/${EDITED}`, `/stories/${UNTOUCHED}`, "/", `/api/stories/${EDITED}`]) {
      const first = await viaCdn(path);
      expect(first.status, path).toBe(200);
      expect(first.headers.get("cache-control")).toBe(
        `public, max-age=0, s-maxage=${HOURS}, stale-while-revalidate=60`,
      );
      expect(hit(await viaCdn(path)), path).toBe(true);
    }
    const story = await (await viaCdn(`/api/stories/${EDITED}`)).json();
    const headline = "Ferry crew pulls two kayakers from the Sound in thick fog";
    expect((await publisher(writer.url).put(EDITED, { ...story, headline })).status).toBe(200);

    for (const path of [`/stories/${EDITED}`, "/", `/api/stories/${EDITED}`]) {
      const fresh = await viaCdn(path);
      expect(hit(fresh), path).toBe(false);
      expect(await fresh.text(), path).toContain(headline);
    }
    const untouched = await viaCdn(`/stories/${UNTOUCHED}`);
    expect(hit(untouched)).toBe(true);
    expect(Number(untouched.headers.get("age"))).toBeGreaterThanOrEqual(0);
    // The keys are the cache's business, not the reader's.
    expect(untouched.headers.get("surrogate-key")).toBeNull();
  });

  it("serves a live entry fresh, and a story published where a 404 was kept", async () => {
    const api = publisher(writer.url);
    expect((await viaCdn("/stories/harbour-live")).status).toBe(404);
    expect((await viaCdn("/stories/harbour-live")).status).toBe(404);
    expect((await api.put("harbour-live", storyDraft({ headline: "Harbour storm, live", live: true }))).status).toBe(
      201,
    );
    expect((await viaCdn("/stories/harbour-live")).status).toBe(200);
    expect(hit(await viaCdn("/stories/harbour-live"))).toBe(true);
    const entry = await apiRequest(writer.url, "POST", "/api/stories/harbour-live/entries", {
      body: [{ type: "paragraph", text: "Waves are over the sea wall." }],
    });
    expect(entry.status).toBe(201);
    expect(await (await viaCdn("/stories/harbour-live")).text()).toContain("Waves are over the sea wall.");
    expect(hit(await viaCdn(`/stories/${UNTOUCHED}`))).toBe(true);
  });
});

describe("a purge that fails", () => {
  it("is tried again, and logged with its keys when every try failed; the write still succeeds", async () => {
    const cdn = await startPurgeReceiver(503);
    const { purges } = cdn;
    const lines: string[] = [];
    const server = await startTestServer({
      adminToken: TEST_TOKEN,
      cdn: { purgeUrls: [cdn.url], sharedMaxAgeS: HOURS, retryDelaysMs: [10, 10] },
      logStream: { write: (line) => lines.push(line) },
    });
    try {
      expect((await publisher(server.url).put("night-buses", storyDraft())).status).toBe(201);
      await expect.poll(() => lines.some((line) => line.includes("a CDN purge failed every try"))).toBe(true);
      expect(purges).toHaveLength(3);
      expect(purges.every((request) => request.method === "PURGE")).toBe(true);
      expect(String(purges[0]?.headers.xkey).split(" ")).toEqual(
        expect.arrayContaining(["s:night-buses", "stories", "section:city", "tag:transport", "author:ana-ferreira"]),
      );
      const logged = JSON.parse(lines.find((line) => line.includes("a CDN purge failed every try")) ?? "{}");
      expect(logged.level).toBe(50);
      expect(logged.cdnPurge.keys).toContain("s:night-buses");
      expect((await fetch(`${server.url}/api/stories/night-buses`)).status).toBe(200);
    } finally {
      await server.close();
      await cdn.close();
    }
  });
});
