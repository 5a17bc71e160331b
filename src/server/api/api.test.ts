// The JSON API, against the real server over HTTP on a real SQLite store with the demo stories.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storyPageSchema, storySchema } from "../../model/story";
import { testEngines } from "../../store/testDatabases";
import { startTestServer, type TestServer } from "../testServer";

describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine });
  });
  afterAll(() => server.close());

  const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, { redirect: "manual", ...init });
  const json = async (path: string) => {
    const response = await get(path);
    return { status: response.status, body: await response.json() };
  };

  describe("GET /api/stories", () => {
    it("walks every story exactly once, newest first, through the cursors", async () => {
      const total = await server.store.countStories();
      expect(total).toBeGreaterThanOrEqual(12);
      const seen: string[] = [];
      const times: string[] = [];
      let next: string | null = "";
      while (next !== null) {
        const query: string = next ? `?limit=5&cursor=${encodeURIComponent(next)}` : "?limit=5";
        const { status, body } = await json(`/api/stories${query}`);
        expect(status).toBe(200);
        const page = storyPageSchema.parse(body);
        seen.push(...page.items.map((s) => s.slug));
        times.push(...page.items.map((s) => s.publishedAt));
        next = page.nextCursor;
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect(times).toEqual([...times].sort().reverse());
    });

    it("filters by section, tag and author", async () => {
      const { body: sections } = await json("/api/sections");
      expect(sections.length).toBeGreaterThanOrEqual(3);
      for (const section of sections) {
        const { body } = await json(`/api/stories?section=${section.slug}&limit=50`);
        expect(body.items.length).toBeGreaterThan(0);
        expect(body.items.every((s: { section: { slug: string } }) => s.section.slug === section.slug)).toBe(true);
      }
      const { body: story } = await json("/api/stories/ferry-crew-pulls-kayakers-from-the-sound");
      const tag = story.tags[0].slug;
      const author = story.authors[0].slug;
      for (const filter of [`tag=${tag}`, `author=${author}`]) {
        const { body } = await json(`/api/stories?${filter}&limit=50`);
        expect(body.items.map((s: { slug: string }) => s.slug)).toContain(story.slug);
      }
      expect((await json(`/api/tags/${tag}`)).body).toEqual(story.tags[0]);
      expect((await json(`/api/authors/${author}`)).body).toEqual(story.authors[0]);
    });

    it.each([
      "?limit=0",
      "?limit=1000",
      "?limit=abc",
      "?cursor=not-a-cursor",
      "?section=Not%20A%20Slug",
      "?tag=%00",
      "?surprise=1",
      "?limit=1&limit=2",
    ])("answers 400 with a message for %s", async (query) => {
      const { status, body } = await json(`/api/stories${query}`);
      expect(status).toBe(400);
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toEqual(expect.any(String));
    });

    it("answers an empty page for a section with no stories", async () => {
      const { status, body } = await json("/api/stories?section=no-such-section");
      expect(status).toBe(200);
      expect(body).toEqual({ items: [], nextCursor: null });
    });
  });

  describe("GET /api/stories/:slug", () => {
    it("answers the whole story, valid against the model, with related stories and an absolute URL", async () => {
      const { status, body } = await json("/api/stories/ferry-crew-pulls-kayakers-from-the-sound");
      expect(status).toBe(200);
      const story = storySchema.parse(body);
      expect(story.url).toBe("https://news.example/stories/ferry-crew-pulls-kayakers-from-the-sound");
      expect(story.kicker).toBe("Watch");
      const inline = story.body.flatMap((b) => (b.type === "related" ? [b.slug] : []));
      expect(inline.length).toBeGreaterThanOrEqual(2);
      expect(story.related.slice(0, inline.length).map((s) => s.slug)).toEqual(inline);
      expect(story.related.map((s) => s.slug)).not.toContain(story.slug);
      expect(story.body.at(-1)?.type).toBe("video");
    });

    it("answers 400 for a path that is not valid percent-encoding", async () => {
      const { status, body } = await json("/api/stories/%E0%A4%A");
      expect(status).toBe(400);
      expect(body.error.message).toEqual(expect.any(String));
    });

    it.each(["no-such-story", "UPPER", "..%2F..%2Fetc", "a".repeat(500)])(
      "answers 404 with an error body for %s",
      async (slug) => {
        const { status, body } = await json(`/api/stories/${slug}`);
        expect(status).toBe(404);
        expect(body.error).toEqual({ code: expect.any(String), message: expect.any(String) });
      },
    );
  });

  describe("everything else under /api", () => {
    it("answers unknown API paths with a JSON 404 (wrong methods on known ones: http/requestEdges.test.ts)", async () => {
      for (const [method, path] of [
        ["GET", "/api/nope"],
        ["POST", "/api/nope"],
        ["DELETE", "/api/sections/city"],
      ] as const) {
        const response = await get(path, { method });
        expect(response.status).toBe(404);
        expect((await response.json()).error.code).toBe("not_found");
      }
    });

    it("answers health and readiness", async () => {
      expect(await json("/healthz")).toEqual({ status: 200, body: { status: "ok", eventStreams: 0 } });
      expect(await json("/readyz")).toEqual({ status: 200, body: { status: "ready" } });
    });
  });
});
