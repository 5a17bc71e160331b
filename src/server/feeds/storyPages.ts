// The stories feeds and sitemaps list, read page by page so no answer holds the whole store.
import { isNotFound } from "../../model/apiError";
import type { Story, StorySummary } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import { type Cursor, decodeCursor, MAX_PAGE_SIZE } from "../../model/storyList";
import type { StoryStore } from "../../store/storyStore";

const FEED_SIZE = 50;
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Google News reads at most this many URLs from one news sitemap. */
const NEWS_SITEMAP_LIMIT = 1000;

/** The newest stories in full, for a feed; one deleted since it was listed is left out. */
export async function newestStories(reader: StoryApi, section?: string): Promise<Story[]> {
  const page = await reader.stories({ limit: FEED_SIZE, ...(section ? { section } : {}) });
  const stories = await Promise.all(
    page.items.map((summary) =>
      reader.story(summary.slug).catch((error: unknown) => {
        if (isNotFound(error)) return null;
        throw error;
      }),
    ),
  );
  return stories.filter((story) => story !== null);
}

/** Every story, newest first, a page at a time. */
export async function* everyStory(store: StoryStore): AsyncGenerator<StorySummary> {
  let cursor: Cursor | undefined;
  do {
    const page = await store.listStories({ limit: MAX_PAGE_SIZE, cursor });
    yield* page.items;
    cursor = page.nextCursor ? (decodeCursor(page.nextCursor) ?? undefined) : undefined;
  } while (cursor);
}

/** The stories of the last 48 hours (none from the future), newest first: what a news sitemap lists. */
export async function recentStories(store: StoryStore, now: Date): Promise<StorySummary[]> {
  const since = now.getTime() - NEWS_WINDOW_MS;
  const recent: StorySummary[] = [];
  for await (const story of everyStory(store)) {
    const published = Date.parse(story.publishedAt);
    if (published < since || recent.length === NEWS_SITEMAP_LIMIT) break;
    if (published <= now.getTime()) recent.push(story);
  }
  return recent;
}
