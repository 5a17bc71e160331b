// Dispatch's service worker: saved stories open offline, and so does the app that shows them.
//
// Hand-written rather than Workbox: it does four small things (precache this build's shell, three
// fetch strategies, keep saved pages current), which read in one file, cost the reader a few KB
// once, and leave no build dependency to keep in step with Vite.
//
// Built into dist/client/sw.js by the dispatch:service-worker plugin (vite.config.ts), which puts
// this build's shell in place of __DISPATCH_SHELL__. It imports nothing, so the file it becomes is a
// classic script that any browser runs as a worker.
//
// Updates: a deploy changes the asset list, so sw.js changes and the browser installs it. The new
// worker takes over at once (skipWaiting + clients.claim) rather than waiting for every tab to
// close: pages are never served cache-first, so the next page load is the new build either way,
// and a reload prompt would only delay that. Old shell caches are deleted on activation.

/** The parts of the worker's global scope used here (the project's TypeScript is set up for pages). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: ExtendableMessageEvent) => void): void;
}

/** This build's shell, written in by the build: its hashed scripts and styles, and their version. */
declare const __DISPATCH_SHELL__: { version: string; files: string[] };

const worker = self as unknown as WorkerScope;
const shell = __DISPATCH_SHELL__;
const SHELL_CACHE = `dispatch-shell-${shell.version}`;
/** Saved stories' pages, JSON and pictures, written by the page (src/saved/offlineCopy.ts). */
const SAVED_CACHE = "dispatch-saved";
const OFFLINE_PAGE = "/offline.html";
/** Pages the shell keeps: the saved list opens offline, and the page shown for anything else. */
const SHELL_PAGES = ["/saved", OFFLINE_PAGE];
const loose = { ignoreVary: true };
/** The message a page sends once it has saved a story (src/saved/offlineCopy.ts). */
const KEEP_SHELL = "keep-shell";

worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(SHELL_PAGES.map((url) => new Request(url, { cache: "reload" })));
      // A reader with saved stories gets the new build's scripts now; others once they save one.
      if (await hasSavedStories()) await keepShell();
      await worker.skipWaiting();
    })(),
  );
});

// A page that has just saved a story asks for the scripts that open it offline.
worker.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === KEEP_SHELL) event.waitUntil(keepShell());
});

const hasSavedStories = async () =>
  (await caches.has(SAVED_CACHE)) && (await (await caches.open(SAVED_CACHE)).keys()).length > 0;

/**
 * Keeps this build's scripts and styles, so saved stories and the saved list open offline. Not at
 * install: a first visit would fetch every page's code beside the story's (the budget counts every
 * script a first visit fetches, docs/decisions/028). What the page already loaded comes from the
 * HTTP cache (the files are hashed and immutable); only the rest crosses the network.
 */
async function keepShell(): Promise<void> {
  const cache = await caches.open(SHELL_CACHE);
  const kept = new Set((await cache.keys()).map((request) => new URL(request.url).pathname));
  await cache.addAll(shell.files.filter((file) => !kept.has(file)));
}

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names.filter((name) => name.startsWith("dispatch-shell-") && name !== SHELL_CACHE).map((n) => caches.delete(n)),
      );
      await worker.clients.claim();
    })(),
  );
  // Not awaited: pages must not wait on it. Saved pages name the old build's scripts, which are gone.
  void refreshSavedPages();
});

/** Fetches the saved pages again, so that offline they boot with this build's scripts. */
async function refreshSavedPages(): Promise<void> {
  if (!(await caches.has(SAVED_CACHE))) return;
  const cache = await caches.open(SAVED_CACHE);
  const pages = (await cache.keys()).filter((request) => new URL(request.url).pathname.startsWith("/stories/"));
  await Promise.all(
    pages.map(async (request) => {
      try {
        const response = await fetch(request.url, { cache: "no-cache" });
        if (response.ok && !response.redirected) await cache.put(request, response);
      } catch {
        // Offline now: the copy is refreshed the next time the story is read online.
      }
    }),
  );
}

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // Event streams go to the browser untouched: one answered here lives as long as the worker, not
  // the page, and each held one of the host's six connections until no page on the site loaded.
  if (url.pathname === "/api/events" || request.headers.get("accept")?.includes("text/event-stream")) return;
  const sameSite = url.origin === worker.location.origin;
  if (request.mode === "navigate") {
    if (sameSite) event.respondWith(openPage(event, url));
  } else if (!sameSite) {
    // A saved story's pictures may come from another site.
    if (request.destination === "image") event.respondWith(networkFirst(request));
  } else if (url.pathname.startsWith("/assets/")) {
    event.respondWith(cacheFirst(event));
  } else if (url.pathname.startsWith("/api/")) {
    event.respondWith(apiNetworkFirst(event, url));
  } else if (!(request.destination === "video" || request.destination === "audio" || request.headers.has("range"))) {
    // (Video and audio stream in ranges: the browser fetches those itself.)
    event.respondWith(networkFirst(request));
  }
});

/** Pages: always the network first (a page names the current build's scripts), else a kept copy. */
async function openPage(event: FetchEvent, url: URL): Promise<Response> {
  try {
    // Revalidated with the server every time, as the browser does for a page load: a page's
    // stale-while-revalidate (meant for shared caches) must not let a worker's fetch show an old page.
    const response = await fetch(url.href, { cache: "no-cache", redirect: "manual", credentials: "same-origin" });
    if (response.ok && !url.search) event.waitUntil(keepCurrent(url, response.clone()));
    return response;
  } catch {
    const kept =
      (await caches.match(url.pathname, { ...loose, ignoreSearch: true, cacheName: SHELL_CACHE })) ??
      (await caches.match(url.pathname, { ...loose, ignoreSearch: true, cacheName: SAVED_CACHE }));
    return kept ?? offlinePage();
  }
}

/** A page read online replaces its kept copy: the saved list, and saved stories. */
async function keepCurrent(url: URL, response: Response): Promise<void> {
  if (SHELL_PAGES.includes(url.pathname)) await (await caches.open(SHELL_CACHE)).put(url.pathname, response);
  else await keepIfSaved(url.pathname, response);
}

async function offlinePage(): Promise<Response> {
  const page = await caches.match(OFFLINE_PAGE, { ...loose, cacheName: SHELL_CACHE });
  // The page keeps the policy it was sent with (its styles are allowed by their hash).
  const policy = page?.headers.get("content-security-policy");
  return new Response(page ? await page.text() : "You are offline.", {
    status: 503,
    statusText: "Offline",
    headers: {
      "content-type": page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
      ...(policy ? { "content-security-policy": policy } : {}),
    },
  });
}

/** The API: the network first (stories change), else a saved story's JSON, else an offline error. */
async function apiNetworkFirst(event: FetchEvent, url: URL): Promise<Response> {
  const { request } = event;
  try {
    const response = await fetch(request);
    if (response.ok) event.waitUntil(keepIfSaved(request, response.clone()));
    return response;
  } catch {
    const kept = await caches.match(request, { ...loose, cacheName: SAVED_CACHE });
    if (kept) return kept;
    const error = { error: { code: "offline", message: `You are offline, and ${url.pathname} is not saved.` } };
    return new Response(JSON.stringify(error), {
      status: 503,
      statusText: "Offline",
      headers: { "content-type": "application/json; charset=utf-8" },
    });
  }
}

/** Replaces a saved story's copy (and makes no cache for a reader who saved nothing). */
async function keepIfSaved(request: Request | string, response: Response): Promise<void> {
  if (await caches.match(request, { ...loose, cacheName: SAVED_CACHE }))
    await (await caches.open(SAVED_CACHE)).put(request, response);
}

/** Hashed assets never change: from the cache, else the network (into this build's cache). */
async function cacheFirst(event: FetchEvent): Promise<Response> {
  const { request } = event;
  const kept = await caches.match(request, loose);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(caches.open(SHELL_CACHE).then((cache) => cache.put(request, copy)));
  }
  return response;
}

/** Everything else (pictures, icons): the network, else a copy a saved story kept. */
async function networkFirst(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const kept = await caches.match(request, loose);
    if (kept) return kept;
    throw error;
  }
}
