// The change log on both engines: one row per change a reader can see, none for a write that
// changed nothing or failed, and ids that only grow.
import { describe, expect, it } from "vitest";
import type { StoryInput } from "../model/story";
import { testEngines } from "./testDatabases";
import { freshStorePerTest } from "./testStore";

const story = (slug: string, overrides: Partial<StoryInput> = {}): StoryInput => ({
  slug,
  headline: `The story at ${slug}`,
  section: "city",
  authors: [],
  tags: [],
  publishedAt: "2026-11-20T09:00:00.000Z",
  updatedAt: "2026-11-20T09:00:00.000Z",
  body: [{ type: "paragraph", text: "A paragraph." }],
  ...overrides,
});

describe.each(testEngines)("the change log on %s", (engine) => {
  const { store } = freshStorePerTest(engine);

  it("logs each story published, edited or deleted, in order, and nothing for a write that changed nothing", async () => {
    await store().saveStories([story("quay-lights"), story("quay-works")]);
    await store().saveStories([story("quay-lights")]); // the same story again
    await store().saveStories([story("quay-lights", { headline: "The quay lights are back" })]);
    await store().deleteStory("quay-works");
    await store().deleteStory("no-such-story");
    const changes = await store().changesAfter(0, 100);
    expect(changes.map(({ kind, data }) => [kind, data.slug, data.change])).toEqual([
      ["story", "quay-lights", "published"],
      ["story", "quay-works", "published"],
      ["story", "quay-lights", "updated"],
      ["story", "quay-works", "deleted"],
    ]);
    const ids = changes.map((change) => change.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(await store().changeLogBounds()).toEqual({ first: ids[0], last: ids.at(-1) });
    expect(await store().changesAfter(ids[1] ?? 0, 1)).toEqual([changes[2]]);
  });

  it("logs nothing for a batch that failed", async () => {
    await store().saveStories([story("quay-lights")]);
    const before = await store().changeLogBounds();
    await expect(
      store().saveStories([story("quay-bridge"), story("quay-ferry", { section: "nowhere" })]),
    ).rejects.toThrow();
    expect(await store().changeLogBounds()).toEqual(before);
    expect(await store().getStory("quay-bridge")).toBeNull();
  });

  it("wakes a watcher after each write through it", async () => {
    let woken = 0;
    const stop = store().watchChanges(() => {
      woken += 1;
    });
    await store().saveStories([story("quay-lights")]);
    await expect.poll(() => woken).toBeGreaterThan(0);
    await stop();
  });
});
