// The search box in the masthead: results follow typing, and without JavaScript it is a form.
import { expect, test } from "@playwright/test";
import { documentIsMarked, fetchStory, markDocument, WATCH_SLUG, waitForHydration } from "./support";

test("typing in the search box shows results as you type, and one opens", async ({ page, request }) => {
  const story = await fetchStory(request, WATCH_SLUG);
  await page.goto("/");
  await waitForHydration(page);
  await markDocument(page);
  const box = page.getByRole("searchbox", { name: "Search stories" });
  await box.pressSequentially("kayak", { delay: 40 });
  await expect(page).toHaveURL(/\/search\?q=kayak$/);
  await expect(box).toBeFocused();
  const result = page.locator("main ol li h2 a").filter({ hasText: story.headline });
  await expect(result).toBeVisible();
  await expect(page.locator("main ol mark").first()).toBeVisible();
  await result.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(story.headline);
  expect(await documentIsMarked(page)).toBe(true);
});

test("without JavaScript the search box is a form that brings the results page", async ({ browser, request }) => {
  const story = await fetchStory(request, WATCH_SLUG);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search stories" }).fill("kayakers");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=kayakers$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search: kayakers");
  await page.locator("main ol li h2 a").filter({ hasText: story.headline }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(story.headline);
  await context.close();
});
