// A reader opening a story counts towards "Most read", which the front page then shows.
import { expect, test } from "@playwright/test";
import { fetchStory } from "./support";

test("opening a story reports a view, and the front page lists it under Most read", async ({ page, request }) => {
  const story = await fetchStory(request, "sunfish-tagged-off-merrow-head");
  const beacon = page.waitForRequest((r) => r.url().endsWith("/api/views") && r.method() === "POST");
  await page.goto(`/stories/${story.slug}`);
  await beacon;
  await expect
    .poll(async () => (await (await request.get("/api/most-read")).json()).map((s: { slug: string }) => s.slug))
    .toContain(story.slug);
  await page.goto("/");
  const mostRead = page.getByRole("region", { name: "Most read" });
  await expect(mostRead.getByRole("link", { name: story.headline })).toBeVisible();
});
