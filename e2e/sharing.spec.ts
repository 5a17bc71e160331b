// Sharing a story and a quote, as a reader does it in the browser.
import { expect, test } from "@playwright/test";
import { fetchStory, WATCH_PATH, WATCH_SLUG, waitForHydration } from "./support";

test("the share bar falls back to copying the canonical link, and says so", async ({ page, context, request }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Desktop Linux Chromium has no share sheet; make sure of it, so the fallback is what runs.
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "share", { value: undefined, configurable: true });
  });
  const story = await fetchStory(request, WATCH_SLUG);
  await page.goto(`${WATCH_PATH}?utm_source=test`);
  await expect(page).toHaveURL(new RegExp(`${WATCH_PATH}$`));
  await waitForHydration(page);
  const bar = page.getByRole("navigation", { name: "Share this story", exact: true });
  const header = page.locator("article header");
  await header.getByRole("button", { name: "Copy link" }).click();
  const status = header.getByRole("status").filter({ hasText: /./ });
  await expect(status).toHaveText("Link copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(story.url);
  // The message goes once it has been seen (and read out).
  await expect(status).toHaveCount(0, { timeout: 8_000 });
  for (const name of ["X", "Facebook", "LinkedIn", "WhatsApp", "Bluesky", "Email"]) {
    const href = await bar.getByRole("link", { name, exact: true }).getAttribute("href");
    expect(decodeURIComponent(href ?? ""), name).toContain(story.url);
  }
});

test("a quote URL scrolls to the quote and marks it", async ({ page, request }) => {
  const story = await fetchStory(request, WATCH_SLUG);
  const passages = story.body.filter((b) => b.type === "paragraph" || b.type === "quote");
  const n = passages.map((b) => b.type).lastIndexOf("quote") + 1;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${WATCH_PATH}?quote=${n}`);
  const quote = page.locator(`#p-${n}`);
  await expect(quote.locator("mark")).toHaveText(passages[n - 1]?.text ?? "");
  await expect(quote).toBeInViewport();
  await expect(page.locator("main mark")).toHaveCount(1);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", story.url);
});

test("without JavaScript, the share links are still there", async ({ browser, request }) => {
  const story = await fetchStory(request, WATCH_SLUG);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(WATCH_PATH);
  const bar = page.getByRole("navigation", { name: "Share this story", exact: true });
  await expect(bar.getByRole("link", { name: "Email" })).toHaveAttribute(
    "href",
    `mailto:?subject=${encodeURIComponent(story.headline)}&body=${encodeURIComponent(story.url)}`,
  );
  await expect(page.getByRole("button", { name: /Copy link|Share|Save/ })).toHaveCount(0);
  // No room is kept for the buttons that cannot come: the share links follow the byline.
  const byline = await page.locator("article header p", { hasText: /^Published/ }).boundingBox();
  const links = await bar.boundingBox();
  expect((links?.y ?? 0) - ((byline?.y ?? 0) + (byline?.height ?? 0))).toBeLessThan(24);
  await context.close();
});

test("a story without a big picture shares its card, drawn by the built server's card worker", async ({
  page,
  request,
}) => {
  const slug = "gales-shut-kessel-strait-to-shipping";
  await page.goto(`/stories/${slug}`);
  const image = await page.locator('head meta[property="og:image"]').getAttribute("content");
  expect(new URL(image ?? "", "http://x").pathname).toBe(`/og/${slug}.png`);
  const card = await request.get(image ?? "");
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
  const png = await card.body();
  // The PNG's first chunk (IHDR) holds its width and height.
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  const etag = card.headers().etag ?? "";
  expect((await request.get(image ?? "", { headers: { "if-none-match": etag } })).status()).toBe(304);
});
