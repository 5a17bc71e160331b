// Kept answers that depend on what they show (docs/decisions/026), over HTTP on both engines: a
// write makes stale exactly the pages and API answers that show what it changed, every other
// stays kept, and each answer names its dependencies to a CDN.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { apiRequest, publisher, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startPurgeReceiver } from "../../test/purgeReceiver";
import { startTestServer, type TestServer } from "../testServer";

/** A culture story: no section, tag or link in common with the city, transport or world stories written below. */
const UNTOUCHED = "the-salt-year-review-tollhouse-theatre";
const EDITED = "gales-shut-kessel-strait-to-shipping";

describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  let api: ReturnType<typeof publisher>;
  const get = (path: string) => fetch(`${server.url}${path}`, { redirect: "manual" });
  beforeAll(async () => {
    server = await startTestServer({ engine, adminToken: TEST_TOKEN });
    api = publisher(server.url);
  });
  afterAll(() => server.close());

  /** Every page and API answer a reader or app can reach from the demo: the front, lists, stories, search. */
  async function everyAddress(): Promise<string[]> {
    const { items } = await (await get("/api/stories?limit=50")).json();
    const stories = await Promise.all(
      items.map(async (item: { slug: string }) => (await get(`/api/stories/${item.slug}`)).json()),
    );
    const tags = new Set<string>();
    const authors = new Set<string>();
    for (const story of stories) {
      for (const tag of story.tags) tags.add(tag.slug);
      for (const author of story.authors) authors.add(author.slug);
    }
    const sections = (await (await get("/api/sections")).json()).map((s: { slug: string }) => s.slug);
    return [
      "/",
      "/search?q=strait",
      "/api/stories?limit=20",
      "/api/search?q=strait",
      ...sections.flatMap((s: string) => [`/sections/${s}`, `/api/stories?section=${s}`]),
      ...[...tags].flatMap((t) => [`/tags/${t}`, `/api/stories?tag=${t}`]),
      ...[...authors].flatMap((a) => [`/authors/${a}`, `/api/stories?author=${a}`]),
      ...stories.flatMap((s: { slug: string }) => [`/stories/${s.slug}`, `/api/stories/${s.slug}`]),
    ];
  }

  const bodies = async (paths: string[]) =>
    Promise.all(paths.map(async (path) => ({ path, text: await (await get(path)).text() })));

  it("keeps an untouched story's page through an unrelated publish and a live entry elsewhere", async () => {
    const page = `/stories/${UNTOUCHED}`;
    const json = `/api/stories/${UNTOUCHED}`;
    const before = await (await get(page)).text();
    await get(json);
    expect((await api.put("night-buses-return", storyDraft())).status).toBe(201);
    expect(
      (
        await api.put(
          "strait-reopens-live",
          storyDraft({ headline: "Strait reopening, as it happens", section: "world", tags: [], live: true }),
        )
      ).status,
    ).toBe(201);
    const entry = await apiRequest(server.url, "POST", "/api/stories/strait-reopens-live/entries", {
      body: [{ type: "paragraph", text: "The first tug is through." }],
    });
    expect(entry.status).toBe(201);
    const work = server.work();
    const after = await get(page);
    expect(after.status).toBe(200);
    expect((await after.text()).replaceAll(/nonce="[\w-]+"/g, "")).toBe(before.replaceAll(/nonce="[\w-]+"/g, ""));
    await get(json);
    expect(server.work()).toEqual(work);
    // The live story's own page is made again, with its entry.
    expect(await (await get("/stories/strait-reopens-live")).text()).toContain("The first tug is through.");
  });

  it("keeps a story's page through a newer story in its own section and tag; a back-dated one makes it fresh", async () => {
    const page = `/stories/${UNTOUCHED}`;
    const own = await (await get(`/api/stories/${UNTOUCHED}`)).json();
    const before = await (await get(page)).text();
    const theatre = { section: "culture", tags: [{ slug: "theatre", name: "Theatre" }] };
    const now = new Date().toISOString();
    const newer = storyDraft({
      ...theatre,
      headline: "Tollhouse Theatre sells out its spring season",
      publishedAt: now,
    });
    expect((await api.put("tollhouse-spring-season", newer)).status).toBe(201);
    // The section's page lists it; the earlier story's page is not made again, and does not show it.
    expect(await (await get("/sections/culture")).text()).toContain("Tollhouse Theatre sells out its spring season");
    const work = server.work();
    const kept = await (await get(page)).text();
    expect(server.work()).toEqual(work);
    expect(kept.replaceAll(/nonce="[\w-]+"/g, "")).toBe(before.replaceAll(/nonce="[\w-]+"/g, ""));

    // A story dated just before it, in its section and tag, belongs in its related block at once.
    const earlier = new Date(new Date(own.publishedAt).getTime() - 60_000).toISOString();
    const backDated = storyDraft({
      ...theatre,
      headline: "Tollhouse Theatre rehearsals open to the public",
      publishedAt: earlier,
      updatedAt: earlier,
    });
    expect((await api.put("tollhouse-open-rehearsals", backDated)).status).toBe(201);
    expect(await (await get(page)).text()).toContain("Tollhouse Theatre rehearsals open to the public");
    expect(
      (await (await get(`/api/stories/${UNTOUCHED}`)).json()).related.map((s: { slug: string }) => s.slug),
    ).toContain("tollhouse-open-rehearsals");
  });

  it("serves every page that shows an edited, moved or deleted story fresh on the next request", async () => {
    const addresses = await everyAddress();
    const story = await (await get(`/api/stories/${EDITED}`)).json();
    const OLD_HEADLINE = story.headline;
    const kept = await bodies(addresses);
    expect(kept.filter(({ text }) => text.includes(OLD_HEADLINE)).length).toBeGreaterThan(10);

    // An edit: no answer shows the old headline any more.
    const edited = { ...story, headline: "Gales keep Kessel Strait shut for a fourth day" };
    expect((await api.put(EDITED, edited)).status).toBe(200);
    for (const { path, text } of await bodies(addresses)) expect(text, path).not.toContain(OLD_HEADLINE);

    // A move: no answer links the old slug; the story is at its new one.
    const moved = "gales-keep-kessel-strait-shut";
    expect((await api.put(EDITED, { ...edited, slug: moved })).status).toBe(200);
    for (const { path, text } of await bodies(addresses.filter((p) => !p.endsWith(EDITED)))) {
      expect(text, path).not.toContain(`/stories/${EDITED}"`);
      expect(text, path).not.toContain(`"slug":"${EDITED}"`);
    }
    expect((await get(`/stories/${EDITED}`)).status).toBe(301);

    // A delete: no answer links it.
    expect((await api.delete(moved)).status).toBe(204);
    for (const { path, text } of await bodies(addresses.filter((p) => !p.endsWith(EDITED)))) {
      expect(text, path).not.toContain(`/stories/${moved}"`);
      expect(text, path).not.toContain(`"slug":"${moved}"`);
    }
    expect((await get(`/stories/${moved}`)).status).toBe(404);
  });

  it("names each answer's dependencies to a CDN only when it purges one", async () => {
    // Without CDN_PURGE_URL nobody reads the keys: a reader does not carry them, fresh or kept.
    for (const path of [
      `/stories/${UNTOUCHED}`,
      `/stories/${UNTOUCHED}`,
      "/api/stories?section=culture",
      "/feed.xml",
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get("surrogate-key"), path).toBeNull();
      expect(answer.headers.get("cache-tag"), path).toBeNull();
    }
    // With purging on.
    const cdn = await startPurgeReceiver();
    const purging = await startTestServer({ engine, cdn: { purgeUrls: [cdn.url], sharedMaxAgeS: 3600 } });
    const viaPurging = (path: string) => fetch(`${purging.url}${path}`, { redirect: "manual" });
    try {
      const page = await viaPurging(`/stories/${UNTOUCHED}`);
      const keys = page.headers.get("surrogate-key")?.split(" ") ?? [];
      // Its related block fills from the culture and theatre stories published before it.
      expect(keys).toEqual(expect.arrayContaining(["all", `s:${UNTOUCHED}`, "sectionfill:culture", "tagfill:theatre"]));
      expect(page.headers.get("cache-tag")?.split(",")).toEqual(keys);
      const list = await viaPurging("/api/stories?section=culture");
      const listed = (await list.clone().json()).items.map((s: { slug: string }) => `s:${s.slug}`);
      expect(list.headers.get("surrogate-key")?.split(" ")).toEqual(
        expect.arrayContaining(["section:culture", ...listed]),
      );
      // A story that is not there yet names itself: a CDN keeping its 404 forgets it once it is published.
      const missing = await viaPurging("/stories/not-yet-written");
      expect(missing.status).toBe(404);
      expect(missing.headers.get("surrogate-key")?.split(" ")).toContain("s:not-yet-written");
      // A kept answer's second sending, and an answer whose route names its keys itself (the feed).
      expect((await viaPurging(`/stories/${UNTOUCHED}`)).headers.get("surrogate-key")?.split(" ")).toEqual(keys);
      expect((await viaPurging("/feed.xml")).headers.get("surrogate-key")?.split(" ")).toContain("stories");
    } finally {
      await purging.close();
      await cdn.close();
    }
  });
});
