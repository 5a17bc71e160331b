// Live coverage in the real store, on each engine: entries written, ordered, pinned, paged by
// keyset, gone with their story, and a refused write leaving nothing behind.
import { beforeEach, describe, expect, it } from "vitest";
import type { LiveEntry, LiveEntryInput } from "../model/liveEntry";
import type { StoryInput } from "../model/story";
import { type EntryWritten, liveEntryReads, liveEntryWrites } from "./liveEntries";
import { connect } from "./openStore";
import { testEngines } from "./testDatabases";
import { freshStorePerTest, testStory } from "./testStore";

const AT = "2026-11-27T08:00:00.000Z";

const story = (slug: string, extra: Partial<StoryInput> = {}): StoryInput => testStory(slug, AT, extra);

const entry = (minute: number, text: string, extra: Partial<LiveEntryInput> = {}): LiveEntryInput => ({
  postedAt: new Date(Date.parse(AT) + minute * 60_000).toISOString(),
  body: [{ type: "paragraph", text }],
  ...extra,
});

const NOW = new Date("2026-11-27T12:00:00.000Z");

describe.each(testEngines)("on %s", (engine) => {
  const { store, databaseUrl } = freshStorePerTest(engine);
  beforeEach(async () => {
    await store().saveStories([story("storm-live", { live: true }), story("quiet-story")]);
  });

  const texts = (entries: LiveEntry[]) =>
    entries.map(({ body: [block] }) => (block?.type === "paragraph" ? block.text : ""));

  it("marks a story live from its publication, and other stories not at all", async () => {
    expect(await store().getStory("storm-live")).toMatchObject({ live: true, coverage: { startedAt: AT } });
    const quiet = await store().getStory("quiet-story");
    expect(quiet?.live).toBeUndefined();
    expect(quiet?.coverage).toBeUndefined();
  });

  it("ends the coverage when live goes false, keeping when it started, and takes no entries after", async () => {
    const before = Date.now();
    await store().saveStories([story("storm-live", { live: false })]);
    const ended = await store().getStory("storm-live");
    expect(ended?.live).toBe(false);
    expect(ended?.coverage?.startedAt).toBe(AT);
    const endedAt = Date.parse(ended?.coverage?.endedAt ?? "");
    expect(endedAt).toBeGreaterThanOrEqual(before - 1000);
    await expect(store().addEntry("storm-live", entry(1, "Late"), NOW)).rejects.toMatchObject({
      code: "story_not_live",
      status: 409,
    });
    await expect(store().addEntry("quiet-story", entry(1, "Never live"), NOW)).rejects.toMatchObject({
      code: "story_not_live",
    });
    await expect(store().addEntry("no-such-story", entry(1, "Nowhere"), NOW)).rejects.toMatchObject({
      code: "story_not_found",
    });
    // Live again: the same coverage goes on.
    await store().saveStories([story("storm-live", { live: true })]);
    expect(await store().getStory("storm-live")).toMatchObject({ live: true, coverage: { startedAt: AT } });
    expect((await store().getStory("storm-live"))?.coverage?.endedAt).toBeUndefined();
  });

  it("writes, reads back, edits and deletes entries, each write raising the store version", async () => {
    const v0 = await store().version();
    const first = await store().addEntry("storm-live", entry(5, "Winds reach the harbour", { headline: "Winds" }), NOW);
    expect(first).toMatchObject({
      postedAt: "2026-11-27T08:05:00.000Z",
      updatedAt: NOW.toISOString(),
      headline: "Winds",
      pinned: false,
    });
    const v1 = await store().version();
    expect(v1).toBeGreaterThan(v0);

    const later = new Date("2026-11-27T12:30:00.000Z");
    const edited = await store().updateEntry(
      "storm-live",
      first.id,
      { body: [{ type: "paragraph", text: "Gusts" }] },
      later,
    );
    expect(edited).toMatchObject({ id: first.id, postedAt: first.postedAt, updatedAt: later.toISOString() });
    expect(edited.headline).toBeUndefined();
    expect(await store().version()).toBeGreaterThan(v1);
    expect(texts((await store().listEntries("storm-live", { limit: 10 }))?.items ?? [])).toEqual(["Gusts"]);

    await store().deleteEntry("storm-live", first.id);
    expect((await store().listEntries("storm-live", { limit: 10 }))?.items).toEqual([]);
    await expect(store().deleteEntry("storm-live", first.id)).rejects.toMatchObject({ code: "entry_not_found" });
    await expect(store().updateEntry("nowhere", first.id, entry(1, "x"), NOW)).rejects.toMatchObject({
      code: "story_not_found",
    });
  });

  it("lists entries newest first, pinned ones apart on the first page, and pages the rest by keyset", async () => {
    // Two at the same minute: the later id is the newer.
    for (const [minute, text] of [
      [1, "one"],
      [3, "three"],
      [2, "two"],
      [3, "three-b"],
      [4, "four"],
      [5, "five"],
    ] as const)
      await store().addEntry("storm-live", entry(minute, text), NOW);
    const key = await store().addEntry("storm-live", entry(0, "key facts", { pinned: true }), NOW);

    const first = await store().listEntries("storm-live", { limit: 2 });
    expect(texts(first?.pinned ?? [])).toEqual(["key facts"]);
    expect(first?.pinned[0]?.id).toBe(key.id);
    expect(texts(first?.items ?? [])).toEqual(["five", "four"]);
    const seen: string[] = [...texts(first?.items ?? [])];
    let before = first?.nextBefore ?? null;
    while (before !== null) {
      const page = await store().listEntries("storm-live", { before, limit: 2 });
      expect(page?.pinned).toEqual([]);
      seen.push(...texts(page?.items ?? []));
      before = page?.nextBefore ?? null;
    }
    expect(seen).toEqual(["five", "four", "three-b", "three", "two", "one"]);

    // An entry added while a reader pages does not shift the pages below the one they hold.
    const second = await store().listEntries("storm-live", { before: first?.nextBefore ?? 0, limit: 2 });
    await store().addEntry("storm-live", entry(6, "six"), NOW);
    expect(await store().listEntries("storm-live", { before: first?.nextBefore ?? 0, limit: 2 })).toEqual(second);

    // Unpinned, an entry goes back to its place in time.
    await store().updateEntry("storm-live", key.id, { ...entry(0, "key facts"), pinned: false }, NOW);
    const all = await store().listEntries("storm-live", { limit: 50 });
    expect(all?.pinned).toEqual([]);
    expect(texts(all?.items ?? []).at(-1)).toBe("key facts");
    expect(texts(await store().newestEntries("storm-live", 2))).toEqual(["six", "five"]);
  });

  it("refuses a cursor that names no entry of the story, and answers null for no story", async () => {
    const other = await store().addEntry("storm-live", entry(1, "one"), NOW);
    await expect(store().listEntries("storm-live", { before: other.id + 1000, limit: 5 })).rejects.toMatchObject({
      status: 400,
    });
    expect(await store().listEntries("no-such-story", { limit: 5 })).toBeNull();
  });

  it("pins at most three, and a refused pin writes nothing", async () => {
    for (const minute of [1, 2, 3])
      await store().addEntry("storm-live", entry(minute, `pin ${minute}`, { pinned: true }), NOW);
    const version = await store().version();
    await expect(store().addEntry("storm-live", entry(4, "pin 4", { pinned: true }), NOW)).rejects.toMatchObject({
      code: "too_many_pinned",
      status: 409,
    });
    const plain = await store().addEntry("storm-live", entry(5, "plain"), NOW);
    const afterPlain = await store().version();
    expect(afterPlain).toBeGreaterThan(version);
    await expect(
      store().updateEntry("storm-live", plain.id, { ...entry(5, "plain, edited"), pinned: true }, NOW),
    ).rejects.toMatchObject({ code: "too_many_pinned" });
    // Neither the entry, nor the edit, nor the version moved.
    expect(await store().version()).toBe(afterPlain);
    const page = await store().listEntries("storm-live", { limit: 10 });
    expect(texts(page?.pinned ?? [])).toEqual(["pin 3", "pin 2", "pin 1"]);
    expect(texts(page?.items ?? [])).toEqual(["plain"]);
  });

  it("tells each entry write inside its transaction, and a failure there undoes the entry", async () => {
    const db = connect(databaseUrl());
    try {
      const told: EntryWritten[] = [];
      let fail = false;
      const writes = liveEntryWrites(
        (work) => db.transaction().execute(work),
        async (trx, written) => {
          // Inside the transaction: the entry is there to be read.
          const row = await trx
            .selectFrom("live_entries")
            .select("id")
            .where("id", "=", Number(written.entryId))
            .executeTakeFirst();
          told.push({ ...written, ...(row ? {} : { entryId: "gone" }) });
          if (fail) throw new Error("the change log refused");
        },
      );
      const posted = await writes.addEntry("storm-live", entry(1, "told"), NOW);
      await writes.updateEntry("storm-live", posted.id, entry(1, "told again"), NOW);
      await writes.deleteEntry("storm-live", posted.id);
      const id = String(posted.id);
      expect(told).toEqual([
        { slug: "storm-live", entryId: id, change: "posted" },
        { slug: "storm-live", entryId: id, change: "updated" },
        { slug: "storm-live", entryId: "gone", change: "deleted" },
      ]);
      fail = true;
      await expect(writes.addEntry("storm-live", entry(2, "never"), NOW)).rejects.toThrow("the change log refused");
      expect((await liveEntryReads(db).listEntries("storm-live", { limit: 10 }))?.items).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it("deletes a story's coverage and entries with the story, and moves them with its slug", async () => {
    await store().addEntry("storm-live", entry(1, "one"), NOW);
    await store().saveStories([{ ...story("storm-live-moved", { live: true }), movedFrom: "storm-live" }]);
    expect(texts((await store().listEntries("storm-live-moved", { limit: 5 }))?.items ?? [])).toEqual(["one"]);
    expect(await store().getStory("storm-live-moved")).toMatchObject({ live: true, coverage: { startedAt: AT } });

    expect(await store().deleteStory("storm-live-moved")).toBe(true);
    await store().saveStories([story("storm-live-moved")]);
    // A new story at the slug starts with no coverage and no entries of the old one.
    expect((await store().getStory("storm-live-moved"))?.live).toBeUndefined();
    expect(await store().listEntries("storm-live-moved", { limit: 5 })).toEqual({
      pinned: [],
      items: [],
      nextBefore: null,
    });
  });
});
