// "Most read" through the real API, on each engine: views counted per hour, bounded per reader.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { startTestServer, type TestServer } from "../testServer";

describe.each(testEngines)("views on %s", (engine) => {
  let server: TestServer;
  let clock = new Date("2026-11-24T10:15:00.000Z");
  beforeAll(async () => {
    server = await startTestServer({ engine, trustProxy: true, now: () => clock });
  });
  afterAll(() => server.close());

  const view = (slug: string, reader: string, type = "application/json") =>
    fetch(`${server.url}/api/views`, {
      method: "POST",
      headers: { "content-type": type, "x-forwarded-for": reader },
      body: JSON.stringify({ slug }),
    });
  const mostRead = async () =>
    (await (await fetch(`${server.url}/api/most-read`)).json()).map((s: { slug: string }) => s.slug);

  it("ranks the stories most read in the last 24 hours, counting a reader once per story and hour", async () => {
    const readers = ["10.0.0.1", "10.0.0.2", "10.0.0.3"];
    for (const reader of readers) expect((await view("why-merrow-fog-is-getting-thicker", reader)).status).toBe(204);
    for (let i = 0; i < 5; i++)
      expect((await view("old-cannery-to-become-affordable-homes", "10.0.0.9")).status).toBe(204);
    expect((await view("council-backs-harbour-flood-wall", "10.0.0.1", "text/plain;charset=UTF-8")).status).toBe(204);
    expect((await view("council-backs-harbour-flood-wall", "10.0.0.2")).status).toBe(204);
    expect(await mostRead()).toEqual([
      "why-merrow-fog-is-getting-thicker",
      "council-backs-harbour-flood-wall",
      "old-cannery-to-become-affordable-homes",
    ]);
    clock = new Date("2026-11-25T10:30:00.000Z");
    expect(await mostRead()).toEqual([]);
  });

  it("refuses what is not a view of a story", async () => {
    expect((await view("no-such-story", "10.0.1.1")).status).toBe(404);
    for (const body of ["{}", '{"slug":"Not A Slug"}', "not json", '{"slug":"a","extra":1}'])
      expect(
        (
          await fetch(`${server.url}/api/views`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": "10.0.1.2" },
            body,
          })
        ).status,
      ).toBe(400);
  });

  it("answers 429 to a client reporting more views than a reader could", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await view(`no-story-${i}`, "10.0.2.1")).status);
    expect(statuses.filter((s) => s === 429).length).toBe(10);
  });
});
