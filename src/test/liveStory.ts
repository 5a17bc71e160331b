// Test support: a live story written through the real store, with as many entries as asked, one a
// minute from 09:00 UTC (entry i says "Update i."), the first `pinned` of them pinned.
import type { LiveEntry } from "../model/liveEntry";
import type { StoryStore } from "../store/storyStore";

export const LIVE_SLUG = "harbour-storm-live";
export const LIVE_HEADLINE = "Storm over the harbour: the day as it happens";

export async function writeLiveStory(
  store: StoryStore,
  { entries = 3, pinned = 0, now = new Date("2026-11-27T12:00:00Z") } = {},
): Promise<LiveEntry[]> {
  await store.saveStories([
    {
      slug: LIVE_SLUG,
      headline: LIVE_HEADLINE,
      deck: "Gales close the ferries and the sea wall as the storm passes over the city.",
      section: "city",
      authors: [{ slug: "ana-ferreira", name: "Ana Ferreira" }],
      tags: [{ slug: "weather", name: "Weather" }],
      publishedAt: "2026-11-27T08:30:00.000Z",
      updatedAt: "2026-11-27T08:30:00.000Z",
      body: [
        { type: "paragraph", text: "The storm reached the coast before dawn, with gusts above 90 km/h at the point." },
        { type: "paragraph", text: "We follow it here through the day: the newest updates first." },
      ],
      live: true,
    },
  ]);
  const written: LiveEntry[] = [];
  for (let i = 1; i <= entries; i++)
    written.push(
      await store.addEntry(
        LIVE_SLUG,
        {
          postedAt: new Date(Date.parse("2026-11-27T09:00:00Z") + i * 60_000).toISOString(),
          ...(i % 3 === 0 ? { headline: `Headline of update ${i}` } : {}),
          body: [
            { type: "paragraph", text: `Update ${i}.` },
            ...(i % 4 === 0
              ? [{ type: "quote" as const, text: `A quote in update ${i}.`, cite: "A harbour pilot" }]
              : []),
          ],
          pinned: i <= pinned,
        },
        now,
      ),
    );
  return written;
}
