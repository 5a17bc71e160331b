// A story's correction in the browser: a region named "Correction" closing the story's body, read
// the same with JavaScript off, and dated in the site's zone, before and after the page runs.
import { expect, type Page, test } from "@playwright/test";
import { fetchStory, waitForHydration } from "./support";

const SLUG = "tidal-turbine-beats-first-month-target";

async function expectCorrectionAtTheEnd(page: Page, text: string) {
  const region = page.getByRole("region", { name: "Correction" });
  await expect(region).toBeVisible();
  await expect(region.getByRole("heading", { level: 2, name: "Correction" })).toBeVisible();
  await expect(region).toContainText(text);
  // Nothing of the story's body follows it; its last paragraph comes before it.
  expect(await region.evaluate((element) => element.nextElementSibling === null)).toBe(true);
  const last = page.locator("article p[id^='p-']").last();
  expect(
    await last.evaluate(
      (paragraph, section) => Boolean(paragraph.compareDocumentPosition(section as Node) & 4),
      await region.elementHandle(),
    ),
  ).toBe(true);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the correction closes the story, dated in UTC", async ({ page, request }) => {
    const story = await fetchStory(request, SLUG);
    const correction = story.body.find((block) => block.type === "correction");
    expect(correction?.text).toBeTruthy();
    await page.goto(`/stories/${SLUG}`);
    await expectCorrectionAtTheEnd(page, correction?.text ?? "");
    await expect(page.getByRole("region", { name: "Correction" }).locator("time")).toHaveText("14 Nov 2026, 09:30 UTC");
  });
});

test("once the page runs, the correction keeps its place and is dated in the reader's time", async ({
  page,
  request,
}) => {
  const story = await fetchStory(request, SLUG);
  const correction = story.body.find((block) => block.type === "correction");
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`/stories/${SLUG}`);
  await waitForHydration(page);
  await expectCorrectionAtTheEnd(page, correction?.text ?? "");
  const time = page.getByRole("region", { name: "Correction" }).locator("time");
  await expect(time).toHaveAttribute("datetime", "2026-11-14T09:30:00.000Z");
  await expect(time).toHaveText("14 Nov 2026, 09:30 UTC");
  expect(errors).toEqual([]);
});
