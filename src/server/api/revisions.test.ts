// Revisions and corrections over HTTP, on the real server and store of each engine: the revisions
// list behind the token, and the correction block as the publishing API takes or refuses it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revisionPageSchema } from "../../model/revision";
import { storySchema } from "../../model/story";
import { testEngines } from "../../store/testDatabases";
import { apiRequest } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const TOKEN = "test-admin-token-0123456789abcdef0123456789";

describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  let closedServer: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: TOKEN, engine, demo: false });
    await server.store.saveSections([{ slug: "city", name: "City" }]);
    closedServer = await startTestServer({ demo: false, engine });
  });
  afterAll(async () => {
    await server.close();
    await closedServer.close();
  });

  const draft = (overrides: Record<string, unknown> = {}) => ({
    headline: "Harbour ferry timetable returns to winter hours",
    section: "city",
    authors: [{ slug: "ana-ferreira", name: "Ana Ferreira" }],
    tags: [],
    publishedAt: "2026-11-24T06:00:00.000Z",
    updatedAt: "2026-11-24T06:00:00.000Z",
    body: [{ type: "paragraph", text: "The last boat leaves at 23:40 from Monday." }],
    ...overrides,
  });
  const correction = {
    type: "correction",
    date: "2026-11-24T15:30:00.000Z",
    text: "An earlier version gave the last boat as 23:15; it leaves at 23:40.",
  };

  const send = (
    method: string,
    path: string,
    body?: unknown,
    { token = TOKEN as string | null, target = server } = {},
  ) => apiRequest(target.url, method, path, body, token);

  const error = async (response: Response) =>
    ((await response.json()) as { error: { code: string; message: string } }).error;

  describe("GET /api/stories/:slug/revisions", () => {
    it("lists every write that changed the story, newest first, each whole, never cached", async () => {
      expect((await send("PUT", "/api/stories/winter-ferry", draft())).status).toBe(201);
      expect((await send("PUT", "/api/stories/winter-ferry", draft())).status).toBe(200); // unchanged
      const corrected = draft({
        updatedAt: "2026-11-24T15:30:00.000Z",
        body: [correction, ...draft().body],
      });
      expect((await send("PUT", "/api/stories/winter-ferry", corrected)).status).toBe(200);

      const response = await send("GET", "/api/stories/winter-ferry/revisions");
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const page = revisionPageSchema.parse(await response.json());
      expect(page.nextCursor).toBeNull();
      expect(page.items.map((item) => item.revision)).toEqual([2, 1]);
      expect(page.items[0]?.story).toMatchObject({ slug: "winter-ferry", updatedAt: corrected.updatedAt });
      expect(page.items[0]?.story.body[0]).toEqual(correction);
      expect(page.items[1]?.story.body).toEqual(draft().body);
    });

    it("pages with limit and cursor, and refuses a bad one with 400", async () => {
      const first = revisionPageSchema.parse(
        await (await send("GET", "/api/stories/winter-ferry/revisions?limit=1")).json(),
      );
      expect(first.items.map((item) => item.revision)).toEqual([2]);
      expect(first.nextCursor).toBe("2");
      const next = await send("GET", `/api/stories/winter-ferry/revisions?limit=1&cursor=${first.nextCursor}`);
      expect(revisionPageSchema.parse(await next.json()).items.map((item) => item.revision)).toEqual([1]);
      for (const [query, field] of [
        ["limit=21", "limit"],
        ["limit=0x2", "limit"],
        ["cursor=abc", "cursor"],
        ["cursor=0", "cursor"],
        ["after=1", "query"],
      ]) {
        const response = await send("GET", `/api/stories/winter-ferry/revisions?${query}`);
        expect(response.status, query).toBe(400);
        expect((await error(response)).message, query).toMatch(new RegExp(`^${field}`));
      }
    });

    it("answers 401 without the token (even for a story that is not there), 403 on a server without one", async () => {
      for (const path of ["/api/stories/winter-ferry/revisions", "/api/stories/no-such-story/revisions"]) {
        const response = await send("GET", path, undefined, { token: null });
        expect(response.status, path).toBe(401);
        expect((await error(response)).code).toBe("unauthorized");
      }
      expect(
        (await send("GET", "/api/stories/winter-ferry/revisions", undefined, { token: "x".repeat(40) })).status,
      ).toBe(401);
      expect(
        (await send("GET", "/api/stories/winter-ferry/revisions", undefined, { target: closedServer })).status,
      ).toBe(403);
    });

    it("answers 404 for a story that is not there, or was deleted (its revisions go with it)", async () => {
      const response = await send("GET", "/api/stories/no-such-story/revisions");
      expect(response.status).toBe(404);
      expect((await error(response)).code).toBe("story_not_found");
      expect((await send("PUT", "/api/stories/gone-soon", draft())).status).toBe(201);
      expect((await send("DELETE", "/api/stories/gone-soon")).status).toBe(204);
      expect((await send("GET", "/api/stories/gone-soon/revisions")).status).toBe(404);
    });

    it("keeps a moved story's history under its new slug; the old slug redirects there", async () => {
      expect((await send("PUT", "/api/stories/winter-ferry", draft({ slug: "winter-ferry-hours" }))).status).toBe(200);
      const moved = revisionPageSchema.parse(
        await (await send("GET", "/api/stories/winter-ferry-hours/revisions")).json(),
      );
      expect(moved.items.map((item) => [item.revision, item.story.slug])).toEqual([
        [3, "winter-ferry-hours"],
        [2, "winter-ferry"],
        [1, "winter-ferry"],
      ]);
      const old = await send("GET", "/api/stories/winter-ferry/revisions?limit=2");
      expect(old.status).toBe(301);
      expect(old.headers.get("location")).toBe("/api/stories/winter-ferry-hours/revisions?limit=2");
    });
  });

  describe("a correction block", () => {
    it("is published with the story and read back by the API", async () => {
      const response = await send(
        "PUT",
        "/api/stories/tram-delay",
        draft({ updatedAt: "2026-11-25T09:00:00.000Z", body: [...draft().body, correction] }),
      );
      expect(response.status).toBe(201);
      expect(storySchema.parse(await response.json()).body.at(-1)).toEqual(correction);
    });

    it.each([
      ["no date", { type: "correction", text: "A fix." }, /body\[1\]\.date/],
      ["a date that is not ISO", { type: "correction", date: "24 Nov 2026", text: "A fix." }, /date/],
      ["no text", { type: "correction", date: "2026-11-24T15:30:00Z", text: "  " }, /text/],
      ["text too long", { type: "correction", date: "2026-11-24T15:30:00Z", text: "x".repeat(2_001) }, /text/],
      ["a control character", { type: "correction", date: "2026-11-24T15:30:00Z", text: "A\u001b fix." }, /U\+001B/],
      [
        "a date before publication",
        { type: "correction", date: "2026-11-23T15:30:00Z", text: "A fix." },
        /before the story was published/,
      ],
      ["a date after updatedAt", correction, /latest correction's date[\s\S]*at updatedAt/],
    ])("is refused with a 400 naming what is wrong: %s", async (_name, block, message) => {
      const response = await send("PUT", "/api/stories/bad-correction", draft({ body: [...draft().body, block] }));
      expect(response.status).toBe(400);
      const { code, message: text } = await error(response);
      expect(code).toBe("invalid_story");
      expect(text).toMatch(message);
      expect((await fetch(`${server.url}/api/stories/bad-correction`)).status).toBe(404);
    });
  });
});
