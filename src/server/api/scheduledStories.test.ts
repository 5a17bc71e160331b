// A scheduled story goes out at its time, once (docs/decisions/037): two real servers on one store
// (PostgreSQL when TEST_DATABASE_URL is set, and SQLite), both looking for due stories every few
// milliseconds, so both try to publish each one; each is published once: one change in the change
// stream, one revision, and every kept list and page shows it on the next request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { openEventStream } from "../../test/eventStream";
import { apiRequest, publisher, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const SLUGS = ["dawn-ferry-a", "dawn-ferry-b", "dawn-ferry-c", "dawn-ferry-d"];

describe.each(testEngines)("scheduled stories on two servers on one %s store", (engine) => {
  let first: TestServer;
  let second: TestServer;
  /** What each server logged: a server that publishes scheduled stories says which. */
  const logged: { server: string; published: string[] }[] = [];
  const logOf = (server: string) => ({
    write(line: string) {
      const { published } = JSON.parse(line) as { published?: string[] };
      if (published) logged.push({ server, published });
    },
  });
  beforeAll(async () => {
    first = await startTestServer({ engine, adminToken: TEST_TOKEN, schedulePollMs: 15, logStream: logOf("first") });
    second = await startTestServer({
      engine,
      logStream: logOf("second"),
      adminToken: TEST_TOKEN,
      demo: false,
      schedulePollMs: 15,
      database: { url: first.databaseUrl, drop: async () => {} },
    });
  }, 60_000);
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it("publishes each at its time, once, through the change stream and kept answers", async () => {
    const publishAt = new Date(Date.now() + 5_000).toISOString();
    const { put } = publisher(first.url);
    for (const slug of SLUGS) {
      const response = await put(slug, {
        ...storyDraft({ headline: `Dawn ferry ${slug.slice(-1)} sails at six`, updatedAt: new Date().toISOString() }),
        publishedAt: new Date().toISOString(),
        status: "scheduled",
        publishAt,
      });
      expect(response.status).toBe(201);
    }
    const { last } = await second.store.changeLogBounds();
    const events = await openEventStream(`${second.url}/api/events?after=${last}`);
    // Before its time: nowhere, and the lists that leave it out are kept.
    for (const server of [first, second]) {
      expect((await fetch(`${server.url}/stories/${SLUGS[0]}`)).status).toBe(404);
      expect(await (await fetch(`${server.url}/api/stories?limit=5`)).text()).not.toContain("dawn-ferry");
    }

    const told: { slug: string; change: string }[] = [];
    while (told.length < SLUGS.length) {
      const event = await events.nextOf("story");
      const change = event.json as { slug: string; change: string };
      told.push({ slug: change.slug, change: change.change });
    }
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(publishAt));
    expect(told.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual(
      SLUGS.map((slug) => ({ slug, change: "published" })),
    );
    for (const server of [first, second]) {
      const list = await (await fetch(`${server.url}/api/stories?limit=${SLUGS.length}`)).json();
      expect(list.items.map((item: { slug: string }) => item.slug).sort()).toEqual(SLUGS);
      const story = await (await fetch(`${server.url}/api/stories/${SLUGS[0]}`)).json();
      expect(story.publishedAt).toBe(publishAt);
    }
    // Both servers kept looking for a while longer: nothing went out twice.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const changes = (await first.store.changesAfter(last, 100)).filter((change) => change.data.slug.startsWith("dawn"));
    expect(changes).toHaveLength(SLUGS.length);
    // Each was published by one server, once (a store that let both claim it would log it twice).
    expect(logged.flatMap((line) => line.published).sort()).toEqual(SLUGS);
    for (const slug of SLUGS) {
      const revisions = await (
        await apiRequest(second.url, "GET", `/api/stories/${slug}/revisions`, undefined, TEST_TOKEN)
      ).json();
      expect(revisions.items.map((item: { revision: number }) => item.revision)).toEqual([2, 1]);
    }
    events.close();
  }, 60_000);

  it("goes out under the names its authors have by then, when one was renamed while it waited", async () => {
    const slug = "lighthouse-keepers-reunion";
    const publishAt = new Date(Date.now() + 1_000).toISOString();
    const author = { slug: "rui-salgado", name: "Rui Salgado" };
    const response = await publisher(first.url).put(slug, {
      ...storyDraft({ headline: "Lighthouse keepers meet again", authors: [author] }),
      status: "scheduled",
      publishAt,
    });
    expect(response.status).toBe(201);
    // The author is published elsewhere, then renamed everywhere, before the story's time.
    expect((await publisher(first.url).put("rui-salgado-column", storyDraft({ authors: [author] }))).status).toBe(201);
    const renamed = await apiRequest(first.url, "PUT", "/api/authors/rui-salgado", { name: "Rui M. Salgado" });
    expect(renamed.status).toBe(200);
    await expect
      .poll(async () => (await fetch(`${second.url}/api/stories/${slug}`)).status, { timeout: 10_000 })
      .toBe(200);
    const story = await (await fetch(`${second.url}/api/stories/${slug}`)).json();
    expect(story.authors).toEqual([{ slug: "rui-salgado", name: "Rui M. Salgado" }]);
  }, 30_000);
});
