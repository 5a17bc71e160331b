// The browser's end of the change stream (GET /api/events, docs/decisions/019), started once the
// page has loaded. Each change goes to React Query's cache, never to a reload: a story the page
// shows is marked changed (its notice offers the new version), other cached copies are marked
// stale, lists learn that stories were published (their notice counts the new ones), live entries
// are fetched again, and saved stories refresh their offline copy. A dropped stream is opened
// again after a pause (longer while it keeps failing), from the last id heard (`?after=`).
import type { QueryClient } from "@tanstack/react-query";
import type { EntryChange, StoryChange } from "../model/change";
import { refreshOfflineCopy } from "../saved/savedActions";
import { savedStories } from "../saved/savedStories";
import { notePublished, noteStoryChange } from "./changesSeen";

/** Pauses before opening a dropped stream again, one more step each failure in a row. */
const RESTART_MS = [1_000, 2_000, 5_000, 15_000, 30_000];

export function startChangeStream(queryClient: QueryClient): void {
  if (typeof EventSource === "undefined") return;
  // Where the change log stood when the server made this page: what changed since reaches it too.
  let lastId: string | null = pagePlace();
  let failures = 0;

  const open = () => {
    const source = new EventSource(lastId ? `/api/events?after=${encodeURIComponent(lastId)}` : "/api/events");
    const heard = (event: MessageEvent) => {
      if (event.lastEventId) lastId = event.lastEventId;
      failures = 0;
    };
    source.addEventListener("story", (event) => {
      heard(event);
      storyChanged(queryClient, JSON.parse(event.data) as StoryChange);
    });
    source.addEventListener("entry", (event) => {
      heard(event);
      const { slug } = JSON.parse(event.data) as EntryChange;
      void queryClient.invalidateQueries({ queryKey: ["live-entries", slug] });
    });
    source.addEventListener("ready", heard);
    source.addEventListener("reset", (event) => {
      heard(event);
      // Too much was missed to replay: whatever the page holds may be old.
      void queryClient.invalidateQueries({ refetchType: "none" });
      notePublished();
    });
    source.addEventListener("error", () => {
      // Reconnected here rather than by EventSource itself, which gives up after a refused
      // attempt and does not always send Last-Event-ID: the place goes in the URL.
      source.close();
      const wait = RESTART_MS[Math.min(failures, RESTART_MS.length - 1)] ?? 30_000;
      failures += 1;
      setTimeout(open, wait);
    });
  };
  open();
}

/** The page's place in the change log, from its answer's `Server-Timing: changes;desc="ID"`. */
function pagePlace(): string | null {
  const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
  const place = navigation?.serverTiming?.find((entry) => entry.name === "changes")?.description;
  return place && /^\d+$/.test(place) ? place : null;
}

function storyChanged(queryClient: QueryClient, { slug, change, movedFrom }: StoryChange): void {
  for (const changed of movedFrom ? [slug, movedFrom] : [slug]) {
    const queryKey = ["story", changed];
    // The story on screen keeps what the reader is reading until they ask for the new version.
    if ((queryClient.getQueryCache().find({ queryKey, exact: true })?.getObserversCount() ?? 0) > 0)
      noteStoryChange(changed, change);
    else void queryClient.invalidateQueries({ queryKey, exact: true, refetchType: "none" });
  }
  // Lists and most read: refetched when next shown. Those on screen count what is new.
  for (const queryKey of [["stories"], ["story-list"], ["most-read"], ["search"]])
    void queryClient.invalidateQueries({ queryKey, refetchType: "none" });
  if (change === "published") notePublished();
  if (change !== "deleted" && savedStories().some((saved) => saved.slug === slug)) refreshOfflineCopy(slug);
}
