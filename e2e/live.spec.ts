// A live story in the browser: entries newest first with the pinned ones above, a new entry
// arriving at the top while the reader reads further down without moving what they read,
// announced politely; older updates loaded in place; no console errors; no axe violations.
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { loaderScripts, WATCH_PATH, waitForHydration } from "./support";

const auth = { authorization: `Bearer ${adminToken}` };

async function liveStory(request: APIRequestContext, entries: number): Promise<string> {
  const slug = `live-e2e-${test.info().workerIndex}-${Date.now()}`;
  const created = await request.put(`/api/stories/${slug}`, {
    headers: auth,
    data: {
      headline: "Night market storm: the evening as it happens",
      deck: "Stallholders pack up early as the rain sets in.",
      section: "city",
      authors: [{ slug: "test-desk", name: "Test Desk" }],
      tags: [],
      // Older than the demo stories, so the front page other tests read stays as it was.
      publishedAt: "2026-10-01T17:00:00.000Z",
      updatedAt: "2026-10-01T17:00:00.000Z",
      body: [{ type: "paragraph", text: "Rain reached the night market at six." }],
      live: true,
    },
  });
  expect(created.status()).toBe(201);
  for (let i = 1; i <= entries; i++) {
    const posted = await request.post(`/api/stories/${slug}/entries`, {
      headers: auth,
      data: {
        postedAt: new Date(Date.parse("2026-10-01T17:00:00Z") + i * 60_000).toISOString(),
        body: [{ type: "paragraph", text: `Market update ${i}: stalls along the quay report what the rain is doing.` }],
        pinned: i === 1,
      },
    });
    expect(posted.status()).toBe(201);
  }
  return slug;
}

test("a live story's page preloads its entries' code with its own; a story not live names none of it", async ({
  page,
  request,
}) => {
  const slug = await liveStory(request, 3);
  const live = loaderScripts(await (await request.get(`/stories/${slug}`)).text());
  expect(live.chunks.filter((href) => /^\/assets\/LiveEntries-[\w-]{8}\.js$/.test(href))).toHaveLength(1);
  const notLive = loaderScripts(await (await request.get(WATCH_PATH)).text());
  expect(notLive.chunks.filter((href) => href.includes("LiveEntries"))).toEqual([]);
  const fetched = new Set<string>();
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/assets/") && path.endsWith(".js")) fetched.add(path);
  });
  await page.goto(`/stories/${slug}`);
  await waitForHydration(page);
  await expect(page.getByRole("list", { name: "Updates, newest first" }).getByRole("listitem")).toHaveCount(2);
  // Every script the page runs came with its loader's preloads: none waited for another to ask for it.
  expect([...fetched].sort()).toEqual([live.entry, ...live.chunks].sort());
});

test("a new entry slides in at the top without moving what the reader reads, and is announced", async ({
  page,
  request,
}) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  const slug = await liveStory(request, 24);
  await page.setViewportSize({ width: 1280, height: 800 });
  const streaming = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/events");
  await page.goto(`/stories/${slug}`);
  await waitForHydration(page);
  // The change stream is open: a new entry reaches the page through it, not a poll.
  expect((await streaming).status()).toBe(200);

  // The story's own kicker (a list beside it may mark the story Live too).
  await expect(page.locator("main article header").getByText("Live", { exact: true })).toBeVisible();
  const pinned = page.getByRole("list", { name: "Pinned updates" }).getByRole("listitem");
  await expect(pinned).toHaveCount(1);
  await expect(pinned.first()).toContainText("Market update 1:");
  await expect(pinned.first()).toContainText("Pinned");
  const updates = page.getByRole("list", { name: "Updates, newest first" }).getByRole("listitem");
  await expect(updates).toHaveCount(20);
  await expect(updates.first()).toContainText("Market update 24:");
  await expect(updates.nth(1)).toContainText("Market update 23:");

  // The reader is reading update 12, halfway down the screen.
  const reading = page.getByText("Market update 12:", { exact: false });
  await reading.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const readingTop = async () => reading.evaluate((element) => element.getBoundingClientRect().top);
  const before = await readingTop();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);

  const posted = await request.post(`/api/stories/${slug}/entries`, {
    headers: auth,
    data: {
      headline: "Quay closed",
      body: [{ type: "paragraph", text: "The harbour office closes the quay to stalls." }],
    },
  });
  expect(posted.status()).toBe(201);

  await expect(updates.first()).toContainText("The harbour office closes the quay to stalls.");
  await expect(updates.first().getByRole("heading", { level: 3 })).toHaveText("Quay closed");
  await expect(updates.nth(1)).toContainText("Market update 24:");
  await expect(page.getByRole("status").filter({ hasText: "new update" })).toHaveText("1 new update");
  // What the reader was reading has not moved on the screen; the page grew above it.
  expect(Math.abs((await readingTop()) - before)).toBeLessThanOrEqual(1);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled);

  // Older updates load in place, below, with the URL unchanged.
  const url = page.url();
  await page.getByRole("link", { name: "Older updates" }).click();
  // 24 not pinned: the 20 of the first page, the 4 below them.
  await expect(updates).toHaveCount(24);
  await expect(updates.last()).toContainText("Market update 2:");
  await expect(page.getByRole("link", { name: "Older updates" })).toHaveCount(0);
  expect(page.url()).toBe(url);
  await expect(page.getByRole("status").filter({ hasText: "new update" })).toHaveText("1 new update");

  expect(problems).toEqual([]);
});

test("a live story's page has no axe violations, desktop and phone, light and dark", async ({ page, request }) => {
  // Four full axe runs: 14 s alone here, past 30 s while another worker runs Lighthouse.
  test.slow();
  const slug = await liveStory(request, 3);
  await page.goto(`/stories/${slug}`);
  await waitForHydration(page);
  for (const [width, height, colorScheme] of [
    [1280, 800, "light"],
    [1280, 800, "dark"],
    [390, 844, "light"],
    [390, 844, "dark"],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(", ")}`),
    ).toEqual([]);
  }
});

test("without JavaScript, older updates are a page of their own", async ({ browser, request }) => {
  const slug = await liveStory(request, 24);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/stories/${slug}`);
  const updates = page.getByRole("list", { name: "Updates, newest first" }).getByRole("listitem");
  await expect(updates).toHaveCount(20);
  await page.getByRole("link", { name: "Older updates" }).click();
  await expect(page).toHaveURL(new RegExp(`/stories/${slug}\\?before=\\d+$`));
  await expect(updates).toHaveCount(3);
  await expect(updates.first()).toContainText("Market update 4:");
  await expect(page.getByRole("list", { name: "Pinned updates" })).toHaveCount(0);
  await page.getByRole("link", { name: "Latest updates" }).click();
  await expect(page).toHaveURL(new RegExp(`/stories/${slug}$`));
  await context.close();
});
