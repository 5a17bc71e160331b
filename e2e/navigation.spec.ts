// Moving from story to story with JavaScript: clicks are client-side navigations (no page load),
// the head and focus follow the page, headlines are fetched on hover (the story, and the story
// page's code where it is not loaded yet), Back works.
import { expect, test } from "@playwright/test";
import { documentIsMarked, fetchStory, inlineRelated, markDocument, WATCH_SLUG, waitForHydration } from "./support";

test("a server-rendered story hydrates from the data in the page, without fetching it again", async ({ page }) => {
  const apiRequests: string[] = [];
  page.on("request", (r) => {
    // Reads only: the view report (POST /api/views) is not a fetch of data the page already has,
    // nor is the change stream (/api/events), which tells the page what changes from now on.
    const { pathname } = new URL(r.url());
    if (r.method() === "GET" && pathname.startsWith("/api/") && pathname !== "/api/events") apiRequests.push(pathname);
  });
  const mostRead = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/most-read");
  await page.goto(`/stories/${WATCH_SLUG}`);
  await waitForHydration(page);
  await page.waitForLoadState("load");
  await mostRead;
  // Most read alone: it changes by the minute, so it is not in the page a server or CDN keeps
  // (docs/decisions/026), and the page fetches it once it runs.
  expect(apiRequests).toEqual(["/api/most-read"]);
});

test("the page the server wrote keeps its head when the reader follows a link within it", async ({ page }) => {
  // The router's first data comes without the head, which the page's <head> holds (decision 053).
  const head = () =>
    page.evaluate(() => ({
      title: document.title,
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute("href"),
      tags: document.head.querySelectorAll("[data-head]").length,
    }));
  await page.goto(`/stories/${WATCH_SLUG}`);
  await waitForHydration(page);
  await markDocument(page);
  const written = await head();
  expect(written.title).not.toBe("Dispatch");
  // The skip link, a same-page link: the router takes the new location and shows the same data.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  // The head follows a page a frame after it is painted: two frames later, nothing has moved.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(done), 50))),
  );
  expect(await head()).toEqual(written);
  expect(await documentIsMarked(page)).toBe(true);
});

test("front page → WATCH story → related story → Back, all client-side", async ({ page, request }) => {
  const watch = await fetchStory(request, WATCH_SLUG);
  const [firstRelated] = inlineRelated(watch);
  if (!firstRelated) throw new Error("the WATCH story has no inline related headline");
  const related = await fetchStory(request, firstRelated.slug);

  await page.goto("/");
  await waitForHydration(page);
  await markDocument(page);

  // Front page → the WATCH story.
  await page.getByRole("main").getByRole("link", { name: watch.headline, exact: true }).first().click();
  await expect(page).toHaveURL(`/stories/${WATCH_SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(watch.headline);
  await expect(page).toHaveTitle(`${watch.headline} | Dispatch`);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", watch.url);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  expect(await documentIsMarked(page), "the click was a client-side navigation").toBe(true);

  // Pointing at the first related headline in the body fetches that story before any click.
  const apiPath = `/api/stories/${firstRelated.slug}`;
  const storyRequests: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === apiPath) storyRequests.push(r.url());
  });
  const link = page.locator("main p").getByRole("link", { name: firstRelated.headline, exact: true });
  const prefetched = page.waitForResponse((r) => new URL(r.url()).pathname === apiPath);
  await link.hover();
  expect((await prefetched).status()).toBe(200);
  expect(storyRequests).toHaveLength(1);

  await link.click();
  await expect(page).toHaveURL(`/stories/${related.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(related.headline);
  await expect(page).toHaveTitle(`${related.headline} | Dispatch`);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", related.url);
  await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute("content", related.headline);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page.getByRole("progressbar", { name: "Loading page" })).toHaveCount(0);
  expect(await documentIsMarked(page), "the click was a client-side navigation").toBe(true);
  // The click painted from the prefetched data: the story was not fetched a second time.
  expect(storyRequests).toHaveLength(1);

  // Back returns to the WATCH story, still in the same document.
  await page.goBack();
  await expect(page).toHaveURL(`/stories/${WATCH_SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(watch.headline);
  await expect(page).toHaveTitle(`${watch.headline} | Dispatch`);
  expect(await documentIsMarked(page), "Back was a client-side navigation").toBe(true);
});

test("pointing at a headline on the front page fetches the story and the story page's code", async ({
  page,
  request,
}) => {
  const watch = await fetchStory(request, WATCH_SLUG);
  await page.goto("/");
  await waitForHydration(page);
  const data = page.waitForRequest((r) => new URL(r.url()).pathname === `/api/stories/${WATCH_SLUG}`);
  const code = page.waitForRequest((r) => /^\/assets\/StoryPage-[\w-]{8}\.js$/.test(new URL(r.url()).pathname));
  await page.getByRole("main").getByRole("link", { name: watch.headline, exact: true }).first().hover();
  await Promise.all([data, code]);
});

test("focusing a related headline with the keyboard also fetches it ahead of Enter", async ({ page, request }) => {
  const watch = await fetchStory(request, WATCH_SLUG);
  const second = inlineRelated(watch)[1];
  if (!second) throw new Error("the WATCH story has no second inline related headline");
  const related = await fetchStory(request, second.slug);

  await page.goto(`/stories/${WATCH_SLUG}`);
  await waitForHydration(page);
  await markDocument(page);

  const apiPath = `/api/stories/${second.slug}`;
  const link = page.locator("main p").getByRole("link", { name: second.headline, exact: true });
  const prefetched = page.waitForRequest((r) => new URL(r.url()).pathname === apiPath);
  await link.focus();
  await prefetched;
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/stories/${second.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(related.headline);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  expect(await documentIsMarked(page)).toBe(true);
});

test("a related story clicked at the foot of a story opens at its top, focused, with its own head; Back restores both", async ({
  page,
  request,
}) => {
  const watch = await fetchStory(request, WATCH_SLUG);
  const [first] = watch.related;
  if (!first) throw new Error("the WATCH story has no related stories");
  const related = await fetchStory(request, first.slug);
  const jsonLdHeadlines = () =>
    page
      .locator('head script[type="application/ld+json"]')
      .evaluateAll((scripts) =>
        scripts.map((s) => (JSON.parse(s.textContent ?? "null") as { headline?: string } | null)?.headline),
      );

  await page.goto(`/stories/${WATCH_SLUG}`);
  await waitForHydration(page);
  await markDocument(page);
  const onLoad = await jsonLdHeadlines();
  expect(onLoad).toContain(watch.headline);

  const apiPath = `/api/stories/${first.slug}`;
  const storyRequests: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === apiPath) storyRequests.push(r.url());
  });
  // The "Related stories" list at the story's foot: the reader has scrolled down to it.
  const link = page
    .getByRole("region", { name: "Related stories" })
    .getByRole("link", { name: first.headline, exact: true });
  await link.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  const prefetched = page.waitForResponse((r) => new URL(r.url()).pathname === apiPath);
  await link.hover();
  await prefetched;

  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(related.headline);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(page).toHaveTitle(`${related.headline} | Dispatch`);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", related.url);
  // The head's structured data is the new story's, as many scripts as a page load of it has.
  await expect.poll(jsonLdHeadlines).toEqual(onLoad.map((h) => (h === watch.headline ? related.headline : h)));
  expect(storyRequests).toHaveLength(1);
  expect(await documentIsMarked(page), "the click was a client-side navigation").toBe(true);

  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(watch.headline);
  await expect(page).toHaveTitle(`${watch.headline} | Dispatch`);
  await expect.poll(jsonLdHeadlines).toEqual(onLoad);
  expect(await documentIsMarked(page), "Back was a client-side navigation").toBe(true);
});
