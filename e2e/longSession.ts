// A reader's long session in one tab, as full page loads under the service worker: opening links
// from a feed, reloading, going back and forward (from the back/forward cache where the browser
// keeps pages). Shared by the browser test (e2e/change-streams.spec.ts) and the bench
// (bench/longSession.ts), so both measure the same thing.
import type { Page } from "playwright-core";

/**
 * Makes this browser a reader who keeps a saved story, as the Save button leaves it: the list in
 * localStorage (src/saved/savedStories.ts), so the next page load registers the service worker.
 */
export async function keepASavedStory(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/saved`);
  await page.evaluate(async () => {
    const { items } = (await (await fetch("/api/stories?limit=1")).json()) as { items: object[] };
    const saved = items.map((story) => ({ ...story, savedAt: new Date().toISOString() }));
    localStorage.setItem("dispatch:saved-stories", JSON.stringify(saved));
  });
}

export interface SessionLoad {
  move: string;
  /**
   * From asking for the page until the reader has it: a page loaded is parsed (DOMContentLoaded:
   * it is server-rendered, so readable before its scripts and pictures), one from the
   * back/forward cache is shown (`pageshow`).
   */
  ms: number;
}

export interface LongSession {
  loads: SessionLoad[];
  /** How many of the moves showed a page kept in the back/forward cache. */
  restored: number;
}

/**
 * Opens the front page and waits until the service worker controls it; opens each story once
 * (untimed: the server's first render of a page and its pictures is not what this measures); then
 * times five moves per story (open it, reload, open the front page, back, forward: 30 for six
 * stories). Each move waits until its page has opened its change stream before the next, as a
 * reader's page does once it has loaded. A page that does not come within `timeoutMs` throws,
 * naming the move.
 */
export async function longSession(
  page: Page,
  origin: string,
  slugs: string[],
  timeoutMs = 10_000,
): Promise<LongSession> {
  // Each page writes when the reader had it, and counts those shown from the back/forward cache.
  await page.addInitScript(() => {
    const shown = () => sessionStorage.setItem("shownAt", String(Date.now()));
    document.addEventListener("DOMContentLoaded", shown);
    addEventListener("pageshow", (event) => {
      if (!event.persisted) return;
      shown();
      sessionStorage.setItem("restored", String(Number(sessionStorage.getItem("restored")) + 1));
    });
  });
  const within = { timeout: timeoutMs };
  const navigation = { ...within, waitUntil: "commit" } as const;
  const streamOpened = () => {
    const opened = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/events", within);
    opened.catch(() => {}); // awaited in turn; a page that never came fails first
    return opened;
  };

  // A reader under the service worker is one who keeps saved stories (the worker comes with the first).
  await keepASavedStory(page, origin);
  const first = streamOpened();
  await page.goto(`${origin}/`, within);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, within);
  await first;
  for (const slug of slugs) {
    const opened = streamOpened();
    await page.goto(`${origin}/stories/${slug}`, within);
    await opened;
  }

  const moves: [string, () => Promise<unknown>][] = slugs.flatMap((slug) => [
    [`open /stories/${slug}`, () => page.goto(`${origin}/stories/${slug}`, navigation)],
    ["reload", () => page.reload(navigation)],
    ["open /", () => page.goto(`${origin}/`, navigation)],
    ["back", () => page.goBack(navigation)],
    ["forward", () => page.goForward(navigation)],
  ]);
  const loads: SessionLoad[] = [];
  for (const [move, load] of moves) {
    try {
      const opened = streamOpened();
      const asked = Date.now();
      await load();
      const shownAt = await page.waitForFunction(
        (after) => {
          const shown = Number(sessionStorage.getItem("shownAt"));
          return shown >= after && shown;
        },
        asked,
        within,
      );
      loads.push({ move, ms: Number(await shownAt.jsonValue()) - asked });
      await opened;
    } catch (error) {
      throw new Error(`${move} (move ${loads.length + 1}): ${error instanceof Error ? error.message : error}`);
    }
  }
  const restored = Number(await page.evaluate(() => sessionStorage.getItem("restored")));
  return { loads, restored };
}
