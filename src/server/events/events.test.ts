// The change stream, GET /api/events, over HTTP on both engines: what a client connected to one
// server, or to another server on the same database, learns of each write, and how it resumes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { openEventStream } from "../../test/eventStream";
import { publisher, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  let api: ReturnType<typeof publisher>;
  beforeAll(async () => {
    server = await startTestServer({ engine, adminToken: TEST_TOKEN, events: { heartbeatMs: 200, perClient: 3 } });
    api = publisher(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it("answers an event stream, uncompressed, never kept, with the security headers", async () => {
    const stream = await openEventStream(`${server.url}/api/events`, { "accept-encoding": "br, gzip" });
    const { headers, status } = stream.response;
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(headers.get("content-encoding")).toBeNull();
    expect(headers.get("cache-control")).toBe("no-store");
    expect(headers.get("etag")).toBeNull();
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    stream.close();
  });

  it("tells of a story published, edited, moved and deleted, in that order", async () => {
    const stream = await openEventStream(`${server.url}/api/events`);
    // Once connected: where the client stands, the log's last id, to resume from if nothing else comes.
    const ready = await stream.nextOf("ready");
    expect(Number(ready.id)).toBe((await server.store.changeLogBounds()).last);
    expect((await api.put("ferry-timetable-changes", storyDraft({ headline: "Ferry timetable changes" }))).status).toBe(
      201,
    );
    const edited = storyDraft({ headline: "Ferry timetable changes again", updatedAt: "2026-11-24T08:00:00.000Z" });
    expect((await api.put("ferry-timetable-changes", edited)).status).toBe(200);
    expect((await api.put("ferry-timetable-changes", edited)).status).toBe(200); // the same again: no change
    const moved = { ...edited, slug: "ferry-timetable-changed" };
    expect((await api.put("ferry-timetable-changes", moved)).status).toBe(200);
    expect((await api.delete("ferry-timetable-changed")).status).toBe(204);

    const published = await stream.nextOf("story");
    expect(published.json).toEqual({
      slug: "ferry-timetable-changes",
      updatedAt: "2026-11-24T06:00:00.000Z",
      change: "published",
    });
    const updated = await stream.nextOf("story");
    expect(updated.json).toEqual({
      slug: "ferry-timetable-changes",
      updatedAt: "2026-11-24T08:00:00.000Z",
      change: "updated",
    });
    expect((await stream.nextOf("story")).json).toEqual({
      slug: "ferry-timetable-changed",
      updatedAt: "2026-11-24T08:00:00.000Z",
      change: "updated",
      movedFrom: "ferry-timetable-changes",
    });
    const deleted = await stream.nextOf("story");
    expect(deleted.json).toMatchObject({ slug: "ferry-timetable-changed", change: "deleted" });
    expect(Number(published.id)).toBeGreaterThan(Number(ready.id));
    expect(Number(updated.id)).toBeGreaterThan(Number(published.id));
    expect(Number(deleted.id)).toBeGreaterThan(Number(updated.id));
    stream.close();
  });

  it("tells of each entry posted, edited and deleted on a live story", async () => {
    expect((await api.put("quay-storm-live", storyDraft({ headline: "Storm on the quay", live: true }))).status).toBe(
      201,
    );
    const stream = await openEventStream(`${server.url}/api/events`);
    await stream.nextOf("ready");
    const entries = `${server.url}/api/stories/quay-storm-live/entries`;
    const headers = { authorization: `Bearer ${TEST_TOKEN}`, "content-type": "application/json" };
    const body = (text: string) => JSON.stringify({ body: [{ type: "paragraph", text }] });
    const posted = await fetch(entries, { method: "POST", headers, body: body("The wall holds.") });
    expect(posted.status).toBe(201);
    const { id } = await posted.json();
    expect(
      (await fetch(`${entries}/${id}`, { method: "PUT", headers, body: body("The wall still holds.") })).status,
    ).toBe(200);
    const deleted = await fetch(`${entries}/${id}`, {
      method: "DELETE",
      headers: { authorization: headers.authorization },
    });
    expect(deleted.status).toBe(204);
    const events = [await stream.nextOf("entry"), await stream.nextOf("entry"), await stream.nextOf("entry")];
    expect(events.map((event) => event.json)).toEqual(
      ["posted", "updated", "deleted"].map((change) => ({ slug: "quay-storm-live", entryId: String(id), change })),
    );
    stream.close();
  });

  it("resumes after Last-Event-ID with what was missed, each once, in order", async () => {
    const first = await openEventStream(`${server.url}/api/events`);
    await api.put("harbour-crane-returns", storyDraft({ headline: "The harbour crane returns" }));
    const seen = await first.nextOf("story");
    first.close();
    // Written while the client is away.
    await api.put("harbour-crane-lifts", storyDraft({ headline: "The harbour crane lifts again" }));
    await api.put("harbour-crane-returns", storyDraft({ headline: "The old harbour crane returns" }));

    const resumed = await openEventStream(`${server.url}/api/events`, { "last-event-id": String(seen.id) });
    const missed = [await resumed.nextOf("story"), await resumed.nextOf("story")];
    expect(missed.map((event) => event.json)).toEqual([
      expect.objectContaining({ slug: "harbour-crane-lifts", change: "published" }),
      expect.objectContaining({ slug: "harbour-crane-returns", change: "updated" }),
    ]);
    // And then what arrives live, with nothing repeated in between.
    const ready = await resumed.nextOf("ready");
    expect(ready.id).toBe(missed[1]?.id);
    await api.delete("harbour-crane-lifts");
    expect((await resumed.nextOf("story")).json).toMatchObject({ slug: "harbour-crane-lifts", change: "deleted" });
    resumed.close();
  });

  it("tells each page where the change log stood, kept or not, so its stream resumes from there", async () => {
    const place = async (init?: RequestInit) => {
      const response = await fetch(`${server.url}/sections/city`, init);
      return {
        status: response.status,
        etag: response.headers.get("etag"),
        timing: response.headers.get("server-timing"),
      };
    };
    const first = await place();
    expect(first.timing).toBe(`changes;desc="${(await server.store.changeLogBounds()).last}"`);
    expect((await place()).timing).toBe(first.timing); // the kept page, the same place
    expect((await place({ headers: { "if-none-match": first.etag ?? "" } })).timing).toBe(first.timing);
    await api.put("quay-clock-restarted", storyDraft({ headline: "The quay clock runs again" }));
    const after = await place();
    expect(after.timing).toBe(`changes;desc="${(await server.store.changeLogBounds()).last}"`);
    expect(after.timing).not.toBe(first.timing);
    // The API's answers carry none: only a page opens a stream.
    expect((await fetch(`${server.url}/api/stories?limit=1`)).headers.get("server-timing")).toBeNull();
  });

  it("tells a client whose place is unknown to reread (reset), and refuses a place that is no id", async () => {
    const ahead = await openEventStream(`${server.url}/api/events`, { "last-event-id": "999999999" });
    expect((await ahead.nextOf("reset")).json).toEqual({});
    ahead.close();
    const wrong = await fetch(`${server.url}/api/events`, { headers: { "last-event-id": "yesterday" } });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.message).toMatch(/Last-Event-ID/);
  });

  it("keeps an idle stream alive with comments", async () => {
    const stream = await openEventStream(`${server.url}/api/events`);
    const comments = [];
    while (comments.length < 2) {
      const event = await stream.next();
      if (event?.event === ":" && event.data.includes("keep-alive")) comments.push(event);
    }
    expect(comments).toHaveLength(2);
    stream.close();
  });

  it("holds a client to its number of open streams, and counts a closed one as closed", async () => {
    const open = await Promise.all([1, 2, 3].map(() => openEventStream(`${server.url}/api/events`)));
    const refused = await fetch(`${server.url}/api/events`);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.message).toMatch(/at most 3 event streams/i);
    open[0]?.close();
    // The server learns of the close when the socket goes; the client may then open another.
    await expect
      .poll(async () => {
        const again = await openEventStream(`${server.url}/api/events`);
        again.close();
        return again.response.status;
      })
      .toBe(200);
    for (const stream of open) stream.close();
  });

  it("counts the streams it holds open in /healthz, for operators and tests", async () => {
    const openStreams = async () =>
      ((await (await fetch(`${server.url}/healthz`)).json()) as { eventStreams: number }).eventStreams;
    await expect.poll(openStreams).toBe(0);
    const streams = await Promise.all([1, 2].map(() => openEventStream(`${server.url}/api/events`)));
    expect(await openStreams()).toBe(2);
    streams[0]?.close();
    await expect.poll(openStreams).toBe(1);
    streams[1]?.close();
    await expect.poll(openStreams).toBe(0);
  });

  it("reaches a client of another server on the same database", async () => {
    // On PostgreSQL the second server polls only once a minute: LISTEN/NOTIFY must carry the change.
    const other = await startTestServer({
      engine,
      database: { url: server.databaseUrl, drop: async () => {} },
      demo: false,
      events: engine === "postgres" ? { pollMs: 60_000 } : {},
    });
    try {
      const stream = await openEventStream(`${other.url}/api/events`);
      await api.put("tide-gauge-fixed", storyDraft({ headline: "The tide gauge is fixed" }));
      expect((await stream.nextOf("story")).json).toMatchObject({ slug: "tide-gauge-fixed", change: "published" });
      stream.close();
    } finally {
      await other.close();
    }
  });

  it("ends open streams when the server shuts down", async () => {
    const own = await startTestServer({ engine, demo: false });
    const stream = await openEventStream(`${own.url}/api/events`);
    const ended = (async () => {
      while ((await stream.next()) !== null);
      return "ended";
    })();
    await own.close();
    expect(await ended).toBe("ended");
  });
});
