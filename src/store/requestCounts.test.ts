// Request counts in the store, on each engine: fixed windows shared by every connection to one
// database (two stores stand in for two processes), peeks that do not count, and old windows swept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "./openStore";
import type { StoryStore } from "./storyStore";
import { createTestDatabase, type TestDatabase, testEngines } from "./testDatabases";

const MINUTE = 60_000;
const at = (time: string) => new Date(`2026-11-24T${time}Z`);

describe.each(testEngines)("request counts on %s", (engine) => {
  let database: TestDatabase;
  let one: StoryStore;
  let other: StoryStore;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    one = await openStore(database.url);
    other = await openStore(database.url);
  });
  afterAll(async () => {
    await other.close();
    await one.close();
    await database.drop();
  });

  it("counts a key in fixed windows, across every store on the database", async () => {
    const counts = [];
    for (const [store, time] of [
      [one, "10:15:01"],
      [other, "10:15:20"],
      [one, "10:15:59.999"],
    ] as const)
      counts.push(await store.countRequest("search:a", MINUTE, at(time)));
    const windowEnd = at("10:16:00").getTime();
    expect(counts).toEqual([1, 2, 3].map((count) => ({ count, windowEnd })));
    expect(await other.countRequest("search:b", MINUTE, at("10:15:30"))).toEqual({ count: 1, windowEnd });
    // A new window starts again from one.
    expect(await other.countRequest("search:a", MINUTE, at("10:16:00"))).toEqual({
      count: 1,
      windowEnd: at("10:17:00").getTime(),
    });
  });

  it("peeks without counting, and finds nothing once the window has passed", async () => {
    await one.countRequest("auth:a", MINUTE, at("11:00:10"));
    await one.countRequest("auth:a", MINUTE, at("11:00:20"));
    expect(await other.peekRequests("auth:a", at("11:00:30"))).toEqual({
      count: 2,
      windowEnd: at("11:01:00").getTime(),
    });
    expect(await other.peekRequests("auth:a", at("11:00:40"))).toMatchObject({ count: 2 });
    expect(await other.peekRequests("auth:a", at("11:01:00"))).toMatchObject({ count: 0 });
    expect(await other.peekRequests("auth:never", at("11:00:30"))).toMatchObject({ count: 0 });
  });

  it("sweeps passed windows as it counts", async () => {
    const sweeper = await openStore(database.url);
    await sweeper.countRequest("old:a", MINUTE, at("12:00:00"));
    expect(await sweeper.peekRequests("old:a", at("12:00:30"))).toMatchObject({ count: 1 });
    // A count an hour later sweeps: a window that has ended is gone, even to a peek from its time.
    await sweeper.countRequest("new:a", MINUTE, at("13:00:00"));
    await sweeper.close();
    expect(await one.peekRequests("old:a", at("12:00:30"))).toMatchObject({ count: 0 });
  });

  it("leaves the store's version alone: counting changes no content", async () => {
    const before = await one.version();
    await one.countRequest("version:a", MINUTE, at("14:00:00"));
    expect(await one.version()).toBe(before);
  });
});
