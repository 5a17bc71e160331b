// Reading the site logs no errors: no console errors, no uncaught exceptions, no hydration warnings.
// (The 404 page is left out on purpose: its document itself is a 404 the console reports.)
import { expect, type Page, test } from "@playwright/test";
import { fetchStory, inlineRelated, WATCH_PATH, WATCH_SLUG, waitForHydration } from "./support";

function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error") problems.push(`console.error: ${text}`);
    else if (/hydrat/i.test(text)) problems.push(`console.${message.type()}: ${text}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

for (const path of ["/", WATCH_PATH, "/sections/city"]) {
  test(`loading ${path} logs no errors`, async ({ page }) => {
    const problems = collectProblems(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await waitForHydration(page);
    await page.waitForLoadState("load");
    expect(problems).toEqual([]);
  });
}

test("navigating client-side from a story to a related story logs no errors", async ({ page, request }) => {
  const watch = await fetchStory(request, WATCH_SLUG);
  const [first] = inlineRelated(watch);
  if (!first) throw new Error("the WATCH story has no inline related headline");
  const problems = collectProblems(page);
  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  await page.locator("main p").getByRole("link", { name: first.headline, exact: true }).click();
  await expect(page).toHaveURL(`/stories/${first.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first.headline);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(watch.headline);
  expect(problems).toEqual([]);
});
