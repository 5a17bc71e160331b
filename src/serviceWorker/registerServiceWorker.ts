// Registers the service worker for a reader who keeps stories offline: one with saved stories, once
// the page has loaded (so the worker's install never competes with the page's own first load), or
// at the moment a story is saved (src/saved/offlineCopy.ts). A reader who has saved nothing gets no
// worker: a first visit from a shared link fetches no worker script and no offline pages it would
// never use (docs/decisions/004, 028).
import { SAVED_STORIES_KEY } from "../saved/savedStoriesKey";

const WORKER = "/sw.js";

/** Whether this browser keeps any saved story (the list savedStories.ts writes). */
function keepsSavedStories(): boolean {
  try {
    return (localStorage.getItem(SAVED_STORIES_KEY) ?? "[]").length > 2;
  } catch {
    return false;
  }
}

/** Registers the worker now; resolves once it is active (undefined where there is none). */
export async function registerServiceWorkerNow(): Promise<ServiceWorker | undefined> {
  if (!("serviceWorker" in navigator)) return undefined;
  try {
    // updateViaCache "none": the browser asks the server for sw.js on every check, never its HTTP cache.
    await navigator.serviceWorker.register(WORKER, { updateViaCache: "none" });
    return (await navigator.serviceWorker.ready).active ?? undefined;
  } catch {
    // Without a worker the site works as before, only not offline.
    return undefined;
  }
}

/** At start: the worker for a reader with saved stories, once the page has loaded. */
export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || !keepsSavedStories()) return;
  const register = () => void registerServiceWorkerNow();
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
