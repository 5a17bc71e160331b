import { describe, expect, it } from "vitest";
import { findStoryByHeadline } from "../model/headlineMatch";
import type { StoryInput } from "../model/story";
import type { StoryStore } from "./storyStore";
import { testEngines } from "./testDatabases";
import { freshStorePerTest, testStory } from "./testStore";

/** A story by Ana Ferreira, published on the `day` of November 2026. */
const story = (slug: string, day: number, extra: Partial<StoryInput> = {}): StoryInput =>
  testStory(slug, new Date(Date.UTC(2026, 10, day, 8)).toISOString(), {
    authors: [{ slug: "ana-ferreira", name: "Ana Ferreira" }],
    ...extra,
  });

describe.each(testEngines)("on %s", (engine) => {
  const { store } = freshStorePerTest(engine, [
    { slug: "city", name: "City" },
    { slug: "world", name: "World" },
  ]);

  describe("the story store", () => {
    it("keeps a story whole and gives it back with authors, tags and section", async () => {
      await store().saveStories([
        story("ferry-returns", 20, {
          kicker: "WATCH",
          deck: "A deck.",
          tags: [{ slug: "transport", name: "Transport" }],
          image: { src: "/media/a.jpg", alt: "A", width: 1200, height: 675 },
          body: [
            { type: "paragraph", text: "One." },
            { type: "video", title: "Clip", poster: "/p.jpg", sources: [{ src: "/v.mp4", type: "video/mp4" }] },
          ],
        }),
      ]);
      const saved = await store().getStory("ferry-returns");
      expect(saved).toMatchObject({
        slug: "ferry-returns",
        // Typed in capitals, given back in ordinary case (pages set kickers in capitals with CSS).
        kicker: "Watch",
        deck: "A deck.",
        section: { slug: "city", name: "City" },
        authors: [{ slug: "ana-ferreira", name: "Ana Ferreira" }],
        tags: [{ slug: "transport", name: "Transport" }],
        image: { src: "/media/a.jpg", width: 1200 },
        hasVideo: true,
        related: [],
      });
      expect(saved?.body).toHaveLength(2);
      expect(await store().getStory("no-such-story")).toBeNull();
    });

    it("lists newest first and pages through every story exactly once", async () => {
      await store().saveStories(Array.from({ length: 11 }, (_, i) => story(`story-${i}`, 1 + (i % 4))));
      const seen: string[] = [];
      let cursor: { publishedAt: string; slug: string } | undefined;
      for (let page = 0; page < 10; page++) {
        const { items, nextCursor } = await store().listStories({ limit: 3, cursor });
        seen.push(...items.map((s) => s.slug));
        if (!nextCursor) break;
        const last = items.at(-1);
        cursor = last && { publishedAt: last.publishedAt, slug: last.slug };
      }
      expect(seen).toHaveLength(11);
      expect(new Set(seen).size).toBe(11);
      const times = (await store().listStories({ limit: 50 })).items.map((s) => s.publishedAt);
      expect(times).toEqual([...times].sort().reverse());
    });

    it("filters by section, tag and author", async () => {
      await store().saveStories([
        story("a", 1, { tags: [{ slug: "fog", name: "Fog" }] }),
        story("b", 2, { section: "world", authors: [{ slug: "li-wei", name: "Li Wei" }] }),
        story("c", 3, { tags: [{ slug: "fog", name: "Fog" }], section: "world" }),
      ]);
      const slugs = async (query: Parameters<StoryStore["listStories"]>[0]) =>
        (await store().listStories(query)).items.map((s) => s.slug);
      expect(await slugs({ limit: 10, section: "world" })).toEqual(["c", "b"]);
      expect(await slugs({ limit: 10, tag: "fog" })).toEqual(["c", "a"]);
      expect(await slugs({ limit: 10, author: "li-wei" })).toEqual(["b"]);
      expect(await store().getTag("fog")).toEqual({ slug: "fog", name: "Fog" });
      expect(await store().getAuthor("li-wei")).toEqual({ slug: "li-wei", name: "Li Wei" });
    });

    it("relates the stories linked inline first, then those sharing tags or section, newest first, never itself", async () => {
      await store().saveStories([
        story("old-linked", 1, { section: "world" }),
        story("same-section", 2),
        story("shares-tag", 3, { section: "world", tags: [{ slug: "fog", name: "Fog" }] }),
        story("unrelated", 4, { section: "world" }),
        story("main", 5, {
          tags: [{ slug: "fog", name: "Fog" }],
          body: [
            { type: "paragraph", text: "Text." },
            { type: "related", slug: "old-linked", headline: "Old" },
            { type: "related", slug: "main", headline: "Itself" },
            { type: "related", slug: "missing", headline: "Not in the store" },
          ],
        }),
      ]);
      const main = await store().getStory("main");
      expect(main?.related.map((s) => s.slug)).toEqual(["old-linked", "shares-tag", "same-section"]);
    });

    it("fills related past linked stories that are also the newest of its section and tag", async () => {
      // The newest of its section and of its tag are the story itself and the three it links: the rest
      // comes from below them, newest first (fog-7 and city-9 share a time: the later slug first).
      const fog = [{ slug: "fog", name: "Fog" }];
      await store().saveStories([
        ...Array.from({ length: 12 }, (_, n) => story(`city-${n + 1}`, n + 1)),
        ...Array.from({ length: 8 }, (_, n) =>
          story(`fog-${n + 1}`, n + 3, { section: "world", tags: fog, kicker: `Fog ${n + 1}` }),
        ),
        story("main", 20, {
          tags: fog,
          body: [
            { type: "related", slug: "city-12", headline: "Headline of city-12" },
            { type: "related", slug: "fog-8", headline: "Headline of fog-8" },
            { type: "related", slug: "city-11", headline: "Headline of city-11" },
          ],
        }),
      ]);
      const related = (await store().getStory("main"))?.related;
      expect(related?.map((s) => s.slug)).toEqual(["city-12", "fog-8", "city-11", "city-10", "fog-7", "city-9"]);
      expect(related?.[4]).toEqual({
        slug: "fog-7",
        kicker: "Fog 7",
        headline: "Headline of fog-7",
        section: { slug: "world", name: "World" },
        publishedAt: new Date(Date.UTC(2026, 10, 9, 8)).toISOString(),
        updatedAt: new Date(Date.UTC(2026, 10, 9, 8)).toISOString(),
        hasVideo: false,
      });
    });

    it("fills related from the stories of its section and tags published before it, never after", async () => {
      const fog = [{ slug: "fog", name: "Fog" }];
      await store().saveStories([
        story("city-before", 1),
        story("fog-before", 2, { section: "world", tags: fog }),
        story("main", 3, { tags: fog }),
        story("city-after", 4),
        story("fog-after", 5, { section: "world", tags: fog }),
      ]);
      expect((await store().getStory("main"))?.related.map((s) => s.slug)).toEqual(["fog-before", "city-before"]);
      // The newest is filled from all of them.
      expect((await store().getStory("fog-after"))?.related.map((s) => s.slug)).toEqual(["main", "fog-before"]);
    });

    it("replaces a story saved again under the same slug, with nothing left of the old one", async () => {
      await store().saveStories([story("a", 1, { tags: [{ slug: "fog", name: "Fog" }] })]);
      await store().saveStories([story("a", 1, { headline: "New headline", tags: [] })]);
      const saved = await store().getStory("a");
      expect(saved?.headline).toBe("New headline");
      expect(saved?.tags).toEqual([]);
      expect(await store().countStories()).toBe(1);
    });

    it("writes all of a batch or none of it", async () => {
      await expect(
        store().saveStories([story("good", 1), story("bad", 2, { section: "no-such-section" })]),
      ).rejects.toThrow();
      expect(await store().countStories()).toBe(0);
    });
  });

  describe("publishing through the store", () => {
    const exact = (headline: string, stories: { slug: string; headline: string }[]) =>
      stories.find((s) => s.headline === headline)?.slug;

    it("tells what each save did: created, updated or unchanged", async () => {
      expect((await store().saveStories([story("a", 1)])).outcomes).toEqual([{ slug: "a", outcome: "created" }]);
      expect((await store().saveStories([story("a", 1)])).outcomes).toEqual([{ slug: "a", outcome: "unchanged" }]);
      const edited = story("a", 1, { headline: "Edited" });
      expect((await store().saveStories([edited])).outcomes).toEqual([{ slug: "a", outcome: "updated" }]);
    });

    it("moves a story to a new slug, leaving the old one to redirect and links following it", async () => {
      await store().saveStories([
        story("old-slug", 1),
        story("linker", 2, { body: [{ type: "related", slug: "old-slug", headline: "Headline of old-slug" }] }),
      ]);
      await store().saveStories([{ ...story("new-slug", 1), movedFrom: "old-slug" }]);
      expect((await store().getStory("old-slug"))?.slug).toBe("new-slug");
      expect(await store().countStories()).toBe(2);
      const linker = await store().getStory("linker");
      expect(linker?.body).toEqual([{ type: "related", slug: "new-slug", headline: "Headline of old-slug" }]);
      expect(linker?.related.map((s) => s.slug)).toEqual(["new-slug"]);
      // A second move keeps the first URL working too.
      await store().saveStories([{ ...story("newest-slug", 1), movedFrom: "new-slug" }]);
      expect((await store().getStory("old-slug"))?.slug).toBe("newest-slug");
      expect((await store().getStory("new-slug"))?.slug).toBe("newest-slug");
    });

    it("deletes a story, and the stories that linked it keep the headline unlinked", async () => {
      await store().saveStories([
        story("gone", 1),
        story("linker", 2, { body: [{ type: "related", slug: "gone", headline: "Headline of gone" }] }),
      ]);
      expect(await store().deleteStory("gone")).toBe(true);
      expect(await store().deleteStory("gone")).toBe(false);
      expect(await store().getStory("gone")).toBeNull();
      expect((await store().getStory("linker"))?.body).toEqual([{ type: "related", headline: "Headline of gone" }]);
    });

    it("raises its version with every write, and not with a view", async () => {
      const versions = [await store().version()];
      await store().saveStories([story("one", 1)]);
      versions.push(await store().version());
      await store().countView("one", new Date());
      versions.push(await store().version());
      await store().deleteStory("one");
      versions.push(await store().version());
      await store().saveSections([{ slug: "city", name: "The City" }]);
      versions.push(await store().version());
      const [start, saved, viewed, deleted, sections] = versions as [number, number, number, number, number];
      expect(saved).toBeGreaterThan(start);
      expect(viewed).toBe(saved);
      expect(deleted).toBeGreaterThan(viewed);
      expect(sections).toBeGreaterThan(deleted);
    });

    it("clears every story, and what hangs on them, keeping the sections", async () => {
      await store().saveStories([story("one", 1), story("two-before", 2)]);
      await store().saveStories([{ ...story("two", 2), movedFrom: "two-before" }]);
      await store().countView("one", new Date());
      expect(await store().clearStories()).toBe(2);
      expect(await store().countStories()).toBe(0);
      expect(await store().getStory("two-before")).toBeNull();
      expect(await store().searchStories(["body"], 10)).toEqual([]);
      expect((await store().listSections()).map((s) => s.slug)).toEqual(["city", "world"]);
    });

    it("links a related headline when its story arrives, in a later save", async () => {
      const linker = story("linker", 1, { body: [{ type: "related", headline: "Headline of later" }] });
      expect((await store().saveStories([linker], { linkHeadlines: exact })).linked).toBe(0);
      expect((await store().getStory("linker"))?.body[0]).toEqual({ type: "related", headline: "Headline of later" });
      expect((await store().saveStories([story("later", 2)], { linkHeadlines: exact })).linked).toBe(1);
      expect((await store().getStory("linker"))?.body[0]).toEqual({
        type: "related",
        slug: "later",
        headline: "Headline of later",
      });
      // Saving the same file again changes nothing and keeps the link.
      expect((await store().saveStories([linker], { linkHeadlines: exact })).outcomes[0]?.outcome).toBe("unchanged");
      expect((await store().getStory("linker"))?.related.map((s) => s.slug)).toEqual(["later"]);
    });

    it("links a reworded headline among many stories sharing its common words, and only a clear match", async () => {
      const decoys = Array.from({ length: 60 }, (_, n) =>
        story(`decoy-${n}`, 1, { headline: `Council to review the harbour plan for district ${n}` }),
      );
      await store().saveStories([
        ...decoys,
        story("fares", 2, { headline: "Port Merrow ferry fares to rise in January" }),
        story("twin-a", 3, { headline: "Harbour wall vote set for Friday morning" }),
        story("twin-b", 4, { headline: "Harbour wall vote set for Friday evening" }),
      ]);
      const linker = story("linker", 5, {
        body: [
          { type: "related", headline: "Port Merrow ferry fares will rise in January" },
          { type: "related", headline: "Harbour wall vote set for Friday" },
          { type: "related", headline: "Council to review the harbour plan" },
        ],
      });
      const { linked } = await store().saveStories([linker], { linkHeadlines: findStoryByHeadline });
      expect(linked).toBe(1);
      // The second and the third each name several stories equally well: both stay plain text.
      expect((await store().getStory("linker"))?.body).toEqual([
        { type: "related", slug: "fares", headline: "Port Merrow ferry fares will rise in January" },
        { type: "related", headline: "Harbour wall vote set for Friday" },
        { type: "related", headline: "Council to review the harbour plan" },
      ]);
    });

    it("unlinks headlines that link a deleted story by an old slug of it", async () => {
      await store().saveStories([story("first-slug", 1)]);
      await store().saveStories([{ ...story("second-slug", 1), movedFrom: "first-slug" }]);
      await store().saveStories([
        story("linker", 2, { body: [{ type: "related", slug: "first-slug", headline: "Headline of first-slug" }] }),
      ]);
      expect((await store().getStory("linker"))?.body[0]).toMatchObject({ slug: "first-slug" });
      await store().deleteStory("second-slug");
      expect((await store().getStory("linker"))?.body).toEqual([
        { type: "related", headline: "Headline of first-slug" },
      ]);
    });

    it("never keeps a link to a story that is not there", async () => {
      await store().saveStories([
        story("linker", 1, { body: [{ type: "related", slug: "not-written-yet", headline: "Headline of nothing" }] }),
      ]);
      expect((await store().getStory("linker"))?.body).toEqual([{ type: "related", headline: "Headline of nothing" }]);
    });
  });
});
