// Writers racing each other through the publishing API, on both engines: no 5xx, and the store
// ends as if they had come one after another (docs/decisions/012-the-store-survives-its-database.md).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { publisher } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const TOKEN = "concurrent-writes-admin-token-0123456789";

const authors = [
  { slug: "ana-ferreira", name: "Ana Ferreira" },
  { slug: "bo-lindqvist", name: "Bo Lindqvist" },
  { slug: "chidi-okafor", name: "Chidi Okafor" },
  { slug: "dana-reyes", name: "Dana Reyes" },
];

const draft = (overrides: Record<string, unknown> = {}) => ({
  headline: "Night buses return to the harbour line",
  section: "city",
  authors,
  tags: [
    { slug: "transport", name: "Transport" },
    { slug: "night-life", name: "Night life" },
  ],
  publishedAt: "2026-11-24T06:00:00.000Z",
  updatedAt: "2026-11-24T06:00:00.000Z",
  body: [{ type: "paragraph", text: "The night buses run again from Friday." }],
  ...overrides,
});

describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: TOKEN, engine });
  });
  afterAll(async () => {
    await server.close();
  });

  const put = (slug: string, body: unknown) => publisher(server.url, TOKEN).put(slug, body);

  it("20 parallel PUTs of a new story, authors in different orders: exactly one 201, the rest 200", async () => {
    const orders = Array.from({ length: 20 }, (_, i) => {
      const rotated = [...authors.slice(i % 4), ...authors.slice(0, i % 4)];
      return i % 2 ? rotated.reverse() : rotated;
    });
    const responses = await Promise.all(orders.map((order) => put("night-buses-return", draft({ authors: order }))));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(19);
    const story = await (await fetch(`${server.url}/api/stories/night-buses-return`)).json();
    expect(story.authors.map((a: { slug: string }) => a.slug).sort()).toEqual(authors.map((a) => a.slug));
  });

  it("two parallel moves of one story, to b and to c: one wins, the other finds nothing to move", async () => {
    expect((await put("racing-move-a", draft({ headline: "A story that moves twice at once" }))).status).toBe(201);
    const [toB, toC] = await Promise.all([
      put("racing-move-a", draft({ headline: "A story that moves twice at once", slug: "racing-move-b" })),
      put("racing-move-a", draft({ headline: "A story that moves twice at once", slug: "racing-move-c" })),
    ]);
    const statuses = [toB.status, toC.status].sort();
    expect(statuses[0]).toBe(200);
    expect([404, 409]).toContain(statuses[1]);
    const exists = async (slug: string) => (await fetch(`${server.url}/api/stories/${slug}`)).status === 200;
    const [b, c] = [await exists("racing-move-b"), await exists("racing-move-c")];
    expect([b, c].filter(Boolean)).toHaveLength(1);
    // The old slug leads to the winner.
    const old = await fetch(`${server.url}/api/stories/racing-move-a`);
    expect((await old.json()).slug).toBe(b ? "racing-move-b" : "racing-move-c");
  });

  it("parallel moves of two stories onto one free slug: one wins, the other is told the slug is taken", async () => {
    expect((await put("crossing-one", draft({ headline: "The first of two crossing moves" }))).status).toBe(201);
    expect((await put("crossing-two", draft({ headline: "The second of two crossing moves" }))).status).toBe(201);
    const responses = await Promise.all([
      put("crossing-one", draft({ headline: "The first of two crossing moves", slug: "crossing-target" })),
      put("crossing-two", draft({ headline: "The second of two crossing moves", slug: "crossing-target" })),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    const loser = responses[0]?.status === 409 ? "crossing-one" : "crossing-two";
    expect((await fetch(`${server.url}/api/stories/${loser}`)).status).toBe(200);
  });
});
