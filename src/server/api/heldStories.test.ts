// A story that is not published never reaches a reader (docs/decisions/037): one walk over every
// surface a reader, a crawler or another site reads, for a draft, a scheduled story before its time
// and an unpublished one, beside a published story that must be found on each (so each check can
// fail). Real servers on both engines; a small HTTP server stands in for the CDN and records purges.
import { createServer, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { openEventStream } from "../../test/eventStream";
import { apiRequest, publisher, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const HOUR = 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** Each story with words of its own, so that search and pages can be asked about it alone. */
const stories = {
  published: { slug: "brindlewick-lantern-festival", headline: "Brindlewick lantern festival fills the quayside" },
  draft: { slug: "pellamoor-tram-depot-plans", headline: "Pellamoor tram depot plans drawn up" },
  scheduled: { slug: "quistmoor-ferry-timetable", headline: "Quistmoor ferry timetable changes in spring" },
  unpublished: { slug: "varnholt-market-closes", headline: "Varnholt market closes its doors" },
} as const;
type Kind = keyof typeof stories;

const storyOf = (kind: Kind) =>
  storyDraft({
    ...stories[kind],
    tags: [
      { slug: "transport", name: "Transport" },
      { slug: `${kind}-only`, name: `Only ${kind}` },
    ],
    authors: [{ slug: `${stories[kind].slug}-writer`, name: `Writer of ${stories[kind].slug}` }],
    publishedAt: ago(HOUR),
    updatedAt: ago(HOUR),
    body: [
      { type: "paragraph", text: `${stories[kind].headline}.` },
      { type: "video", title: "On the quay", sources: [{ src: "/media/ferry-rescue.mp4", type: "video/mp4" }] },
    ],
    live: true,
  });

describe.each(testEngines)("stories readers may not see, on %s", (engine) => {
  let server: TestServer;
  let cdn: ReturnType<typeof createServer>;
  const purges: string[][] = [];
  const get = (path: string) => fetch(`${server.url}${path}`, { redirect: "manual" });
  const text = async (path: string) => (await get(path)).text();

  beforeAll(async () => {
    cdn = createServer((request: IncomingMessage, response) => {
      purges.push(String(request.headers.xkey ?? "").split(" "));
      response.writeHead(200).end();
    });
    await new Promise<void>((resolve) => cdn.listen(0, "127.0.0.1", resolve));
    const { port } = cdn.address() as { port: number };
    server = await startTestServer({
      engine,
      adminToken: TEST_TOKEN,
      cdn: { purgeUrls: [`http://127.0.0.1:${port}/`], sharedMaxAgeS: 3600 },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    cdn?.close();
  });

  it("keeps drafts, scheduled stories before their time and unpublished ones off every surface", async () => {
    const { put } = publisher(server.url);
    const { last } = await server.store.changeLogBounds();
    const events = await openEventStream(`${server.url}/api/events?after=${last}`);

    // The story to unpublish is first published, read (its answers kept), viewed and linked.
    expect((await put(stories.unpublished.slug, storyOf("unpublished"))).status).toBe(201);
    expect((await get(`/stories/${stories.unpublished.slug}`)).status).toBe(200);
    expect((await get(`/api/stories/${stories.unpublished.slug}`)).status).toBe(200);
    expect((await get("/api/stories?limit=5")).status).toBe(200);
    const view = (slug: string) => apiRequest(server.url, "POST", "/api/views", { slug }, null);
    expect((await view(stories.unpublished.slug)).status).toBe(204);

    expect((await put(stories.published.slug, storyOf("published"))).status).toBe(201);
    expect((await view(stories.published.slug)).status).toBe(204);
    const draft = await put(stories.draft.slug, { ...storyOf("draft"), status: "draft" });
    expect(draft.status).toBe(201);
    expect(await draft.json()).toMatchObject({ status: "draft", revision: 1, story: { slug: stories.draft.slug } });
    const scheduled = await put(stories.scheduled.slug, {
      ...storyOf("scheduled"),
      status: "scheduled",
      publishAt: "2099-03-01T06:00:00.000Z",
    });
    expect(scheduled.status).toBe(201);
    expect(await scheduled.json()).toMatchObject({
      status: "scheduled",
      publishAt: "2099-03-01T06:00:00.000Z",
      story: { publishedAt: "2099-03-01T06:00:00.000Z" },
    });
    purges.length = 0;
    const unpublished = await put(stories.unpublished.slug, { ...storyOf("unpublished"), status: "unpublished" });
    expect(unpublished.status).toBe(200);
    // Its purge named its page and every list it was in, as for a delete.
    expect(purges.flat()).toEqual(
      expect.arrayContaining([
        `s:${stories.unpublished.slug}`,
        "stories",
        "section:city",
        "tag:transport",
        "tag:unpublished-only",
        `author:${stories.unpublished.slug}-writer`,
      ]),
    );
    // A story published after all of these, whose headline links every held one.
    expect(
      (
        await put(
          "quayside-round-up",
          storyDraft({
            headline: "Quayside round-up",
            body: [
              { type: "paragraph", text: "Around the quay this week." },
              ...(Object.keys(stories) as Kind[]).map((kind) => ({
                type: "related",
                headline: stories[kind].headline,
              })),
            ],
          }),
        )
      ).status,
    ).toBe(201);

    /**
     * Whether a surface shows the story: by its slug, which every link to it and every JSON answer
     * naming it carries (its headline alone stands in the round-up's body as plain text).
     */
    const shows = (body: string, kind: Kind) => body.includes(stories[kind].slug);
    const surfaces: [string, (kind: Kind) => Promise<boolean>][] = [
      ["its page", async (kind) => (await get(`/stories/${stories[kind].slug}`)).status === 200],
      ["its API answer", async (kind) => (await get(`/api/stories/${stories[kind].slug}`)).status === 200],
      ["its live entries", async (kind) => (await get(`/api/stories/${stories[kind].slug}/entries`)).status === 200],
      ["its live feed", async (kind) => (await get(`/stories/${stories[kind].slug}/feed.xml`)).status === 200],
      ["its embed", async (kind) => (await get(`/embed/${stories[kind].slug}`)).status === 200],
      ["its share card", async (kind) => (await get(`/og/${stories[kind].slug}.png`)).status === 200],
      [
        "oEmbed",
        async (kind) =>
          (await get(`/oembed?url=${encodeURIComponent(`https://news.example/stories/${stories[kind].slug}`)}`))
            .status === 200,
      ],
      ["the front page", async (kind) => shows(await text("/"), kind)],
      ["the newest list", async (kind) => shows(await text("/api/stories?limit=50"), kind)],
      ["the section's list", async (kind) => shows(await text("/api/stories?section=city&limit=50"), kind)],
      ["the section's page", async (kind) => shows(await text("/sections/city"), kind)],
      ["a tag's list", async (kind) => shows(await text("/api/stories?tag=transport&limit=50"), kind)],
      ["its own tag's page", async (kind) => shows(await text(`/tags/${kind}-only`), kind)],
      [
        "its author's list",
        async (kind) => shows(await text(`/api/stories?author=${stories[kind].slug}-writer`), kind),
      ],
      ["the site feed", async (kind) => shows(await text("/feed.xml"), kind)],
      ["the section feed", async (kind) => shows(await text("/sections/city/feed.xml"), kind)],
      ["the news sitemap", async (kind) => shows(await text("/news-sitemap.xml"), kind)],
      [
        "the monthly sitemaps",
        async (kind) => {
          const index = await text("/sitemap.xml");
          const children = [...index.matchAll(/<loc>https:\/\/news\.example(\/sitemaps\/[^<]+)<\/loc>/g)];
          const bodies = await Promise.all(children.map((match) => text(match[1] ?? "")));
          return bodies.some((body) => shows(body, kind));
        },
      ],
      ["search", async (kind) => shows(await text(`/api/search?q=${stories[kind].headline.split(" ")[0]}`), kind)],
      ["the search page", async (kind) => shows(await text(`/search?q=${stories[kind].headline.split(" ")[0]}`), kind)],
      ["most read", async (kind) => shows(await text("/api/most-read"), kind)],
      [
        "another story's related links",
        async (kind) => {
          const story = await (await get("/api/stories/quayside-round-up")).json();
          return story.body.some(
            (block: { type: string; slug?: string }) => block.type === "related" && block.slug === stories[kind].slug,
          );
        },
      ],
      [
        "another story's related stories",
        async (kind) => {
          const story = await (await get(`/api/stories/${stories.published.slug}`)).json();
          return story.related.some((related: { slug: string }) => related.slug === stories[kind].slug);
        },
      ],
    ];
    const seen: Record<string, Kind[]> = {};
    for (const [surface, finds] of surfaces) {
      seen[surface] = [];
      for (const kind of Object.keys(stories) as Kind[]) if (await finds(kind)) seen[surface].push(kind);
    }
    // The published story is on every surface but its related stories (not its own); no held one is on any.
    const expected = Object.fromEntries(
      surfaces.map(([surface]) => [surface, surface === "another story's related stories" ? [] : ["published"]]),
    );
    expect(seen).toEqual(expected);

    // The change stream told of the published stories and of the one that went, never of a held one.
    const told: { slug: string; change: string }[] = [];
    for (;;) {
      const event = await events.nextOf("story");
      const change = event.json as { slug: string; change: string };
      told.push({ slug: change.slug, change: change.change });
      if (change.slug === "quayside-round-up") break;
    }
    events.close();
    expect(told).toEqual([
      { slug: stories.unpublished.slug, change: "published" },
      { slug: stories.published.slug, change: "published" },
      { slug: stories.unpublished.slug, change: "deleted" },
      { slug: "quayside-round-up", change: "published" },
    ]);
  }, 120_000);

  it("republishes an unpublished story at the URL it had, with its old URLs, views and entries", async () => {
    const { put } = publisher(server.url);
    const slug = "tollgate-bridge-reopens";
    const story = storyDraft({
      slug: "tollgate-bridge-first",
      headline: "Tollgate bridge reopens to traffic",
      live: true,
    });
    expect((await put("tollgate-bridge-first", story)).status).toBe(201);
    // Moved once: its first URL leads to it.
    expect((await put("tollgate-bridge-first", { ...story, slug })).status).toBe(200);
    const entry = await apiRequest(server.url, "POST", `/api/stories/${slug}/entries`, {
      body: [{ type: "paragraph", text: "The first cars are across." }],
    });
    expect(entry.status).toBe(201);
    expect((await get("/stories/tollgate-bridge-first")).headers.get("location")).toBe(`/stories/${slug}`);
    expect((await apiRequest(server.url, "POST", "/api/views", { slug }, null)).status).toBe(204);
    expect(await (await get("/api/most-read")).text()).toContain(slug);

    expect((await put(slug, { ...story, slug, status: "unpublished" })).status).toBe(200);
    expect(await (await get("/api/most-read")).text()).not.toContain(slug);
    expect((await get(`/stories/${slug}`)).status).toBe(404);
    expect((await get("/stories/tollgate-bridge-first")).status).toBe(404);

    const back = await put(slug, { ...story, slug });
    expect(back.status).toBe(201);
    expect((await back.json()).slug).toBe(slug);
    expect((await get(`/stories/${slug}`)).status).toBe(200);
    expect((await get("/stories/tollgate-bridge-first")).headers.get("location")).toBe(`/stories/${slug}`);
    const entries = await (await get(`/api/stories/${slug}/entries`)).json();
    expect(entries.items.map((item: { body: { text: string }[] }) => item.body[0]?.text)).toEqual([
      "The first cars are across.",
    ]);
    expect(await (await get("/api/most-read")).text()).toContain(slug);
    // Its history is one, through every status.
    const revisions = await (
      await apiRequest(server.url, "GET", `/api/stories/${slug}/revisions`, undefined, TEST_TOKEN)
    ).json();
    expect(revisions.items.map((item: { revision: number }) => item.revision)).toEqual([4, 3, 2, 1]);
  });

  it("refuses a published story dated in the future, and a schedule without its time (400)", async () => {
    const { put } = publisher(server.url);
    const future = await put("too-soon", storyDraft({ publishedAt: "2099-01-01T00:00:00.000Z" }));
    expect(future.status).toBe(400);
    expect((await future.json()).error.message).toMatch(/publishedAt: .*in the future.*status "scheduled"/);
    const noTime = await put("too-soon", storyDraft({ status: "scheduled" }));
    expect(noTime.status).toBe(400);
    expect((await noTime.json()).error.message).toContain("publishAt");
    const badStatus = await put("too-soon", storyDraft({ status: "archived" }));
    expect(badStatus.status).toBe(400);
    expect((await get("/stories/too-soon")).status).toBe(404);
  });

  it("deletes a draft as it deletes a story", async () => {
    const { put, delete: remove } = publisher(server.url);
    expect((await put("short-lived-draft", storyDraft({ status: "draft" }))).status).toBe(201);
    expect((await remove("short-lived-draft")).status).toBe(204);
    expect((await remove("short-lived-draft")).status).toBe(404);
    expect((await put("short-lived-draft", storyDraft({ status: "draft" }))).status).toBe(201);
  });
});
