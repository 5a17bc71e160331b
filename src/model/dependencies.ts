// What an answer is made from, and what a write changes, in one vocabulary (docs/decisions/026).
// A page or API answer records a key for everything it shows; a write records a key for
// everything it changes; an answer is stale exactly when a write changed one of its keys. The same
// keys name answers to a CDN (Surrogate-Key, Cache-Tag) and are what a purge sends.

/** A story's content and summary: its page and JSON, and every list, related block or card that shows it. */
export const storyKey = (slug: string) => `s:${slug}`;
/** A live story's entries: its page and its entry pages (its summary does not show them). */
export const entriesKey = (slug: string) => `e:${slug}`;
export const sectionKey = (slug: string) => `section:${slug}`;
export const tagKey = (slug: string) => `tag:${slug}`;
export const authorKey = (slug: string) => `author:${slug}`;
/**
 * What a story's related block fills from: the stories of its section, or of a tag, published
 * before it. Only a write that puts a story before another one there changes it (a back-dated
 * story, or one moved into the section or tag); a story published now does not
 * (store/storyReads.ts `earlierStoriesChanged`).
 */
export const sectionFillKey = (slug: string) => `sectionfill:${slug}`;
export const tagFillKey = (slug: string) => `tagfill:${slug}`;
/**
 * The collection of stories: which there are and in what order. Every story write changes it; the
 * front page, the unfiltered list, search, feeds and sitemaps depend on it.
 */
export const STORIES = "stories";
/** What changes by the clock rather than by a write (most read): kept a minute, never purged. */
export const VIEWS = "views";
/** Every answer carries it: a write that cannot say what it changed (sections, a reset) changes it. */
export const EVERYTHING = "all";

/** A write that names more keys than this changes everything instead (a big import, say). */
export const MAX_KEYS_PER_WRITE = 1000;

/** The keys a story write changes: the story, and every list it may enter (its section, tags, authors, the collection). */
export function storyWriteKeys(story: {
  slug: string;
  section: string;
  tags: { slug: string }[];
  authors: { slug: string }[];
}): string[] {
  return [
    storyKey(story.slug),
    STORIES,
    sectionKey(story.section),
    ...story.tags.map((tag) => tagKey(tag.slug)),
    ...story.authors.map((author) => authorKey(author.slug)),
  ];
}
