// Revisions: the store keeps a story as each changing write left it, in that write's transaction.
import { describe, expect, it } from "vitest";
import type { StoryInput } from "../model/story";
import type { StoryStore } from "./storyStore";
import { testEngines } from "./testDatabases";
import { freshStorePerTest, testStory } from "./testStore";

/** A story whose one paragraph is `text`. */
const story = (slug: string, text: string, extra: Partial<StoryInput> = {}): StoryInput =>
  testStory(slug, "2026-11-20T08:00:00.000Z", { body: [{ type: "paragraph", text }], ...extra });

const page = { limit: 10 };
const texts = async (store: StoryStore, slug: string) =>
  (await store.revisions(slug, page)).items.map((item) => [item.revision, item.story.body[0]]);

describe.each(testEngines)("revisions on %s", (engine) => {
  const { store } = freshStorePerTest(engine);

  it("keeps the story as each write left it, newest first, numbered from 1", async () => {
    const first = story("quay-lamps", "The lamps went out.");
    await store().saveStories([first]);
    const second = story("quay-lamps", "The lamps went out at nine.", { updatedAt: "2026-11-20T10:00:00.000Z" });
    await store().saveStories([second]);
    const { items, nextCursor } = await store().revisions("quay-lamps", page);
    expect(nextCursor).toBeNull();
    expect(items.map((item) => item.revision)).toEqual([2, 1]);
    expect(items[0]?.story).toEqual(second);
    expect(items[1]?.story).toEqual(first);
    expect(items[0]?.contentHash).not.toBe(items[1]?.contentHash);
    expect(items[0]?.contentHash).toMatch(/^[\w-]{43}$/);
    expect(Date.parse(items[0]?.savedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(items[1]?.savedAt ?? ""));
  });

  it("keeps none for a write that changes nothing", async () => {
    await store().saveStories([story("quay-lamps", "The lamps went out.")]);
    const { outcomes } = await store().saveStories([story("quay-lamps", "The lamps went out.")]);
    expect(outcomes[0]?.outcome).toBe("unchanged");
    expect(await texts(store(), "quay-lamps")).toEqual([[1, { type: "paragraph", text: "The lamps went out." }]]);
  });

  it("keeps none for a write that fails, not even of the batch's stories written before the failure", async () => {
    await store().saveStories([story("quay-lamps", "One."), story("ferry-late", "Late.")]);
    // The second story's move lands on a story already there: the whole batch rolls back.
    await expect(
      store().saveStories([
        story("quay-lamps", "Two."),
        { ...story("ferry-late", "Later."), slug: "quay-lamps", movedFrom: "ferry-late" },
      ]),
    ).rejects.toMatchObject({ code: "slug_taken" });
    expect(await texts(store(), "quay-lamps")).toEqual([[1, { type: "paragraph", text: "One." }]]);
    expect(await texts(store(), "ferry-late")).toEqual([[1, { type: "paragraph", text: "Late." }]]);
  });

  it("keeps a moved story's history under its new slug", async () => {
    await store().saveStories([story("ferry-late", "Late.")]);
    await store().saveStories([story("ferry-late", "Very late.")]);
    await store().saveStories([{ ...story("ferry-very-late", "Very late."), movedFrom: "ferry-late" }]);
    const { items } = await store().revisions("ferry-very-late", page);
    expect(items.map((item) => [item.revision, item.story.slug])).toEqual([
      [3, "ferry-very-late"],
      [2, "ferry-late"],
      [1, "ferry-late"],
    ]);
    expect((await store().revisions("ferry-late", page)).items).toEqual([]);
    // A new story at the old slug starts a history of its own.
    await store().saveStories([story("ferry-late", "Another ferry.")]);
    expect(await texts(store(), "ferry-late")).toEqual([[1, { type: "paragraph", text: "Another ferry." }]]);
  });

  it("pages newest first with a cursor, and drops the history with the story", async () => {
    for (const n of [1, 2, 3, 4, 5]) await store().saveStories([story("quay-lamps", `Take ${n}.`)]);
    const first = await store().revisions("quay-lamps", { limit: 2 });
    expect(first.items.map((item) => item.revision)).toEqual([5, 4]);
    expect(first.nextCursor).toBe("4");
    const second = await store().revisions("quay-lamps", { limit: 2, before: 4 });
    expect(second.items.map((item) => item.revision)).toEqual([3, 2]);
    const last = await store().revisions("quay-lamps", { limit: 2, before: 2 });
    expect(last).toEqual({ items: [expect.objectContaining({ revision: 1 })], nextCursor: null });

    expect(await store().deleteStory("quay-lamps")).toBe(true);
    expect((await store().revisions("quay-lamps", page)).items).toEqual([]);
    await store().saveStories([story("quay-lamps", "Back again.")]);
    expect(await texts(store(), "quay-lamps")).toEqual([[1, { type: "paragraph", text: "Back again." }]]);
    // Clearing the store() clears every history.
    expect(await store().clearStories()).toBe(1);
    expect((await store().revisions("quay-lamps", page)).items).toEqual([]);
  });
});
