// A reader opening a story counts towards "Most read", which the front page then shows (within a minute or two).
import { expect, test } from "@playwright/test";
import { fetchStory } from "./support";

test("opening a story reports a view, and the front page lists it under Most read", async ({ page, request }) => {
  // Most read may be a minute old (below): room for two minutes' polling.
  test.setTimeout(180_000);
  const story = await fetchStory(request, "sunfish-tagged-off-merrow-head");
  // This reader's own address (the server trusts the proxy header here): every test's browser is
  // 127.0.0.1, and the suite opens more stories a minute than one reader may report views of.
  await page.route("**/api/views", (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": "203.0.113.9" } }),
  );
  const beacon = page.waitForResponse((r) => r.url().endsWith("/api/views") && r.request().method() === "POST");
  await page.goto(`/stories/${story.slug}`);
  expect((await beacon).status()).toBe(204);
  await expect
    .poll(async () => (await (await request.get("/api/most-read")).json()).map((s: { slug: string }) => s.slug), {
      timeout: 75_000,
      intervals: [1_000, 5_000],
    })
    .toContain(story.slug);
  // Most read is kept a minute (server/http/caching.ts): a list made this minute, before the view,
  // is served as it is, so the front page is opened until it lists it.
  const listed = page.getByRole("region", { name: "Most read" }).getByRole("link", { name: story.headline });
  await expect
    .poll(
      async () => {
        await page.goto("/");
        return listed.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        );
      },
      { timeout: 75_000, intervals: [1_000, 5_000] },
    )
    .toBe(true);
  await expect(listed).toBeVisible();
});
