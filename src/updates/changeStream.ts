// The browser's end of the change stream (GET /api/events, docs/decisions/019), started once the
// page has loaded. Each change goes to React Query's cache, never to a reload: a story the page
// shows is marked changed (its notice offers the new version), other cached copies are marked
// stale, lists learn that stories were published (their notice counts the new ones), live entries
// are fetched again, and saved stories refresh their offline copy.
//
// A page lets go of its stream when it is left (the back/forward cache keeps it) or frozen, and
// opens it again when shown, from the last id it heard, so nothing is missed meanwhile. A dropped
// stream is opened again after a pause (longer while it keeps failing), from the last id heard
// (`?after=`).
import type { QueryClient } from "@tanstack/react-query";
import type { EntryChange, StoryChange } from "../model/change";
import { refreshOfflineCopy } from "../saved/savedActions";
import { savedStories } from "../saved/savedStories";
import { notePublished, noteStoryChange } from "./changesSeen";

/** Pauses before opening a dropped stream again, one more step each failure in a row. */
const RESTART_MS = [1_000, 2_000, 5_000, 15_000, 30_000];
const EVENTS = ["story", "entry", "ready", "reset"] as const;

/** An event of the stream. */
interface Heard {
  name: (typeof EVENTS)[number];
  id: number;
  data: string;
}

export function startChangeStream(queryClient: QueryClient): void {
  if (typeof EventSource === "undefined") return;
  // Where the change log stood when the server made this page: what changed since reaches it too.
  let lastId = pagePlace();
  const apply = ({ name, id, data }: Heard) => {
    lastId = id;
    if (name === "story") storyChanged(queryClient, JSON.parse(data) as StoryChange);
    else if (name === "entry")
      void queryClient.invalidateQueries({ queryKey: ["live-entries", (JSON.parse(data) as EntryChange).slug] });
    else if (name === "reset") {
      // Too much was missed to replay: whatever the page holds may be old.
      void queryClient.invalidateQueries({ refetchType: "none" });
      notePublished();
    }
  };

  const join = () => openStream(lastId, apply);

  // Let go when the page is left or frozen; take up again when shown.
  let leave: (() => void) | null = join();
  const stop = () => {
    leave?.();
    leave = null;
  };
  const start = () => {
    leave ??= join();
  };
  addEventListener("pagehide", stop);
  addEventListener("pageshow", start);
  document.addEventListener("freeze", stop);
  document.addEventListener("resume", start);
}

/** Opens the stream after `after` (null: from now on); returns what closes it. */
function openStream(after: number | null, hear: (heard: Heard) => void): () => void {
  let at = after;
  let failures = 0;
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const close = () => {
    source?.close();
    clearTimeout(timer);
  };
  const open = () => {
    source = new EventSource(at === null ? "/api/events" : `/api/events?after=${at}`);
    for (const name of EVENTS)
      source.addEventListener(name, (event) => {
        failures = 0;
        at = Number(event.lastEventId);
        hear({ name, id: at, data: event.data });
      });
    source.addEventListener("error", () => {
      // Reconnected here rather than by EventSource itself, which gives up after a refused
      // attempt and does not always send Last-Event-ID: the place goes in the URL.
      close();
      timer = setTimeout(open, RESTART_MS[Math.min(failures, RESTART_MS.length - 1)]);
      failures += 1;
    });
  };
  open();
  return close;
}

/** The page's place in the change log, from its answer's `Server-Timing: changes;desc="ID"`. */
function pagePlace(): number | null {
  const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
  const place = navigation?.serverTiming?.find((entry) => entry.name === "changes")?.description;
  return place && /^\d+$/.test(place) ? Number(place) : null;
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
