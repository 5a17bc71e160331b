// A saved story's offline copy: its page, its JSON and its pictures, put in the Cache API by the
// page itself when the reader saves it (so a story saved before the service worker first installs
// is kept too). The service worker answers from the same cache when the network is gone.
// Loaded on demand: nothing here is part of a page's first load.
import { pictureUrls } from "../model/picture";
import type { Story } from "../model/story";

/** The service worker (src/serviceWorker/sw.ts) reads this cache by this name. */
export const SAVED_CACHE = "dispatch-saved";

const storyPage = (slug: string) => `/stories/${encodeURIComponent(slug)}`;
const storyJson = (slug: string) => `/api/stories/${encodeURIComponent(slug)}`;

/**
 * The pictures a saved story shows: its lead image, the images in its body (of a site picture,
 * every rendition its srcsets offer, since the browser picks by format and screen), its video posters.
 */
export function storyPictures(story: Pick<Story, "image" | "body">): string[] {
  const pictures = story.body.flatMap((block) =>
    block.type === "image" ? pictureUrls(block) : block.type === "video" && block.poster ? [block.poster] : [],
  );
  return [...new Set([...(story.image ? pictureUrls(story.image) : []), ...pictures])];
}

const cacheAvailable = () => typeof caches !== "undefined";

/** A page or JSON is fetched fresh from the server, never an HTTP cache's stale copy. */
const fresh: RequestInit = { cache: "no-cache" };

async function copy(cache: Cache, url: string, init: RequestInit = {}): Promise<void> {
  const sameSite = new URL(url, location.href).origin === location.origin;
  try {
    const response = await fetch(url, sameSite ? init : { mode: "no-cors" });
    if (!response.ok && response.type !== "opaque") return;
    // A navigation cannot be answered with a response that followed a redirect: keep a plain copy.
    await cache.put(url, response.redirected ? new Response(await response.blob(), response) : response);
  } catch {
    // A picture that cannot be fetched now is left out; the story still reads.
  }
}

export async function keepOffline(slug: string): Promise<void> {
  if (!cacheAvailable()) return;
  const cache = await caches.open(SAVED_CACHE);
  const response = await fetch(storyJson(slug), { ...fresh, headers: { accept: "application/json" } });
  if (!response.ok) return;
  const story = (await response.clone().json()) as Story;
  await Promise.all([
    cache.put(storyJson(slug), response),
    copy(cache, storyPage(slug), fresh),
    ...storyPictures(story).map((url) => copy(cache, url)),
  ]);
  // The service worker keeps the app's scripts from the first save on (src/serviceWorker/sw.ts).
  void navigator.serviceWorker?.ready.then((registration) => registration.active?.postMessage({ type: KEEP_SHELL }));
}

/** The message the service worker keeps the app's scripts on (src/serviceWorker/sw.ts reads the same). */
const KEEP_SHELL = "keep-shell";

async function filesOf(cache: Cache, slug: string): Promise<string[]> {
  const json = await cache.match(storyJson(slug));
  const story = json ? ((await json.json()) as Story) : undefined;
  return [storyPage(slug), storyJson(slug), ...(story ? storyPictures(story) : [])];
}

/**
 * Drops a story's offline copy, but no picture another saved story still shows. Resolves to a
 * function that puts the copy back (for Undo, which must work offline too, where it could not be
 * fetched again).
 */
export async function dropOfflineCopy(slug: string, stillSaved: string[]): Promise<() => Promise<void>> {
  if (!cacheAvailable()) return async () => {};
  const cache = await caches.open(SAVED_CACHE);
  const kept = new Set((await Promise.all(stillSaved.map((other) => filesOf(cache, other)))).flat());
  const dropped = (await filesOf(cache, slug)).filter((url) => !kept.has(url));
  const copies = await Promise.all(dropped.map(async (url) => [url, await cache.match(url)] as const));
  await Promise.all(dropped.map((url) => cache.delete(url)));
  return async () => {
    await Promise.all(copies.map(([url, response]) => (response ? cache.put(url, response) : undefined)));
  };
}
