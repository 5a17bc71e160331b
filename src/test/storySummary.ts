// Test support: a story summary as the API sends it, for tests that list or save stories.
import type { StorySummary } from "../model/story";

export function storySummary(slug: string, headline = `Headline of ${slug}`): StorySummary {
  return {
    slug,
    headline,
    kicker: "WATCH:",
    deck: `The deck of ${slug}`,
    section: { slug: "city", name: "City" },
    publishedAt: "2026-11-20T08:00:00.000Z",
    updatedAt: "2026-11-20T08:00:00.000Z",
    image: { src: `/media/${slug}.jpg`, alt: "A picture", width: 1200, height: 675 },
    hasVideo: false,
  };
}
