// The live entries API against the real server and store, on each engine: who may write, what
// every bad request gets back, and what readers then see in the API and on the page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liveEntryPageSchema, liveEntrySchema } from "../../model/liveEntry";
import { storySchema } from "../../model/story";
import { testEngines } from "../../store/testDatabases";
import { startTestServer, type TestServer } from "../testServer";

const TOKEN = "test-admin-token-0123456789abcdef0123456789";
const NOW = new Date("2026-11-27T12:00:00.000Z");

describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: TOKEN, engine, now: () => NOW });
  });
  afterAll(async () => {
    await server.close();
  });

  const story = (slug: string, live?: boolean) => ({
    headline: `Storm watch ${slug}`,
    section: "city",
    authors: [{ slug: "ana-ferreira", name: "Ana Ferreira" }],
    tags: [],
    publishedAt: "2026-11-27T07:00:00.000Z",
    updatedAt: "2026-11-27T07:00:00.000Z",
    body: [{ type: "paragraph", text: "Follow the storm as it crosses the coast." }],
    ...(live === undefined ? {} : { live }),
  });
  const entry = (text: string, extra: Record<string, unknown> = {}) => ({
    body: [{ type: "paragraph", text }],
    ...extra,
  });

  function send(method: string, path: string, body?: unknown, { token = TOKEN, type = "application/json" } = {}) {
    return fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": type }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
  }

  async function errorOf(response: Response) {
    const body = await response.json();
    expect(Object.keys(body)).toEqual(["error"]);
    return { status: response.status, code: body.error.code as string, message: body.error.message as string };
  }

  it("posts entries to a live story, which the API and the page show newest first", async () => {
    expect((await send("PUT", "/api/stories/storm-watch", story("a", true))).status).toBe(201);
    const first = await send(
      "POST",
      "/api/stories/storm-watch/entries",
      entry("The first band of rain arrives.", {
        postedAt: "2026-11-27T09:00:00Z",
      }),
    );
    expect(first.status).toBe(201);
    const posted = liveEntrySchema.parse(await first.json());
    expect(first.headers.get("location")).toBe(`/api/stories/storm-watch/entries/${posted.id}`);
    expect(posted).toMatchObject({ postedAt: "2026-11-27T09:00:00.000Z", updatedAt: NOW.toISOString(), pinned: false });
    const second = liveEntrySchema.parse(
      await (
        await send("POST", "/api/stories/storm-watch/entries", entry("Ferries stop running.", { headline: "Ferries" }))
      ).json(),
    );
    // No postedAt: posted now, by the server's clock.
    expect(second.postedAt).toBe(NOW.toISOString());

    const page = liveEntryPageSchema.parse(await (await fetch(`${server.url}/api/stories/storm-watch/entries`)).json());
    expect(page.items.map((e) => e.id)).toEqual([second.id, posted.id]);
    expect(page.nextBefore).toBeNull();
    const html = await (await fetch(`${server.url}/stories/storm-watch`)).text();
    expect(html.indexOf("Ferries stop running.")).toBeGreaterThan(-1);
    expect(html.indexOf("Ferries stop running.")).toBeLessThan(html.indexOf("The first band of rain arrives."));
    const api = storySchema.parse(await (await fetch(`${server.url}/api/stories/storm-watch`)).json());
    expect(api).toMatchObject({ live: true, coverage: { startedAt: "2026-11-27T07:00:00.000Z" } });
  });

  it("edits and deletes an entry, and the page follows at once", async () => {
    const created = liveEntrySchema.parse(
      await (await send("POST", "/api/stories/storm-watch/entries", entry("Power cut in the old town."))).json(),
    );
    expect(await (await fetch(`${server.url}/stories/storm-watch`)).text()).toContain("Power cut in the old town.");
    const edited = await send(
      "PUT",
      `/api/stories/storm-watch/entries/${created.id}`,
      entry("Power is back.", { pinned: true }),
    );
    expect(edited.status).toBe(200);
    expect(liveEntrySchema.parse(await edited.json())).toMatchObject({
      id: created.id,
      pinned: true,
      postedAt: created.postedAt,
    });
    const page = liveEntryPageSchema.parse(await (await fetch(`${server.url}/api/stories/storm-watch/entries`)).json());
    expect(page.pinned.map((e) => e.id)).toEqual([created.id]);
    expect(page.items.map((e) => e.id)).not.toContain(created.id);
    const html = await (await fetch(`${server.url}/stories/storm-watch`)).text();
    expect(html).toContain("Power is back.");
    expect(html).not.toContain("Power cut in the old town.");

    expect((await send("DELETE", `/api/stories/storm-watch/entries/${created.id}`)).status).toBe(204);
    expect(await (await fetch(`${server.url}/stories/storm-watch`)).text()).not.toContain("Power is back.");
    expect(await errorOf(await send("DELETE", `/api/stories/storm-watch/entries/${created.id}`))).toMatchObject({
      status: 404,
      code: "entry_not_found",
    });
  });

  it("pages entries by ?before= and ?limit=, and refuses a query it cannot read", async () => {
    for (let i = 1; i <= 5; i++)
      await send(
        "POST",
        "/api/stories/storm-watch/entries",
        entry(`Paged ${i}.`, { postedAt: `2026-11-27T10:0${i}:00Z` }),
      );
    const seen: number[] = [];
    let path = "/api/stories/storm-watch/entries?limit=3";
    for (;;) {
      const page = liveEntryPageSchema.parse(await (await fetch(`${server.url}${path}`)).json());
      seen.push(...page.items.map((e) => e.id));
      if (page.nextBefore === null) break;
      path = `/api/stories/storm-watch/entries?limit=3&before=${page.nextBefore}`;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    for (const query of ["limit=0", "limit=51", "limit=2x", "before=-1", "before=abc", "before=99999", "other=1"]) {
      const answer = await errorOf(await fetch(`${server.url}/api/stories/storm-watch/entries?${query}`));
      expect(answer, query).toMatchObject({ status: 400, code: "bad_request" });
      expect(answer.message.length).toBeGreaterThan(5);
    }
    expect(await errorOf(await fetch(`${server.url}/api/stories/no-such-story/entries`))).toMatchObject({
      status: 404,
      code: "story_not_found",
    });
  });

  it("answers a reader polling with its ETag 304 until an entry changes", async () => {
    const path = `${server.url}/api/stories/storm-watch/entries`;
    const etag = (await fetch(path)).headers.get("etag") ?? "";
    expect(etag).toMatch(/^W\//);
    expect((await fetch(path, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await send("POST", "/api/stories/storm-watch/entries", entry("Polled."))).status).toBe(201);
    const changed = await fetch(path, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(liveEntryPageSchema.parse(await changed.json()).items[0]?.body).toEqual(entry("Polled.").body);
  });

  it("answers 401 without the token, and counts nothing written", async () => {
    const before = await (await fetch(`${server.url}/api/stories/storm-watch/entries`)).text();
    for (const token of ["", "wrong-token"]) {
      const answer = await send("POST", "/api/stories/storm-watch/entries", entry("Sneaky."), { token });
      expect((await errorOf(answer)).status).toBe(401);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect((await send("DELETE", "/api/stories/storm-watch/entries/1", undefined, { token: "" })).status).toBe(401);
    expect((await send("PUT", "/api/stories/storm-watch/entries/1", entry("x"), { token: "" })).status).toBe(401);
    expect(await (await fetch(`${server.url}/api/stories/storm-watch/entries`)).text()).toBe(before);
  });

  it("answers 404 for an unknown story or entry", async () => {
    expect(await errorOf(await send("POST", "/api/stories/no-such-story/entries", entry("x")))).toMatchObject({
      status: 404,
      code: "story_not_found",
    });
    for (const id of ["999999", "abc", "0", "01"])
      expect(await errorOf(await send("PUT", `/api/stories/storm-watch/entries/${id}`, entry("x"))), id).toMatchObject({
        status: 404,
        code: "entry_not_found",
      });
    expect(await errorOf(await send("DELETE", "/api/stories/no-such-story/entries/1"))).toMatchObject({
      status: 404,
      code: "story_not_found",
    });
  });

  it("answers 400 with a message for a bad entry, and 415 for one that is not JSON", async () => {
    const bad: [unknown, RegExp][] = [
      [{}, /body/],
      [{ body: [] }, /body/],
      [{ body: [{ type: "paragraph", text: "" }] }, /body/],
      [{ body: [{ type: "poem", text: "x" }] }, /body/],
      [entry("Bidi \u202e trick"), /U\+202E/],
      [entry("ok", { headline: "Null\u0000byte" }), /U\+0000/],
      [entry("ok", { postedAt: "yesterday" }), /postedAt/],
      [entry("ok", { postedAt: "2026-11-27T13:00:00Z" }), /future/],
      [entry("ok", { pinned: "yes" }), /pinned/],
      [entry("ok", { id: 5 }), /id/],
      ["[1,2", /./],
    ];
    for (const [body, message] of bad) {
      const answer = await errorOf(await send("POST", "/api/stories/storm-watch/entries", body));
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.message, JSON.stringify(body)).toMatch(message);
    }
    const text = await send("POST", "/api/stories/storm-watch/entries", "plain words", { type: "text/plain" });
    expect(text.status).toBe(415);
  });

  it("answers 409 to an entry for a story that is not live, or no longer", async () => {
    expect((await send("PUT", "/api/stories/calm-day", story("b"))).status).toBe(201);
    expect(await errorOf(await send("POST", "/api/stories/calm-day/entries", entry("x")))).toMatchObject({
      status: 409,
      code: "story_not_live",
    });
    expect((await send("PUT", "/api/stories/storm-watch", story("a", false))).status).toBe(200);
    const ended = storySchema.parse(await (await fetch(`${server.url}/api/stories/storm-watch`)).json());
    expect(ended.live).toBe(false);
    expect(ended.coverage?.endedAt).toBeDefined();
    const refused = await errorOf(await send("POST", "/api/stories/storm-watch/entries", entry("After the end.")));
    expect(refused).toMatchObject({ status: 409, code: "story_not_live" });
    expect(refused.message).toContain("ended");
  });

  it("deletes a story's entries with the story", async () => {
    expect((await send("PUT", "/api/stories/short-lived", story("c", true))).status).toBe(201);
    expect((await send("POST", "/api/stories/short-lived/entries", entry("Only entry."))).status).toBe(201);
    expect((await send("DELETE", "/api/stories/short-lived")).status).toBe(204);
    expect((await fetch(`${server.url}/api/stories/short-lived/entries`)).status).toBe(404);
    expect((await send("PUT", "/api/stories/short-lived", story("c", true))).status).toBe(201);
    const page = liveEntryPageSchema.parse(await (await fetch(`${server.url}/api/stories/short-lived/entries`)).json());
    expect(page.items).toEqual([]);
  });
});
