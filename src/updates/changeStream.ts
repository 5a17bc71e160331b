// The browser's end of the change stream (GET /api/events, docs/decisions/019), started once the
// page has loaded. Each change goes to React Query's cache, never to a reload: a story the page
// shows is marked changed (its notice offers the new version), other cached copies are marked
// stale, lists learn that stories were published (their notice counts the new ones), live entries
// are fetched again, and saved stories refresh their offline copy.
//
// One stream for all of a browser's tabs (docs/decisions/022): the tab holding the Web Lock
// "dispatch-change-stream" opens it and passes each event to the others over a BroadcastChannel;
// when that tab goes (closed, left or frozen), the next tab in line takes the lock and opens the
// stream from the last id it heard. Each tab applies only events after the last id it heard, so
// the holder can always go back: a tab that joins, or that finds it missed events (each event
// says which came before it on the stream), says where it stands, and the holder opens the stream
// again from there if it is further on. A page left for
// the back/forward cache lets go of its part and takes it up again when shown. A dropped stream is
// opened again after a pause (longer while it keeps failing), from the last id heard (`?after=`).
import type { QueryClient } from "@tanstack/react-query";
import type { EntryChange, StoryChange } from "../model/change";
import { refreshOfflineCopy } from "../saved/savedActions";
import { savedStories } from "../saved/savedStories";
import { notePublished, noteStoryChange } from "./changesSeen";

/** Pauses before opening a dropped stream again, one more step each failure in a row. */
const RESTART_MS = [1_000, 2_000, 5_000, 15_000, 30_000];
const EVENTS = ["story", "entry", "ready", "reset"] as const;

/** An event of the stream, as the holder passes it on. */
interface Heard {
  name: (typeof EVENTS)[number];
  id: number;
  /** The id the stream stood at before it (null: a stream opened from whatever came next). */
  after: number | null;
  data: string;
}
/** On the channel: an event; where a tab stands (`from`); or a new holder asking where each stands. */
type Message = Heard | { from: number | null } | "where";

export function startChangeStream(queryClient: QueryClient): void {
  if (typeof EventSource === "undefined") return;
  // Where the change log stood when the server made this page: what changed since reaches it too.
  let lastId = pagePlace();
  /** Applies an event once; false if events before it were missed (the holder must go back). */
  const apply = ({ name, id, after, data }: Heard): boolean => {
    if (lastId !== null && id <= lastId) return true; // heard already
    if (lastId !== null && after !== null && after > lastId) return false;
    lastId = id;
    if (name === "story") storyChanged(queryClient, JSON.parse(data) as StoryChange);
    else if (name === "entry")
      void queryClient.invalidateQueries({ queryKey: ["live-entries", (JSON.parse(data) as EntryChange).slug] });
    else if (name === "reset") {
      // Too much was missed to replay: whatever the page holds may be old.
      void queryClient.invalidateQueries({ refetchType: "none" });
      notePublished();
    }
    return true;
  };

  const join = (): (() => void) => {
    if (!("locks" in navigator) || typeof BroadcastChannel === "undefined") return openStream(lastId, apply).close;
    const channel = new BroadcastChannel("dispatch-changes");
    const left = new AbortController();
    let stream: Stream | undefined;
    const sayWhere = () => channel.postMessage({ from: lastId } satisfies Message);
    channel.onmessage = ({ data }: MessageEvent<Message>) => {
      if (data === "where") sayWhere();
      else if ("from" in data) {
        if (data.from !== null) stream?.rewind(data.from);
      } else if (!apply(data)) sayWhere();
    };
    sayWhere();
    navigator.locks
      .request("dispatch-change-stream", { signal: left.signal }, () => {
        if (left.signal.aborted) return;
        stream = openStream(lastId, (heard) => {
          apply(heard);
          channel.postMessage(heard satisfies Message);
        });
        channel.postMessage("where" satisfies Message);
        // Held until this tab lets go.
        return new Promise<void>((release) => left.signal.addEventListener("abort", () => release()));
      })
      .catch(() => {}); // let go while still waiting in line
    return () => {
      left.abort();
      stream?.close();
      channel.close();
    };
  };

  // Let go when the page is left (the back/forward cache keeps it) or frozen; take up again when
  // shown, a moment later: the page just left may not have let go yet, and a page in the cache
  // whose lock is asked for is dropped from it.
  let leave: (() => void) | null = join();
  const stop = () => {
    leave?.();
    leave = null;
  };
  const start = () =>
    setTimeout(() => {
      leave ??= join();
    }, 0);
  addEventListener("pagehide", stop);
  addEventListener("pageshow", start);
  document.addEventListener("freeze", stop);
  document.addEventListener("resume", start);
}

interface Stream {
  close(): void;
  /** Opens the stream again from `from` if it stands past it. */
  rewind(from: number): void;
}

function openStream(after: number | null, hear: (heard: Heard) => unknown): Stream {
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
        const after = at;
        at = Number(event.lastEventId);
        hear({ name, id: at, after, data: event.data });
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
  return {
    close,
    rewind(from) {
      if (at !== null && from >= at) return;
      at = from;
      close();
      // Several tabs may answer at once: the stream opens once, from the earliest.
      timer = setTimeout(open);
    },
  };
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
