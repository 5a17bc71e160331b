// The publishing API against the real server and store: every status it can answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storySchema } from "../../model/story";
import { testEngines } from "../../store/testDatabases";
import { apiRequest } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const TOKEN = "test-admin-token-0123456789abcdef0123456789";
describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  let closedServer: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: TOKEN, engine });
    closedServer = await startTestServer({ demo: false, engine });
  });
  afterAll(async () => {
    await server.close();
    await closedServer.close();
  });

  const draft = (overrides: Record<string, unknown> = {}) => ({
    headline: "Harbour ferry timetable returns to winter hours",
    deck: "The last boat leaves at 23:40 from Monday.",
    section: "city",
    authors: [{ slug: "ana-ferreira", name: "Ana Ferreira" }],
    tags: [{ slug: "transport", name: "Transport" }],
    publishedAt: "2026-11-24T06:00:00.000Z",
    updatedAt: "2026-11-24T06:00:00.000Z",
    body: [{ type: "paragraph", text: "The winter timetable starts on Monday." }],
    ...overrides,
  });

  const send = (method: string, path: string, body?: unknown, { token = TOKEN, target = server } = {}) =>
    apiRequest(target.url, method, path, body, token);

  describe("PUT /api/stories/:slug", () => {
    it("creates a story (201), visible at once on its page, in the API and in lists", async () => {
      const response = await send("PUT", "/api/stories/winter-ferry-hours", draft());
      expect(response.status).toBe(201);
      expect(response.headers.get("location")).toBe("/api/stories/winter-ferry-hours");
      const story = storySchema.parse(await response.json());
      expect(story).toMatchObject({ slug: "winter-ferry-hours", section: { slug: "city", name: "City" } });
      const page = await fetch(`${server.url}/stories/winter-ferry-hours`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Harbour ferry timetable returns to winter hours");
      const list = await (await fetch(`${server.url}/api/stories?limit=1`)).json();
      expect(list.items[0].slug).toBe("winter-ferry-hours");
    });

    it("reads the story once, for its answer, unless it moves it", async () => {
      const before = server.work().storyReads;
      expect((await send("PUT", "/api/stories/read-once", draft())).status).toBe(201);
      expect((await send("PUT", "/api/stories/read-once", draft({ headline: "Read once, edited" }))).status).toBe(200);
      expect(server.work().storyReads - before).toBe(2);
    });

    it("takes a slug as long as the model allows (120 characters), and serves it everywhere", async () => {
      const slug = `${"longest-slug-".repeat(9)}abc`;
      expect(slug).toHaveLength(120);
      expect((await send("PUT", `/api/stories/${slug}`, draft())).status).toBe(201);
      for (const path of [`/api/stories/${slug}`, `/stories/${slug}`, `/og/${slug}.png`])
        expect((await fetch(`${server.url}${path}`)).status, path).toBe(200);
      expect((await send("DELETE", `/api/stories/${slug}`)).status).toBe(204);
    });

    it("replaces it (200), accepting the API's own Story shape back", async () => {
      const current = await (await fetch(`${server.url}/api/stories/winter-ferry-hours`)).json();
      const response = await send("PUT", "/api/stories/winter-ferry-hours", {
        ...current,
        headline: "Winter ferry hours are back",
      });
      expect(response.status).toBe(200);
      expect((await response.json()).headline).toBe("Winter ferry hours are back");
    });

    it("moves it to a new slug, and the old URL answers 301 to the new one", async () => {
      const response = await send("PUT", "/api/stories/winter-ferry-hours", draft({ slug: "ferry-winter-hours" }));
      expect(response.status).toBe(200);
      const page = await fetch(`${server.url}/stories/winter-ferry-hours?t=5`, { redirect: "manual" });
      expect(page.status).toBe(301);
      expect(page.headers.get("location")).toBe("/stories/ferry-winter-hours?t=5");
      const api = await fetch(`${server.url}/api/stories/winter-ferry-hours`, { redirect: "manual" });
      expect(api.status).toBe(301);
      expect((await fetch(`${server.url}/api/stories/ferry-winter-hours`)).status).toBe(200);
    });

    it("refuses to move a story onto another story's slug (409) or from nowhere (404)", async () => {
      const onto = await send(
        "PUT",
        "/api/stories/ferry-winter-hours",
        draft({ slug: "ferry-crew-pulls-kayakers-from-the-sound" }),
      );
      expect(onto.status).toBe(409);
      const nowhere = await send("PUT", "/api/stories/never-was", draft({ slug: "somewhere-else" }));
      expect(nowhere.status).toBe(404);
    });

    it.each([
      ["no headline", draft({ headline: undefined }), "headline"],
      ["an unknown section", draft({ section: "sport" }), "section"],
      ["an unknown block type", draft({ body: [{ type: "marquee", text: "hi" }] }), "body"],
      ["an empty body", draft({ body: [] }), "body"],
      ["a bad date", draft({ publishedAt: "yesterday" }), "publishedAt"],
      // The year 10000 in UTC: the store's times sort as text only within 0000-9999.
      ["a date past the year 9999 in UTC", draft({ updatedAt: "9999-12-31T23:00:00-05:00" }), "updatedAt"],
      ["a date before the year 0000 in UTC", draft({ publishedAt: "0000-01-01T00:00:00+01:00" }), "publishedAt"],
      ["a script URL image", draft({ image: { src: "javascript:alert(1)", alt: "", width: 1, height: 1 } }), "image"],
    ])("answers 400 naming the failing field for %s, and writes nothing", async (_case, body, field) => {
      const before = await server.store.countStories();
      const response = await send("PUT", "/api/stories/bad-story", body);
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe("invalid_story");
      expect(error.message).toContain(field);
      expect(await server.store.countStories()).toBe(before);
      expect((await fetch(`${server.url}/api/stories/bad-story`)).status).toBe(404);
    });

    it("answers 400 for a body that is not JSON, and for a bad slug in the path", async () => {
      expect((await send("PUT", "/api/stories/x-story", "{not json")).status).toBe(400);
      expect((await send("PUT", "/api/stories/Not_A_Slug", draft())).status).toBe(400);
    });

    it("answers 400 naming an author or tag a story names twice, and writes nothing", async () => {
      const twice = [
        {
          authors: [
            { slug: "ana-ferreira", name: "Ana Ferreira" },
            { slug: "ana-ferreira", name: "Ana Ferreira" },
          ],
        },
        {
          tags: [
            { slug: "transport", name: "Transport" },
            { slug: "ferries", name: "Ferries" },
            { slug: "transport", name: "Transport" },
          ],
        },
      ];
      for (const [index, overrides] of twice.entries()) {
        const response = await send("PUT", `/api/stories/named-twice-${index}`, draft(overrides));
        expect(response.status).toBe(400);
        const { error } = await response.json();
        expect(error.code).toBe("invalid_story");
        expect(error.message).toMatch(
          index === 0 ? /ana-ferreira is named twice[\s\S]*authors\[1\]/ : /transport is named twice[\s\S]*tags\[2\]/,
        );
        expect(await server.store.getStory(`named-twice-${index}`)).toBeNull();
      }
    });

    it("answers 413 for a body over the limit", async () => {
      const huge = draft({ body: [{ type: "paragraph", text: "x".repeat(2 * 1024 * 1024) }] });
      const response = await send("PUT", "/api/stories/huge", huge);
      expect(response.status).toBe(413);
      expect((await response.json()).error.code).toBe("payload_too_large");
    });
  });

  describe("DELETE /api/stories/:slug", () => {
    it("deletes a story (204), which then answers 404; a second delete is 404", async () => {
      expect((await send("PUT", "/api/stories/short-lived", draft())).status).toBe(201);
      expect((await send("DELETE", "/api/stories/short-lived")).status).toBe(204);
      expect((await fetch(`${server.url}/api/stories/short-lived`)).status).toBe(404);
      expect((await fetch(`${server.url}/stories/short-lived`)).status).toBe(404);
      expect((await send("DELETE", "/api/stories/short-lived")).status).toBe(404);
    });
  });

  describe("authorisation", () => {
    it.each([
      ["no token", undefined],
      ["a wrong token", "wrong-token"],
      ["a prefix of the token", TOKEN.slice(0, -1)],
    ])("answers 401 to %s, and changes nothing", async (_case, token) => {
      for (const [method, body] of [
        ["PUT", draft()],
        ["DELETE", undefined],
      ] as const) {
        const response = await send(method, "/api/stories/ferry-crew-pulls-kayakers-from-the-sound", body, {
          token: token ?? "",
        });
        expect(response.status).toBe(401);
        expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect((await response.json()).error.code).toBe("unauthorized");
      }
      const story = await (await fetch(`${server.url}/api/stories/ferry-crew-pulls-kayakers-from-the-sound`)).json();
      expect(story.headline).not.toBe(draft().headline);
    });

    it("answers 403 and says why when the server has no ADMIN_TOKEN", async () => {
      const response = await send("PUT", "/api/stories/anything", draft(), { target: closedServer });
      expect(response.status).toBe(403);
      const { error } = await response.json();
      expect(error.code).toBe("publishing_disabled");
      expect(error.message).toContain("ADMIN_TOKEN");
    });
  });
});
