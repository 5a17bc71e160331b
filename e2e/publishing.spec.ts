// Publishing through the API shows up for a reader at once, and a changed slug keeps old links working.
import { expect, test } from "@playwright/test";
import { adminToken } from "../playwright.config";

const auth = { authorization: `Bearer ${adminToken}` };

const story = (headline: string, slug?: string) => ({
  ...(slug ? { slug } : {}),
  headline,
  deck: "A story published through the API by the browser tests.",
  section: "culture",
  authors: [{ slug: "test-desk", name: "Test Desk" }],
  tags: [{ slug: "publishing", name: "Publishing" }],
  // Older than the demo stories, so the front page the other tests read stays as it was.
  publishedAt: "2026-10-01T09:00:00.000Z",
  updatedAt: "2026-10-01T09:00:00.000Z",
  body: [{ type: "paragraph", text: "This paragraph was written by a browser test." }],
});

test("a story published through the API opens at its URL, and its old URL follows a slug change", async ({
  page,
  request,
}) => {
  const slug = `published-by-e2e-${test.info().workerIndex}-${Date.now()}`;
  const created = await request.put(`/api/stories/${slug}`, {
    headers: auth,
    data: story("Lantern festival moves indoors"),
  });
  expect(created.status()).toBe(201);

  await page.goto(`/stories/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lantern festival moves indoors");
  await expect(page.getByText("This paragraph was written by a browser test.")).toBeVisible();
  await page.goto("/sections/culture");
  await expect(page.getByRole("link", { name: "Lantern festival moves indoors" })).toBeVisible();

  const moved = await request.put(`/api/stories/${slug}`, {
    headers: auth,
    data: story("Lantern festival moves indoors for the first time", `${slug}-indoors`),
  });
  expect(moved.status()).toBe(200);

  const response = await page.goto(`/stories/${slug}`);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(new RegExp(`/stories/${slug}-indoors$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lantern festival moves indoors for the first time");
});
