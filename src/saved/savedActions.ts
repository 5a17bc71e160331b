// Saving and removing as the reader does it: the list in storage at once, the offline copy after
// (its code is loaded only when a reader first saves or removes something).
import type { StorySummary } from "../model/story";
import { removeSavedStory, restoreSavedStory, type SavedStory, savedStories, saveStory } from "./savedStories";

type OfflineCopy = typeof import("./offlineCopy");

let copying: Promise<unknown> = Promise.resolve();

/**
 * Offline copies change one at a time, in the order the reader acted: a quick remove and save
 * again must not end with the removal last. A failure (offline, the cache refused) leaves the
 * story saved, only not readable offline.
 */
function inTurn<T>(task: (copy: OfflineCopy) => Promise<T>): Promise<T | undefined> {
  const done = copying.then(() => import("./offlineCopy").then(task)).catch(() => undefined);
  copying = done;
  return done;
}

export function saveForLater(story: StorySummary): void {
  saveStory(story);
  void inTurn(({ keepOffline }) => keepOffline(story.slug));
}

export interface Removal {
  story: SavedStory;
  /** Puts the story back in its place in the list, with its offline copy. */
  undo(): void;
}

export function removeFromSaved(slug: string): Removal | undefined {
  const story = removeSavedStory(slug);
  if (!story) return undefined;
  const stillSaved = savedStories().map((saved) => saved.slug);
  const dropped = inTurn(({ dropOfflineCopy }) => dropOfflineCopy(slug, stillSaved));
  return {
    story,
    undo() {
      restoreSavedStory(story);
      void inTurn(async () => (await dropped)?.());
    },
  };
}

/** Fetches a saved story's offline copy again: it changed since it was kept. */
export function refreshOfflineCopy(slug: string): void {
  void inTurn(({ keepOffline }) => keepOffline(slug));
}
