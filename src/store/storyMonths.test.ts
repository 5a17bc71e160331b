// The months' summary (story_months, migration 0015) against the stories themselves: after
// publishes, edits within a month and across months (its updatedAt up and back), slug moves,
// deletes (of the story holding a month's latest change, of a month's last story) and clearing,
// the sitemap index built from the summary is the index built from the stories, on each engine.
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../import/seed";
import type { StoryInput } from "../model/story";
import { sitemapIndex, storyChildren } from "../server/feeds/sitemaps";
import { monthSpan, type SitemapReads, type StoryMonth } from "./sitemapReads";
import type { StoryStore } from "./storyStore";
import { testEngines } from "./testDatabases";
import { freshStorePerTest, testStory } from "./testStore";

const HOUR = 3_600_000;
/** Times from 2025-11 to 2026-04: six months, a new year between. */
const START = Date.UTC(2025, 10, 1);
const SPAN_HOURS = 24 * 181;

const at = (hours: number) => new Date(START + hours * HOUR).toISOString();

const story = (slug: string, publishedHours: number, updatedHours = publishedHours): StoryInput =>
  testStory(slug, at(publishedHours), { updatedAt: at(updatedHours) });

/** Every story in publication order, read from the stories (the publication index), not the summary. */
async function allStories(store: StoryStore) {
  const everything = { from: { publishedAt: "0000", slug: "" }, to: { publishedAt: "9999", slug: "" } };
  return store.sitemaps.page(everything, 100_000);
}

/**
 * The months as the stories say: each month with stories, its count and its latest updatedAt,
 * grouped here from every row; and as the index read them before the summary, a span of the
 * publication index per month (which must agree).
 */
async function monthsFromStories(store: StoryStore): Promise<StoryMonth[]> {
  const months = new Map<string, StoryMonth>();
  for (const row of await allStories(store)) {
    const month = row.publishedAt.slice(0, 7);
    const seen = months.get(month) ?? { month, count: 0, lastmod: null };
    seen.count++;
    if (seen.lastmod === null || row.updatedAt > seen.lastmod) seen.lastmod = row.updatedAt;
    months.set(month, seen);
  }
  const grouped = [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  for (const month of grouped)
    expect(await store.sitemaps.summary(monthSpan(month.month)), month.month).toEqual({
      count: month.count,
      lastmod: month.lastmod,
    });
  return grouped;
}

/** The index from the summary equals the index from the stories: its months, its parts and their lastmods. */
async function expectIndexFromStories(store: StoryStore, step: string) {
  const fromStories = await monthsFromStories(store);
  expect(await store.sitemaps.months(), step).toEqual(fromStories);
  const direct: SitemapReads = { ...store.sitemaps, months: async () => fromStories };
  // Parts of three stories, so that months are cut into parts too.
  for (const partSize of [3, 50_000]) {
    const index = async (reads: SitemapReads) => {
      const children = await storyChildren(reads, partSize);
      return sitemapIndex(
        children.map((child) => ({ loc: `https://news.example/${child.name}`, lastmod: child.lastmod })),
      );
    };
    expect(await index(store.sitemaps), `${step}, parts of ${partSize}`).toBe(await index(direct));
  }
}

describe.each(testEngines)("the months' summary on %s", (engine) => {
  const { store } = freshStorePerTest(engine);

  it("follows publishes, edits across months, moves and deletes, as the stories say", async () => {
    const s = store();
    await expectIndexFromStories(s, "empty");
    // November: three; December: one; January two at one time.
    await s.saveStories([
      story("nov-a", 10),
      story("nov-b", 20, 200),
      story("nov-c", 30),
      story("dec-a", 24 * 35),
      story("jan-a", 24 * 70),
      story("jan-b", 24 * 70),
    ]);
    await expectIndexFromStories(s, "published");
    // Within its month, updatedAt up (it now holds November's latest change), then back below another's.
    await s.saveStories([story("nov-a", 10, 300)]);
    await expectIndexFromStories(s, "updated up");
    await s.saveStories([story("nov-a", 10, 50)]);
    await expectIndexFromStories(s, "updated back");
    // Saving the same story again changes nothing.
    await s.saveStories([story("nov-a", 10, 50)]);
    await expectIndexFromStories(s, "unchanged");
    // Across months: November's latest change leaves for February, December's only story for January.
    await s.saveStories([story("nov-b", 24 * 100, 24 * 100), story("dec-a", 24 * 71, 24 * 90)]);
    await expectIndexFromStories(s, "moved across months");
    // A slug move that also moves it back to November.
    await s.saveStories([{ ...story("nov-b-moved", 25, 400), movedFrom: "nov-b" }]);
    await expectIndexFromStories(s, "slug moved");
    // Deletes: the story holding November's latest change, then every story of January.
    expect(await s.deleteStory("nov-b-moved")).toBe(true);
    await expectIndexFromStories(s, "deleted the month's latest change");
    for (const slug of ["jan-a", "jan-b", "dec-a"]) await s.deleteStory(slug);
    await expectIndexFromStories(s, "deleted a month's last story");
    expect((await s.sitemaps.months()).map((m) => m.month)).toEqual(["2025-11"]);
    await s.clearStories();
    await expectIndexFromStories(s, "cleared");
    expect(await s.sitemaps.months()).toEqual([]);
  });

  it("stays equal to the stories through a long mix of random writes", async () => {
    const s = store();
    const random = mulberry32(2026);
    const pick = (n: number) => Math.floor(random() * n);
    const live = new Map<string, StoryInput>();
    let next = 0;
    for (let step = 0; step < 120; step++) {
      const slugs = [...live.keys()];
      const roll = random();
      if (slugs.length < 4 || roll < 0.35) {
        // A batch of one to four new stories, a few sharing a month and a time.
        const batch = Array.from({ length: 1 + pick(4) }, () => {
          const published = pick(SPAN_HOURS);
          return story(`story-${next++}`, published, published + pick(3) * pick(24 * 40));
        });
        await s.saveStories(batch);
        for (const written of batch) live.set(written.slug, written);
      } else if (roll < 0.65) {
        // An edit: its updatedAt anywhere from its publication on, and half the time a new month.
        const old = live.get(slugs[pick(slugs.length)] as string) as StoryInput;
        const published = random() < 0.5 ? pick(SPAN_HOURS) : (Date.parse(old.publishedAt) - START) / HOUR;
        const edited = story(old.slug, published, published + pick(24 * 60));
        await s.saveStories([edited]);
        live.set(old.slug, edited);
      } else if (roll < 0.75) {
        // A slug move, with a new time.
        const old = live.get(slugs[pick(slugs.length)] as string) as StoryInput;
        const published = pick(SPAN_HOURS);
        const moved = { ...story(`story-${next++}`, published, published + pick(48)), movedFrom: old.slug };
        await s.saveStories([moved]);
        live.delete(old.slug);
        live.set(moved.slug, moved);
      } else {
        const slug = slugs[pick(slugs.length)] as string;
        expect(await s.deleteStory(slug)).toBe(true);
        live.delete(slug);
      }
      await expectIndexFromStories(s, `step ${step}`);
    }
    expect((await allStories(s)).length).toBe(live.size);
  });
});
