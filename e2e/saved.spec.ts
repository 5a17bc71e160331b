// Saved stories: saved from a story page or a headline, listed at /saved in every tab of the
// browser, removed and put back, and read offline through the service worker.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { fetchStory, inlineRelated, WATCH_PATH, WATCH_SLUG, waitForHydration } from "./support";

/** The story page's own Save button, "Saved" once pressed (headline cards' buttons also name their headline). */
const storySaveButton = (page: Page) => page.getByRole("button", { name: /^Saved?$/ });
const savedHeadlines = (page: Page) => page.getByRole("main").getByRole("heading", { level: 2 });

async function openSaved(page: Page): Promise<void> {
  await page.goto("/saved");
  await expect(page.getByRole("heading", { level: 1, name: "Saved stories" })).toBeVisible();
}

/** Waits until the service worker controls the page, so that what follows goes through it. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Whether the saved-stories cache holds a copy of each URL (the page writes it after a save). */
function cachedCopies(page: Page, urls: string[]): Promise<boolean> {
  return page.evaluate(async (wanted) => {
    const cache = await caches.open("dispatch-saved");
    const found = await Promise.all(wanted.map((url) => cache.match(url)));
    return found.every(Boolean);
  }, urls);
}

test("a story saved on its page stays saved after a reload, and shows in /saved and in every tab at once", async ({
  page,
  context,
  request,
}) => {
  const watch = await fetchStory(request, WATCH_SLUG);
  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  await expect(storySaveButton(page)).toHaveAttribute("aria-pressed", "false");
  await storySaveButton(page).click();
  await expect(storySaveButton(page)).toHaveAttribute("aria-pressed", "true");
  await expect(storySaveButton(page)).toHaveText("Saved");

  await page.reload();
  await waitForHydration(page);
  await expect(storySaveButton(page)).toHaveAttribute("aria-pressed", "true");

  await openSaved(page);
  await expect(savedHeadlines(page)).toHaveText([watch.headline]);
  await expect(page.getByRole("main").getByRole("link", { name: watch.headline })).toHaveAttribute("href", WATCH_PATH);

  // A second tab of the same browser sees it saved; removing it in one tab shows in the other at once.
  const other = await context.newPage();
  await other.goto(WATCH_PATH);
  await waitForHydration(other);
  await expect(storySaveButton(other)).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: `Remove ${watch.headline}` }).click();
  await expect(savedHeadlines(page)).toHaveCount(0);
  await expect(storySaveButton(other)).toHaveAttribute("aria-pressed", "false");

  await storySaveButton(other).click();
  await expect(savedHeadlines(page)).toHaveText([watch.headline]);
});

test("stories saved from headlines list newest first; Remove, then Undo puts a story back in its place", async ({
  page,
}) => {
  await page.goto("/");
  await waitForHydration(page);
  const latest = page.getByRole("region", { name: "Latest" }).getByRole("article");
  // Three headlines no other story on the list shares: other tests publish stories on this server,
  // some under one headline twice.
  const listed = await latest.getByRole("heading").allTextContents();
  const headlines = listed.filter((headline) => listed.indexOf(headline) === listed.lastIndexOf(headline)).slice(0, 3);
  expect(headlines).toHaveLength(3);
  for (const headline of headlines) {
    const save = page.getByRole("button", { name: `Save ${headline}`, exact: true }).first();
    await save.click();
    await expect(page.getByRole("button", { name: `Saved ${headline}`, exact: true }).first()).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  }
  const [first, second, third] = headlines as [string, string, string];

  await openSaved(page);
  await expect(savedHeadlines(page)).toHaveText([third, second, first]);

  await page.getByRole("button", { name: `Remove ${second}`, exact: true }).click();
  await expect(savedHeadlines(page)).toHaveText([third, first]);
  await expect(page.getByRole("status")).toHaveText(`Removed “${second}”.`);
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(savedHeadlines(page)).toHaveText([third, second, first]);
  await expect(page.getByRole("status")).toHaveText(`Put back “${second}”.`);
  await expect(page.getByRole("button", { name: `Remove ${second}`, exact: true })).toBeFocused();

  // Still so after a reload: the list is kept in the browser.
  await page.reload();
  await expect(savedHeadlines(page)).toHaveText([third, second, first]);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});

test("offline, /saved and a saved story open in full; an unsaved story shows the offline page", async ({
  page,
  context,
  request,
}) => {
  const watch = await fetchStory(request, WATCH_SLUG);
  const [unsaved] = inlineRelated(watch);
  if (!unsaved) throw new Error("the WATCH story has no inline related headline");
  if (!watch.image?.version) throw new Error("the WATCH story has no lead picture with renditions");
  // The rendition this browser picks (AVIF, at its width) is among those kept.
  const leadImage = `/img${watch.image.src}/${watch.image.version}/w320.avif`;

  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  await storySaveButton(page).click();
  // The first save brings the service worker.
  await waitForServiceWorker(page);
  await expect
    .poll(() => cachedCopies(page, [WATCH_PATH, `/api/stories/${WATCH_SLUG}`, leadImage]), {
      message: "the saved story's page, JSON and lead image are kept for offline reading",
    })
    .toBe(true);

  await context.setOffline(true);

  // The saved list opens, and its link opens the story client-side from the kept JSON.
  await openSaved(page);
  await expect(savedHeadlines(page)).toHaveText([watch.headline]);
  await page.getByRole("main").getByRole("link", { name: watch.headline }).click();
  await expect(page).toHaveURL(WATCH_PATH);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(watch.headline);

  // Opened as a page load, the saved story renders in full: headline, paragraphs, lead image.
  const response = await page.goto(WATCH_PATH);
  expect(response?.fromServiceWorker()).toBe(true);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(watch.headline);
  const paragraphs = watch.body.filter((block) => block.type === "paragraph");
  for (const paragraph of paragraphs) await expect(page.getByText(paragraph.text ?? "", { exact: true })).toBeVisible();
  const lead = page.locator("main figure picture img").first();
  await expect
    .poll(() => lead.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0))
    .toBe(true);
  expect(await lead.evaluate((image: HTMLImageElement) => image.currentSrc)).toMatch(/\/img\/media\/.+\.avif$/);
  await expect(storySaveButton(page)).toHaveAttribute("aria-pressed", "true");

  // A story that was not saved: the offline page, not a browser error.
  const offline = await page.goto(`/stories/${unsaved.slug}`);
  expect(offline?.status()).toBe(503);
  expect(offline?.statusText()).toBe("Offline");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/offline/i);
  await expect(page.getByRole("link", { name: /saved stories/ })).toHaveAttribute("href", "/saved");

  // Back online, pages come from the network again.
  await context.setOffline(false);
  const online = await page.goto(`/stories/${unsaved.slug}`);
  expect(online?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(unsaved.headline);
});

test("a saved story is read from the network while online, and its kept copy follows what was published", async ({
  page,
  context,
  request,
}) => {
  const slug = `saved-by-e2e-${test.info().workerIndex}-${Date.now()}`;
  const publish = async (headline: string) => {
    const response = await request.put(`/api/stories/${slug}`, {
      headers: { authorization: `Bearer ${adminToken}` },
      data: {
        headline,
        section: "culture",
        authors: [],
        tags: [],
        // Older than the demo stories, so the front page the other tests read stays as it was.
        publishedAt: "2026-10-01T09:00:00.000Z",
        updatedAt: "2026-10-01T09:00:00.000Z",
        body: [{ type: "paragraph", text: "A story the saved-stories tests publish." }],
      },
    });
    expect(response.ok()).toBe(true);
  };
  await publish("Harbour lights switched on");
  await page.goto(`/stories/${slug}`);
  await waitForHydration(page);
  await storySaveButton(page).click();
  await waitForServiceWorker(page);
  await expect.poll(() => cachedCopies(page, [`/stories/${slug}`])).toBe(true);

  await publish("Harbour lights switched on a week early");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Harbour lights switched on a week early");
  await expect
    .poll(() =>
      page.evaluate(
        async (path) => (await (await caches.open("dispatch-saved")).match(path))?.text(),
        `/stories/${slug}`,
      ),
    )
    .toContain("Harbour lights switched on a week early");

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Harbour lights switched on a week early");
});

test("a reader who saves nothing gets no service worker; the first save brings it, with this build's shell, and drops an older build's", async ({
  page,
  request,
}) => {
  // A cache an earlier deploy's worker left, made before this build's worker installs.
  await page.goto("/robots.txt");
  await page.evaluate(async () => {
    const old = await caches.open("dispatch-shell-0earlier0000");
    await old.put("/assets/index-earlier.js", new Response("// an earlier build"));
  });

  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  // Loaded, hydrated and left a moment: a first visit registers no worker (it would fetch its
  // script and the offline pages for a reader who may never come back).
  await page.waitForTimeout(1_000);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined)).toBe(true);

  await storySaveButton(page).click();
  await waitForServiceWorker(page);
  const worker = await (await request.get("/sw.js")).text();
  const version = /"version":"([0-9a-f]{12})"/.exec(worker)?.[1];
  expect(version, "sw.js carries its build's version").toBeTruthy();
  const shell = `dispatch-shell-${version}`;
  await expect
    .poll(async () => (await page.evaluate(() => caches.keys())).filter((name) => name.startsWith("dispatch-shell-")))
    .toEqual([shell]);

  // The build's files this page loaded: its stylesheet, the app's entry (imported once the page
  // has loaded) and the chunks it needs; and every other script and style of the build.
  const pageFiles = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /^\/assets\/.+\.(js|css)$/.test(path)),
  );
  expect(pageFiles.length).toBeGreaterThan(1);
  const missing = (urls: string[]) =>
    page.evaluate(
      async ({ name, urls }) => {
        const cache = await caches.open(name);
        const found = await Promise.all(urls.map(async (url) => Boolean(await cache.match(url))));
        return urls.filter((_url, i) => !found[i]);
      },
      { name: shell, urls },
    );
  await expect.poll(() => missing([...pageFiles, ...shellFiles(worker), "/saved", "/offline.html"])).toEqual([]);
});

/** The build's scripts and styles, as sw.js lists them. */
const shellFiles = (worker: string): string[] =>
  (JSON.parse(/"files":(\[[^\]]*\])/.exec(worker)?.[1] ?? "[]") as string[]).filter((file) =>
    file.startsWith("/assets/"),
  );

test("the site is installable: a web app manifest with the icons", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('head link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const response = await request.get(href ?? "");
  expect(response.headers()["content-type"]).toMatch(/manifest\+json/);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: "Dispatch", start_url: "/", display: "standalone" });
  for (const icon of manifest.icons as { src: string }[])
    expect((await request.get(icon.src)).headers()["content-type"]).toBe("image/png");
});
