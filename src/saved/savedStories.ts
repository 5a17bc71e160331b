// The reader's saved stories, kept in this browser's localStorage (no account): a short list of
// story summaries, newest saved first. Every open tab sees the same list at once: a write here
// notifies this tab, and the `storage` event tells the others.
import { useSyncExternalStore } from "react";
import type { StorySummary } from "../model/story";

export type SavedStory = StorySummary & { savedAt: string };

import { SAVED_STORIES_KEY } from "./savedStoriesKey";

export { SAVED_STORIES_KEY };

const NONE: SavedStory[] = [];
const listeners = new Set<() => void>();
let snapshot: { raw: string | null; stories: SavedStory[] } = { raw: null, stories: NONE };

function readRaw(): string | null {
  try {
    return localStorage.getItem(SAVED_STORIES_KEY);
  } catch {
    return null;
  }
}

/** What another tab, an older version or a hand-edited storage left there is checked, not trusted. */
function isSavedStory(value: unknown): value is SavedStory {
  if (!value || typeof value !== "object") return false;
  const story = value as Record<string, unknown>;
  const section = story.section as Record<string, unknown> | null | undefined;
  return (
    typeof story.slug === "string" &&
    typeof story.headline === "string" &&
    typeof story.publishedAt === "string" &&
    typeof story.savedAt === "string" &&
    typeof section?.slug === "string" &&
    typeof section.name === "string"
  );
}

function parse(raw: string | null): SavedStory[] {
  if (!raw) return NONE;
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter(isSavedStory) : NONE;
  } catch {
    return NONE;
  }
}

/** The saved stories, newest saved first: the same array until the list changes. */
export function savedStories(): SavedStory[] {
  const raw = readRaw();
  if (raw !== snapshot.raw) snapshot = { raw, stories: parse(raw) };
  return snapshot.stories;
}

const newestSavedFirst = (a: SavedStory, b: SavedStory) => b.savedAt.localeCompare(a.savedAt);

function write(stories: SavedStory[]): void {
  try {
    localStorage.setItem(SAVED_STORIES_KEY, JSON.stringify([...stories].sort(newestSavedFirst)));
  } catch {
    // Storage full or switched off: the list stays as it was, and the buttons show that.
  }
  for (const listener of listeners) listener();
}

/** Only what the list shows is kept, whatever the caller holds (a whole Story carries its body). */
function summaryOf(story: StorySummary): StorySummary {
  const { slug, kicker, headline, deck, section, publishedAt, updatedAt, image, hasVideo } = story;
  return { slug, kicker, headline, deck, section, publishedAt, updatedAt, image, hasVideo };
}

export function saveStory(story: StorySummary, now: Date = new Date()): void {
  const stories = savedStories();
  if (stories.some((saved) => saved.slug === story.slug)) return;
  write([{ ...summaryOf(story), savedAt: now.toISOString() }, ...stories]);
}

/** Removes a story and hands it back, so that an undo can put it back where it was. */
export function removeSavedStory(slug: string): SavedStory | undefined {
  const stories = savedStories();
  const removed = stories.find((saved) => saved.slug === slug);
  if (removed) write(stories.filter((saved) => saved !== removed));
  return removed;
}

/** Puts a removed story back in its place: the list is ordered by when each story was saved. */
export function restoreSavedStory(story: SavedStory): void {
  const stories = savedStories();
  if (stories.some((saved) => saved.slug === story.slug)) return;
  write([...stories, story]);
}

function onStorage(event: StorageEvent): void {
  // key is null when another tab cleared the whole storage.
  if (event.key !== SAVED_STORIES_KEY && event.key !== null) return;
  for (const listener of listeners) listener();
}

export function subscribeToSavedStories(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener("storage", onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("storage", onStorage);
  };
}

/** The saved stories; none while the server renders and the page hydrates (the server cannot know them). */
export function useSavedStories(): SavedStory[] {
  return useSyncExternalStore(subscribeToSavedStories, savedStories, () => NONE);
}

export function useIsSaved(slug: string): boolean {
  return useSyncExternalStore(
    subscribeToSavedStories,
    () => savedStories().some((saved) => saved.slug === slug),
    () => false,
  );
}
