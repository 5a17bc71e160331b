// Every kind of page runs under its Content-Security-Policy with nothing refused: no
// securitypolicyviolation event and no CSP console error, in the page or any frame, while it loads,
// hydrates and is used (the video played, the YouTube facade clicked, a story saved and read
// offline). And React hydrates the server's nodes rather than discarding them and rendering anew.
import { expect, type Page, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { type ApiStory, fetchStory, WATCH_PATH, WATCH_SLUG, waitForHydration } from "./support";

interface Watch {
  problems: string[];
}

/**
 * Records policy violations and errors from the first byte. At readystatechange "interactive"
 * (parsing done, no deferred or module script run yet) it notes the server-rendered elements, so
 * a test can tell hydrated nodes from nodes React threw away.
 */
async function watchPage(page: Page): Promise<Watch> {
  const watch: Watch = { problems: [] };
  await page.addInitScript(() => {
    const recorded: string[] = [];
    (window as unknown as { __problems?: string[] }).__problems = recorded;
    const record = (text: string) => recorded.push(text);
    document.addEventListener("securitypolicyviolation", (event) =>
      record(`violation: ${event.violatedDirective} ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`),
    );
    window.addEventListener("error", (event) => record(`error: ${event.message}`));
    document.addEventListener("readystatechange", () => {
      if (document.readyState === "interactive" && window === window.top)
        (window as unknown as { __serverNodes?: Element[] }).__serverNodes = [
          ...document.querySelectorAll("#root header, #root main, #root main *, #root footer"),
          // Most read is made by the browser (docs/decisions/026): its placeholder gives way to the list, or to nothing.
        ].filter((node) => !node.closest('[aria-labelledby="most-read-heading"]'));
    });
  });
  page.on("console", (message) => {
    const text = message.text();
    if (/Content.Security.Policy|Refused to|hydrat|recoverable/i.test(text))
      watch.problems.push(`console.${message.type()}: ${text}`);
  });
  page.on("pageerror", (error) => watch.problems.push(`pageerror: ${error.message}`));
  return watch;
}

/** What the page and its frames recorded, with the console's. */
async function problems(page: Page, watch: Watch): Promise<string[]> {
  const inFrames = await Promise.all(
    page
      .frames()
      .map((frame) =>
        frame.evaluate(() => (window as unknown as { __problems?: string[] }).__problems ?? []).catch(() => []),
      ),
  );
  return [...watch.problems, ...inFrames.flat()];
}

/** Server-rendered elements React dropped while hydrating (none when it hydrated them). */
function discardedServerNodes(page: Page): Promise<number> {
  return page.evaluate(() => {
    const nodes = (window as unknown as { __serverNodes?: Element[] }).__serverNodes;
    if (!nodes || nodes.length === 0) throw new Error("no server-rendered nodes were noted");
    return nodes.filter((node) => !node.isConnected).length;
  });
}

const PAGES: [string, string][] = [
  ["the front page", "/"],
  ["a story with video", WATCH_PATH],
  ["a story shared at a quote", `${WATCH_PATH}?quote=4`],
  ["a section", "/sections/city"],
  ["a tag", "/tags/harbour"],
  ["an author", "/authors/mara-lindqvist"],
  ["search", "/search?q=harbour"],
];

for (const [kind, path] of PAGES)
  test(`${kind} (${path}) runs under its policy and hydrates the server's nodes`, async ({ page }) => {
    const watch = await watchPage(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toMatch(/'strict-dynamic'/);
    await waitForHydration(page);
    await page.waitForLoadState("load");
    expect(await discardedServerNodes(page)).toBe(0);
    expect(await problems(page, watch)).toEqual([]);
  });

test("the saved list and a page that is not there run under their policies", async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto("/saved");
  await expect(page.getByRole("heading", { level: 1, name: "Saved stories" })).toBeVisible();
  const missing = await page.goto("/stories/no-such-story");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForLoadState("load");
  expect(await problems(page, watch)).toEqual([]);
});

test("the video plays under the policy", async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  const video = page.locator("main video");
  await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
  });
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime)).toBeGreaterThan(0.2);
  expect(await problems(page, watch)).toEqual([]);
});

/** Publishes a copy of the WATCH story whose video is another kind, and returns its path. */
async function publishVideoStory(page: Page, slug: string, video: Record<string, unknown>): Promise<string> {
  const watch: ApiStory = await fetchStory(page.request, WATCH_SLUG);
  const { url: _url, related: _related, ...story } = watch as ApiStory & { related: unknown };
  const body = watch.body.map((block) => (block.type === "video" ? { type: "video", ...video } : block));
  const response = await page.request.put(`/api/stories/${slug}`, {
    headers: { authorization: `Bearer ${adminToken}` },
    data: { ...story, slug, headline: `${watch.headline} (${slug})`, body },
  });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return `/stories/${slug}`;
}

test("the YouTube facade loads YouTube's player under the policy when clicked", async ({ page }) => {
  const path = await publishVideoStory(page, "csp-youtube-facade", {
    title: "A YouTube video",
    sources: [{ type: "video/youtube", src: "dQw4w9WgXcQ" }],
  });
  const watch = await watchPage(page);
  await page.goto(path);
  await waitForHydration(page);
  await page.getByRole("link", { name: /Play video/ }).click();
  const player = page.locator('main iframe[src^="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"]');
  await expect(player).toBeAttached();
  await page.waitForTimeout(500); // a refused frame reports at once; give it the moment to
  expect(await problems(page, watch)).toEqual([]);
});

test("a saved story and the offline page run offline under the policies they were sent with", async ({
  page,
  context,
}) => {
  const watch = await watchPage(page);
  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  // The first save brings the service worker.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect
    .poll(() =>
      page.evaluate(async (url) => Boolean(await (await caches.open("dispatch-saved")).match(url)), WATCH_PATH),
    )
    .toBe(true);

  await context.setOffline(true);
  const saved = await page.goto(WATCH_PATH);
  expect(saved?.fromServiceWorker()).toBe(true);
  expect(saved?.headers()["content-security-policy"]).toMatch(/'nonce-/);
  await waitForHydration(page);
  expect(await discardedServerNodes(page)).toBe(0);

  const offline = await page.goto("/stories/never-saved-anywhere");
  expect(offline?.status()).toBe(503);
  expect(offline?.headers()["content-security-policy"]).toMatch(/style-src 'self' 'sha256-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/offline/i);
  // Its own styles applied: the masthead's rule is the stylesheet's double border.
  expect(await page.locator("header").evaluate((element) => getComputedStyle(element).borderBottomStyle)).toBe(
    "double",
  );
  await context.setOffline(false);
  expect(await problems(page, watch)).toEqual([]);
});
