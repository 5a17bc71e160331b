// Authors and tags are shared records, against the real server and store of each engine: a story's
// PUT may not rename one (409, naming the name it has), and renaming one (PUT /api/authors/:slug,
// /api/tags/:slug) changes every story naming it as a write of each would: the API, the pages (kept
// ones too), a revision, a later updatedAt, and a `story` event on the change stream for each.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revisionPageSchema } from "../../model/revision";
import { storySchema } from "../../model/story";
import { testEngines } from "../../store/testDatabases";
import { openEventStream } from "../../test/eventStream";
import { apiRequest, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

/** Mara Lindqvist's demo stories. */
const MARAS = ["ferry-crew-pulls-kayakers-from-the-sound", "why-merrow-fog-is-getting-thicker"];

describe.each(testEngines)("authors and tags shared by stories, on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ engine, adminToken: TEST_TOKEN });
  });
  afterAll(() => server.close());

  const send = (method: string, path: string, body?: unknown, token: string | null = TEST_TOKEN) =>
    apiRequest(server.url, method, path, body, token);
  const story = async (slug: string) => storySchema.parse(await (await send("GET", `/api/stories/${slug}`)).json());
  const error = async (response: Response) =>
    ((await response.json()) as { error: { code: string; message: string } }).error;

  it("refuses (409) a story that names an author or tag by another name, naming the one it has", async () => {
    const renaming = await send(
      "PUT",
      "/api/stories/renames-by-the-back-door",
      storyDraft({ authors: [{ slug: "mara-lindqvist", name: "Renamed By Another Story" }] }),
    );
    expect(renaming.status).toBe(409);
    const { code, message } = await error(renaming);
    expect(code).toBe("name_conflict");
    expect(message).toContain('authors[0].name: mara-lindqvist is "Mara Lindqvist"');
    expect(message).toContain("PUT /api/authors/mara-lindqvist");
    expect(await server.store.getStory("renames-by-the-back-door")).toBeNull();
    for (const slug of MARAS)
      expect((await story(slug)).authors).toContainEqual({ slug: "mara-lindqvist", name: "Mara Lindqvist" });

    const tagged = await send(
      "PUT",
      "/api/stories/renames-a-tag",
      storyDraft({
        tags: [
          { slug: "transport", name: "Transport" },
          { slug: "weather", name: "WEATHER!" },
        ],
      }),
    );
    expect(tagged.status).toBe(409);
    expect((await error(tagged)).message).toContain('tags[1].name: weather is "Weather"');
    expect((await (await send("GET", "/api/tags/weather")).json()).name).toBe("Weather");
  });

  it("takes a story naming authors and tags as they are, and new ones by the names it gives", async () => {
    const response = await send(
      "PUT",
      "/api/stories/names-as-they-are",
      storyDraft({
        authors: [
          { slug: "mara-lindqvist", name: "Mara Lindqvist" },
          { slug: "new-correspondent", name: "New Correspondent" },
        ],
        tags: [{ slug: "brand-new-tag", name: "Brand New Tag" }],
      }),
    );
    expect(response.status).toBe(201);
    expect((await (await send("GET", "/api/authors/new-correspondent")).json()).name).toBe("New Correspondent");
    expect((await (await send("GET", "/api/tags/brand-new-tag")).json()).name).toBe("Brand New Tag");
    expect((await send("DELETE", "/api/stories/names-as-they-are")).status).toBe(204);
  });

  it("renames an author on every story, each with a revision, a later updatedAt and a change event", async () => {
    const before = await Promise.all(MARAS.map(story));
    const revisionsBefore = await Promise.all(MARAS.map(revisionCount));
    // A kept page and a kept API answer of each, to be answered afresh after the rename.
    for (const slug of MARAS) {
      expect(await (await fetch(`${server.url}/stories/${slug}`)).text()).toContain("Mara Lindqvist");
      await fetch(`${server.url}/api/stories/${slug}`).then((r) => r.arrayBuffer());
    }
    const stream = await openEventStream(`${server.url}/api/events`);
    await stream.nextOf("ready");
    const startedAt = Date.now();

    expect((await send("PUT", "/api/authors/mara-lindqvist", { name: "Mara Lindqvist-Berg" }, null)).status).toBe(401);
    const renamed = await send("PUT", "/api/authors/mara-lindqvist", { name: "Mara Lindqvist-Berg" });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toEqual({ slug: "mara-lindqvist", name: "Mara Lindqvist-Berg" });

    const events = [await stream.nextOf("story"), await stream.nextOf("story")];
    stream.close();
    expect(
      events
        .map((event) => event.json)
        .sort((a, b) => String((a as { slug: string }).slug).localeCompare((b as { slug: string }).slug)),
    ).toEqual(MARAS.map((slug) => ({ slug, updatedAt: expect.any(String), change: "updated" })));
    for (const [index, slug] of MARAS.entries()) {
      const after = await story(slug);
      expect(after.authors).toContainEqual({ slug: "mara-lindqvist", name: "Mara Lindqvist-Berg" });
      expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before[index]?.updatedAt ?? ""));
      expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(await revisionCount(slug)).toBe((revisionsBefore[index] ?? 0) + 1);
      const [latest] = await revisions(slug);
      expect(latest?.story.authors).toContainEqual({ slug: "mara-lindqvist", name: "Mara Lindqvist-Berg" });
      expect(latest?.story.updatedAt).toBe(after.updatedAt);
      const page = await (await fetch(`${server.url}/stories/${slug}`)).text();
      expect(page).toContain("Mara Lindqvist-Berg");
    }
    expect((await (await send("GET", "/api/authors/mara-lindqvist")).json()).name).toBe("Mara Lindqvist-Berg");
    expect(await (await fetch(`${server.url}/authors/mara-lindqvist`)).text()).toContain("Mara Lindqvist-Berg");

    // A story now names her by the new name; the old one is the conflict.
    const [first] = MARAS;
    const { url: _url, related: _related, hasVideo: _hasVideo, ...current } = await story(first ?? "");
    expect((await send("PUT", `/api/stories/${first}`, current)).status).toBe(200);
    const stale = {
      ...current,
      authors: current.authors.map((a) => (a.slug === "mara-lindqvist" ? { ...a, name: "Mara Lindqvist" } : a)),
    };
    expect((await send("PUT", `/api/stories/${first}`, stale)).status).toBe(409);
  });

  it("keeps everything as it was when the name is the one it has", async () => {
    const counts = await Promise.all(MARAS.map(revisionCount));
    const renamed = await send("PUT", "/api/authors/mara-lindqvist", { name: "Mara Lindqvist-Berg" });
    expect(renamed.status).toBe(200);
    expect(await Promise.all(MARAS.map(revisionCount))).toEqual(counts);
  });

  it("renames a tag on every story filed under it", async () => {
    const tagged = (await (await send("GET", "/api/stories?tag=climate&limit=50")).json()).items as { slug: string }[];
    expect(tagged.length).toBeGreaterThan(0);
    const renamed = await send("PUT", "/api/tags/climate", { name: "Climate and Weather" });
    expect(renamed.status).toBe(200);
    for (const { slug } of tagged)
      expect((await story(slug)).tags).toContainEqual({ slug: "climate", name: "Climate and Weather" });
    expect(await (await fetch(`${server.url}/tags/climate`)).text()).toContain("Climate and Weather");
  });

  it("answers 404 for no such author or tag, and 400 for a name it cannot take", async () => {
    const cases: [string, unknown, number, string][] = [
      ["/api/authors/no-such-author", { name: "Nobody" }, 404, "author_not_found"],
      ["/api/tags/no-such-tag", { name: "Nothing" }, 404, "tag_not_found"],
      ["/api/authors/Not%20A%20Slug", { name: "Nobody" }, 404, "not_found"],
      ["/api/authors/mara-lindqvist", { name: "" }, 400, "bad_request"],
      ["/api/authors/mara-lindqvist", { name: "Mara\u202eBerg" }, 400, "bad_request"],
      ["/api/authors/mara-lindqvist", { name: "x".repeat(121) }, 400, "bad_request"],
      ["/api/authors/mara-lindqvist", { name: "Mara", slug: "other" }, 400, "bad_request"],
      ["/api/tags/climate", "not json", 400, "bad_request"],
    ];
    for (const [path, body, status, code] of cases) {
      const response = await send("PUT", path, body);
      expect(response.status, path).toBe(status);
      expect((await error(response)).code, path).toBe(code);
    }
    expect((await (await send("GET", "/api/authors/mara-lindqvist")).json()).name).toBe("Mara Lindqvist-Berg");
  });

  async function revisions(slug: string) {
    return revisionPageSchema.parse(await (await send("GET", `/api/stories/${slug}/revisions?limit=20`)).json()).items;
  }
  async function revisionCount(slug: string) {
    return (await revisions(slug)).length;
  }
});
