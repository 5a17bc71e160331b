// "More stories" on a listing page: in place with JavaScript, and the address keeps the position.
import { expect, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { documentIsMarked, markDocument, waitForHydration } from "./support";

const TAG = "paging-e2e";

test.beforeAll(async ({ request }) => {
  for (let i = 0; i < 24; i++) {
    const at = new Date(Date.UTC(2026, 8, 1, i)).toISOString();
    const response = await request.put(`/api/stories/paging-story-${i}`, {
      headers: { authorization: `Bearer ${adminToken}` },
      data: {
        headline: `Paging story number ${i}`,
        section: "world",
        authors: [],
        tags: [{ slug: TAG, name: "Paging" }],
        publishedAt: at,
        updatedAt: at,
        body: [{ type: "paragraph", text: `Paragraph of story ${i}.` }],
      },
    });
    expect(response.ok()).toBe(true);
  }
});

test("More stories adds the next page in place, moves focus to it, and the address keeps the place", async ({
  page,
}) => {
  await page.goto(`/tags/${TAG}`);
  await waitForHydration(page);
  await markDocument(page);
  const headlines = page.locator("main li h2 a");
  await expect(headlines).toHaveCount(20);
  await page.getByRole("link", { name: "More stories" }).click();
  await expect(headlines).toHaveCount(24);
  await expect(headlines.nth(20)).toBeFocused();
  expect(await documentIsMarked(page)).toBe(true);
  await expect(page).toHaveURL(/\?before=/);
  await expect(page.getByRole("link", { name: "More stories" })).toHaveCount(0);

  await page.reload();
  await expect(headlines).toHaveCount(4);
  await expect(headlines.first()).toHaveText("Paging story number 3");
  await page.getByRole("link", { name: "Back to the newest stories" }).click();
  await expect(headlines).toHaveCount(20);
});
