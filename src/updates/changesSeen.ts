// What the change stream has told this page so far, for the notices to read: how many stories
// have been published since the page opened, and each story changed or deleted, with when the
// page heard of it. Written by changeStream.ts (loaded after the page); read through hooks.
import { useSyncExternalStore } from "react";

export interface SeenChange {
  change: "published" | "updated" | "deleted";
  /** When this page heard of it (ms): a story's data fetched after that already shows it. */
  heardAt: number;
}

let published = 0;
const stories = new Map<string, SeenChange>();
const listeners = new Set<() => void>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const tell = () => {
  for (const listener of listeners) listener();
};

export function notePublished(): void {
  published += 1;
  tell();
}

export function noteStoryChange(slug: string, change: SeenChange["change"]): void {
  stories.set(slug, { change, heardAt: Date.now() });
  tell();
}

/** How many stories the stream has announced since the page opened: lists check for new ones when it grows. */
export const usePublishedCount = (): number =>
  useSyncExternalStore(
    subscribe,
    () => published,
    () => 0,
  );

/** The last change heard of the story at this slug, if any. */
export const useStoryChange = (slug: string): SeenChange | undefined =>
  useSyncExternalStore(
    subscribe,
    () => stories.get(slug),
    () => undefined,
  );
