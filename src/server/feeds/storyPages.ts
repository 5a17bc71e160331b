// The stories feeds and the news sitemap list, read from the store a page at a time, so no answer
// holds the whole store and none reads stories one by one.
import { type StorySummary, storySchema } from "../../model/story";
import { type Cursor, decodeCursor, MAX_PAGE_SIZE } from "../../model/storyList";
import type { StoryStore } from "../../store/storyStore";
import type { Absolute, FeedStory } from "./storyHtml";

const FEED_SIZE = 50;
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Google News reads at most this many URLs from one news sitemap. */
const NEWS_SITEMAP_LIMIT = 1000;

const feedStorySchema = storySchema.omit({ related: true });

/**
 * The newest stories in full, for a feed: one page of the list, then the whole of its stories at
 * once (store.fullStories, three queries however many). The related list a story page adds is not
 * read: feeds do not show it. A story deleted in between is left out. What goes out is checked
 * against the model, as the StoryApi reader checks what it answers.
 */
export async function newestStories(store: StoryStore, absolute: Absolute, section?: string): Promise<FeedStory[]> {
  const page = await store.listStories({ limit: FEED_SIZE, ...(section ? { section } : {}) });
  const stories = await store.fullStories(page.items.map((summary) => summary.slug));
  return feedStorySchema.array().parse(stories.map((story) => ({ ...story, url: absolute(`/stories/${story.slug}`) })));
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
