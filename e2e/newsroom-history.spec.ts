// The newsroom's history and live console (issue 22): a restore someone else's save overtook is
// refused; and a long history pages to older revisions, any of which can be compared (pictures of
// both screens are e2e/newsroom-screenshots.spec.ts's). Restoring a revision, and a reporter on a
// phone posting live entries an open live page shows, are journeys e and d of
// e2e/newsroom-journeys.spec.ts (on two servers, on both engines).
import { type APIRequestContext, expect, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { makeStaff, signIn } from "./newsroomSupport";

const auth = { authorization: `Bearer ${adminToken}` };

const storyOf = (slug: string, headline: string, overrides: Record<string, unknown> = {}) => {
  const now = new Date().toISOString();
  return {
    slug,
    headline,
    kicker: "Harbour",
    section: "city",
    authors: [{ slug: "test-desk", name: "Test Desk" }],
    tags: [],
    publishedAt: now,
    updatedAt: now,
    body: [
      { type: "paragraph", text: "The harbour gates close at noon on Friday." },
      { type: "quote", text: "We will be ready.", cite: "The harbour master" },
    ],
    ...overrides,
  };
};

async function publish(request: APIRequestContext, story: { slug: string }) {
  const answer = await request.put(`/api/stories/${story.slug}`, { headers: auth, data: story });
  expect(answer.ok(), await answer.text()).toBe(true);
}

test("a restore someone else's save overtook is refused, and overwrites nothing", async ({ page, request }) => {
  const slug = `history-stale-${Date.now().toString(36)}`;
  await publish(request, storyOf(slug, "Ferry timetable changes"));
  await publish(request, storyOf(slug, "Ferry timetable changes on Monday"));
  const staff = await makeStaff(request, "editor", "Ines Editor");
  await signIn(page, staff, `/newsroom/stories/${slug}/history`);
  await expect(page.getByRole("region", { name: "Changes since revision 1" })).toBeVisible();
  await publish(request, storyOf(slug, "Ferry timetable changes from Monday"));
  await page.getByRole("button", { name: "Restore revision 1" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "Someone saved this story a moment ago. Look at the newest revision, then restore again.",
  );
  const now = (await (await request.get(`/api/stories/${slug}`)).json()) as { headline: string };
  expect(now.headline).toBe("Ferry timetable changes from Monday");
});

test("a long history pages to older revisions, and any of them can be compared", async ({ page, request }) => {
  test.slow();
  const slug = `history-long-${Date.now().toString(36)}`;
  for (let edit = 1; edit <= 22; edit++) await publish(request, storyOf(slug, `Ferry timetable, edit ${edit}`));
  const staff = await makeStaff(request, "editor", "Ines Editor");
  await signIn(page, staff, `/newsroom/stories/${slug}/history`);
  const revisions = page.getByRole("region", { name: "Revisions" }).getByRole("listitem");
  await expect(revisions).toHaveCount(20);
  await expect(revisions.last()).toContainText("Revision 3");
  await page.getByRole("link", { name: "Older revisions" }).click();
  await expect(revisions).toHaveCount(2);
  await page.getByRole("link", { name: "Revision 1", exact: true }).click();
  const changes = page.getByRole("region", { name: "Changes since revision 1" });
  await expect(changes.locator("del")).toContainText(["1"]);
  await expect(changes.locator("ins")).toContainText(["22"]);
  await expect(page.getByRole("link", { name: "Older revisions" })).toHaveCount(0);
});
