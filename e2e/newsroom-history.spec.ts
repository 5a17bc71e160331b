// The newsroom's history and live console (issue 22): an editor edits a published story twice,
// opens its history (who saved each revision, what changed since one, marked word by word), and
// restores the first revision, which readers then read; a reporter on a 390-px phone posts three
// live entries, edits one and pins one, and a live page open in another browser shows them as they
// come. Both screens: axe 0, and pictures at phone and desktop sizes for people to look at.
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, type TestInfo, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { makeStaff, signIn } from "./newsroomSupport";
import { waitForHydration } from "./support";

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

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await noSidewaysScroll(page);
  const { width } = page.viewportSize() ?? { width: 0 };
  const path = testInfo.outputPath(`newsroom-${name}-${width}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(`newsroom-${name}-${width}`, { path, contentType: "image/png" });
}

test("an editor edits a story twice, reads its history and restores the first revision", async ({ page, request }) => {
  // A long journey with axe run twice: three times the usual time on a shared machine.
  test.slow();
  const slug = `history-${Date.now().toString(36)}`;
  await publish(request, storyOf(slug, "Harbour gates to close on Friday"));
  const staff = await makeStaff(request, "editor", "Esme Editor");
  await signIn(page, staff, `/newsroom/stories/${slug}`);

  await page.getByLabel("Headline").fill("Harbour gates close at noon");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page
    .getByRole("textbox", { name: "Paragraph 1", exact: true })
    .fill("The harbour gates close at noon on Friday, and open again on Monday.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  // Readers read the second edit.
  expect(await (await request.get(`/stories/${slug}`)).text()).toContain("open again on Monday");

  await page.getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(new RegExp(`/newsroom/stories/${slug}/history$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("History: Harbour gates close at noon");
  const revisions = page.getByRole("region", { name: "Revisions" }).getByRole("listitem");
  await expect(revisions).toHaveCount(3);
  await expect(revisions.nth(0)).toContainText("Revision 3 (current)");
  await expect(revisions.nth(0)).toContainText("Saved by Esme Editor");
  await expect(revisions.nth(2)).toContainText("Saved by token");
  // By default, what the last save changed: words added in <ins>, said aloud as added.
  const changes = page.getByRole("region", { name: "Changes since revision 2" });
  await expect(changes.locator("ins")).toContainText(["and open again on Monday"]);
  await expect(changes.locator("ins").first()).toContainText("Added:");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByRole("link", { name: "Revision 1", exact: true }).click();
  const sinceFirst = page.getByRole("region", { name: "Changes since revision 1" });
  await expect(sinceFirst.locator("del")).toContainText(["to", "on Friday"]);
  await expect(sinceFirst.locator("del").first()).toContainText("Removed:");
  await page.getByRole("button", { name: "Restore revision 1" }).click();
  await expect(page.getByRole("status")).toHaveText("Restored: the story now reads as that revision did.");
  await expect(revisions).toHaveCount(4);
  await expect(revisions.nth(0)).toContainText("Revision 4 (current)");
  await expect(sinceFirst).toContainText("No changes: this revision reads as the current text does.");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The reader's page reads as the first revision did.
  const reader = await page.context().browser()?.newPage();
  if (!reader) throw new Error("no browser");
  await reader.goto(`/stories/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Harbour gates to close on Friday");
  await expect(reader.getByText("The harbour gates close at noon on Friday.")).toBeVisible();
  await expect(reader.getByText("open again on Monday")).toHaveCount(0);
  await reader.close();
});

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

test("a reporter on a phone posts, edits and pins live entries, and an open live page shows them", async ({
  page,
  request,
  browser,
}) => {
  // A long journey with axe run twice: three times the usual time on a shared machine.
  test.slow();
  const slug = `live-console-${Date.now().toString(36)}`;
  await publish(request, storyOf(slug, "Storm over the harbour, as it happens", { live: true }));
  const reporter = await makeStaff(request, "editor", "Rhea Reporter");

  // A reader has the live page open in a browser of their own.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  const streaming = reader.waitForResponse((response) => new URL(response.url()).pathname === "/api/events");
  await reader.goto(`/stories/${slug}`);
  await waitForHydration(reader);
  expect((await streaming).status()).toBe(200);

  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, reporter, `/newsroom/stories/${slug}`);
  await page.getByRole("link", { name: "Live console" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Live: Storm over the harbour, as it happens");
  await expect(page.getByText("No entries yet.")).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  const box = page.getByLabel("What is happening");
  const post = page.getByRole("button", { name: "Post" });
  for (const [at, text] of [
    "Gusts reach 90 km/h at the point.",
    "The ferries stop.",
    "The sea wall is shut.",
  ].entries()) {
    await box.fill(text);
    // Two by the large button, the third from the keyboard.
    if (at < 2) await post.click();
    else await box.press("Control+Enter");
    await expect(page.getByRole("status")).toHaveText("Posted.");
    await expect(page.getByRole("listitem").filter({ hasText: text })).toContainText("by Rhea Reporter");
    // The box is empty and keeps the focus for the next entry.
    await expect(box).toHaveValue("");
    await expect(box).toBeFocused();
  }
  // Each target is at least 44 px high.
  for (const target of [post, page.getByRole("button", { name: /^Edit the entry/ }).first(), box])
    expect((await target.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);

  // The box stays in reach as the reporter scrolls down the entries.
  await page.mouse.wheel(0, 2000);
  await expect(box).toBeInViewport();

  const ferries = page.getByRole("listitem").filter({ hasText: "The ferries stop." });
  await ferries.getByRole("button", { name: /^Edit the entry/ }).click();
  await expect(box).toHaveValue("The ferries stop.");
  await expect(box).toBeFocused();
  await box.fill("The ferries stop until the morning.");
  await page.getByRole("button", { name: "Save the entry" }).click();
  await expect(page.getByRole("status")).toHaveText("Entry saved.");
  const edited = page.getByRole("listitem").filter({ hasText: "The ferries stop until the morning." });
  await edited.getByRole("button", { name: /^Pin the entry/ }).click();
  await expect(page.getByRole("status")).toHaveText("Pinned.");
  await expect(page.getByRole("listitem").first()).toContainText("Pinned");
  await expect(page.getByRole("listitem").first()).toContainText("The ferries stop until the morning.");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // The reader's open page shows all three, the edit included, without reloading.
  for (const text of [
    "Gusts reach 90 km/h at the point.",
    "The ferries stop until the morning.",
    "The sea wall is shut.",
  ])
    await expect(reader.getByText(text).first()).toBeVisible({ timeout: 15_000 });
  expect(await reader.content()).not.toContain("Rhea Reporter");
  await readerContext.close();
});

for (const size of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`history and live console at ${size.width}x${size.height}`, async ({ page, request }, testInfo) => {
    const id = `${size.width}-${Date.now().toString(36)}`;
    const slug = `shots-${id}`;
    await publish(request, storyOf(slug, "Storm surge warning for the esplanade", { live: true }));
    const staff = await makeStaff(request, "editor", "Noor Editor");
    await page.setViewportSize(size);
    await signIn(page, staff, `/newsroom/stories/${slug}`);
    await page.getByLabel("Headline").fill("Storm surge warning lifted for the esplanade");
    await page
      .getByRole("textbox", { name: "Paragraph 1", exact: true })
      .fill("The harbour gates open again at noon on Friday, the council said.");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
    await page.getByRole("link", { name: "History" }).click();
    await expect(page.locator("ins").first()).toBeVisible();
    await shoot(page, testInfo, "history");

    for (const text of ["Crews ready the sandbags.", "The tide peaks at 18:40.", "The esplanade is closed."]) {
      await request.post(`/api/stories/${slug}/entries`, {
        headers: auth,
        data: { body: [{ type: "paragraph", text }], pinned: text.startsWith("The tide") },
      });
    }
    await page.goto(`/newsroom/stories/${slug}/live`);
    await expect(page.getByRole("listitem")).toHaveCount(3);
    await shoot(page, testInfo, "live");
  });
}
