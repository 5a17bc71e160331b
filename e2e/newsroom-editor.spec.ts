// The newsroom's editor: an editor opens a draft from the stories, changes its headline and a
// paragraph (its quote shown in its own editor), saves it as a draft; when someone else saved in
// between, the collision screen shows both versions, and the editor keeps theirs, takes the other,
// or merges part by part (block by block for the body). Beside the headline, the share card and search result follow the typing.
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { makeStaff, putDraft, signIn } from "./newsroomSupport";

const auth = { authorization: `Bearer ${adminToken}` };

// Each journey runs axe and a Lexical editor per passage: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

interface Edited {
  status: string;
  revision: number;
  story: { headline: string; deck?: string; body: { type: string; text?: string }[] };
}
/**
 * Save after someone else saved: on a draft the autosave (every 3 s) may meet the 412 first and open
 * the collision screen before the click lands, taking the Save button away. Either way the collision
 * screen must follow, which the caller asserts.
 */
const saveIntoCollision = async (page: Page) => {
  await page
    .getByRole("button", { name: "Save" })
    .click({ timeout: 5_000 })
    .catch(() => undefined);
};

const read = async (request: APIRequestContext, slug: string) => {
  const answer = await request.get(`/api/newsroom/stories/${slug}`, { headers: auth });
  expect(answer.status()).toBe(200);
  return (await answer.json()) as Edited;
};

test("an editor edits a draft, saves it, and meets the collision screen when someone saved first", async ({
  page,
  request,
}) => {
  const slug = `editor-draft-${Date.now().toString(36)}`;
  const story = (headline: string, first: string) => ({
    headline,
    kicker: "Harbour",
    section: "city",
    authors: [{ slug: "test-desk", name: "Test Desk" }],
    tags: [],
    publishedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    body: [
      { type: "paragraph", text: first },
      { type: "quote", text: "We will be ready.", cite: "The harbour master" },
      { type: "paragraph", text: "The second paragraph stays." },
    ],
    status: "draft",
  });
  const put = async (headline: string, first: string) => {
    const answer = await request.put(`/api/stories/${slug}`, { headers: auth, data: story(headline, first) });
    expect(answer.ok(), await answer.text()).toBe(true);
  };
  await put("Tidewater gates to close", "The gates close at noon.");
  const staff = await makeStaff(request, "editor", "Esme Editor");

  await signIn(page, staff, `/newsroom?q=${encodeURIComponent("Tidewater gates")}`);
  await page.getByRole("link", { name: "Tidewater gates to close" }).click();
  await expect(page).toHaveURL(new RegExp(`/newsroom/stories/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tidewater gates to close");
  await expect(page.getByText("24 characters")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Quote 1", exact: true })).toHaveText("We will be ready.");
  await expect(page.getByRole("textbox", { name: "Who said it" })).toHaveValue("The harbour master");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.getByLabel("Headline").fill("Tidewater gates close at noon");
  await expect(page.getByText("29 characters")).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  let saved = await read(request, slug);
  expect(saved.status).toBe("draft");
  expect(saved.story.headline).toBe("Tidewater gates close at noon");
  expect(saved.story.body.map((block) => block.type)).toEqual(["paragraph", "quote", "paragraph"]);

  // A preview link shows the draft as readers will see it, to anyone who has the link.
  await page.getByRole("button", { name: "Make a preview link" }).click();
  const link = page.getByRole("link", { name: /^Preview, as readers will see it/ });
  const previewUrl = await link.getAttribute("href");
  expect(previewUrl).toMatch(/\/preview\//);
  const preview = await request.get(previewUrl ?? "");
  expect(preview.status()).toBe(200);
  expect(await preview.text()).toContain("Tidewater gates close at noon");

  // Someone else saves meanwhile; this editor's next save names the revision it edited, and is refused.
  await put("Tidewater gates stay open", "The gates stay open after all.");
  await page.getByRole("textbox", { name: "Paragraph 1", exact: true }).fill("The gates close at noon sharp.");
  await saveIntoCollision(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Someone else saved this story while you were editing it.",
  );
  const mine = page.getByRole("region", { name: "Your version" });
  const theirs = page.getByRole("region", { name: "The saved version" });
  await expect(mine).toContainText("Tidewater gates close at noon");
  await expect(mine).toContainText("The gates close at noon sharp.");
  await expect(theirs).toContainText("Tidewater gates stay open");
  await expect(theirs).toContainText("The gates stay open after all.");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  // Nothing was overwritten.
  expect((await read(request, slug)).story.headline).toBe("Tidewater gates stay open");

  await page.getByRole("button", { name: "Keep mine" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  saved = await read(request, slug);
  expect(saved.story.headline).toBe("Tidewater gates close at noon");
  expect(saved.story.body[0]?.text).toBe("The gates close at noon sharp.");

  // Once more, and this time the editor takes the other version into the form.
  await put("Tidewater gates: a decision tonight", "A decision is due tonight.");
  await page.getByLabel("Kicker").fill("Port");
  await saveIntoCollision(page);
  await page.getByRole("button", { name: "Take theirs" }).click();
  await expect(page.getByLabel("Headline")).toHaveValue("Tidewater gates: a decision tonight");
  await expect(page.getByRole("textbox", { name: "Paragraph 1", exact: true })).toHaveText(
    "A decision is due tonight.",
  );
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  expect((await read(request, slug)).story.headline).toBe("Tidewater gates: a decision tonight");

  // Once more, merging part by part: each part that differs starts on the side that changed it.
  await put("Tidewater gates: the vote is in", "The council voted to close them.");
  await page.getByLabel("Headline").fill("Tidewater gates: council decides");
  await page.getByLabel("Deck").fill("A vote at the town hall settles it.");
  await saveIntoCollision(page);
  await page.getByRole("button", { name: "Merge by hand" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Merge the two versions");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  // Both changed the headline: the writer's is chosen, and the part says both changed it.
  const headline = page.getByRole("group", { name: "Headline changed in both" });
  await expect(headline.getByRole("radio", { name: "Yours Tidewater gates: council decides" })).toBeChecked();
  await expect(
    headline.getByRole("radio", { name: "The saved one Tidewater gates: the vote is in" }),
  ).not.toBeChecked();
  // Only the writer wrote a deck; only the other changed the first paragraph; the kicker is the same.
  await expect(page.getByRole("group", { name: "Deck" }).getByRole("radio", { name: /^Yours/ })).toBeChecked();
  const first = page.getByRole("group", { name: "Part 1" });
  await expect(first.getByRole("radio", { name: "The saved one The council voted to close them." })).toBeChecked();
  await expect(page.getByRole("group", { name: /^Kicker/ })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Part 2" })).toHaveCount(0);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`editor-merging-${width}.png`), fullPage: true });
  }
  await headline.getByRole("radio", { name: /^The saved one/ }).check();
  // Nothing is saved by itself while merging: the saved version is still theirs.
  await page.waitForTimeout(4_000);
  expect((await read(request, slug)).story.deck).toBeUndefined();
  await page.getByRole("button", { name: "Save the merge" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  const merged = await read(request, slug);
  expect(merged.story.headline).toBe("Tidewater gates: the vote is in");
  expect(merged.story.deck).toBe("A vote at the town hall settles it.");
  expect(merged.story.body.map((block) => block.text)).toEqual([
    "The council voted to close them.",
    "We will be ready.",
    "The second paragraph stays.",
  ]);
  await expect(page.getByLabel("Headline")).toHaveValue("Tidewater gates: the vote is in");
});

test("two editors change different paragraphs of one story; the second merges block by block and keeps both changes", async ({
  browser,
  request,
}) => {
  const slug = `merge-blocks-${Date.now().toString(36)}`;
  const paragraphs = ["The pier reopens on Saturday.", "Repairs cost the town a million.", "Fishing stays banned."];
  await putDraft(
    request,
    slug,
    "Pier reopens",
    paragraphs.map((text) => ({ type: "paragraph", text })),
  );
  const [first, second] = await Promise.all([
    makeStaff(request, "editor", "Ada First"),
    makeStaff(request, "editor", "Bo Second"),
  ]);
  const open = async (staff: typeof first) => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, staff, `/newsroom/stories/${slug}`);
    await expect(page.getByLabel("Headline")).toHaveValue("Pier reopens");
    return page;
  };
  const ada = await open(first);
  const bo = await open(second);

  // Ada changes the first paragraph and saves; Bo, who loaded the same revision, changes the third.
  await ada.getByRole("textbox", { name: "Paragraph 1", exact: true }).fill("The pier reopens on Saturday at nine.");
  await ada.getByRole("button", { name: "Save", exact: true }).click();
  await expect(ada.getByRole("status")).toHaveText("Saved.");
  await bo.getByRole("textbox", { name: "Paragraph 3", exact: true }).fill("Fishing stays banned until June.");
  await saveIntoCollision(bo);
  await expect(bo.getByRole("heading", { level: 1 })).toHaveText(
    "Someone else saved this story while you were editing it.",
  );
  await bo.getByRole("button", { name: "Merge by hand" }).click();

  // The blocks line up: the second is the same in both; the first is Ada's, the third Bo's.
  await expect(bo.getByRole("listitem").filter({ hasText: "Repairs cost the town a million." })).toBeVisible();
  const part1 = bo.getByRole("group", { name: "Part 1" });
  const part3 = bo.getByRole("group", { name: "Part 3" });
  await expect(part1.getByRole("radio", { name: "The saved one The pier reopens on Saturday at nine." })).toBeChecked();
  await expect(part3.getByRole("radio", { name: "Yours Fishing stays banned until June." })).toBeChecked();
  await expect(bo.getByRole("group", { name: "Part 2" })).toHaveCount(0);
  // By keyboard: "Both" on the third part, then back to Bo's alone.
  await part3.getByRole("radio", { name: /^Yours/ }).focus();
  await bo.keyboard.press("ArrowDown");
  await bo.keyboard.press("ArrowDown");
  await expect(part3.getByRole("radio", { name: "Both, yours first" })).toBeChecked();
  await bo.keyboard.press("ArrowDown");
  await expect(part3.getByRole("radio", { name: /^Yours/ })).toBeChecked();
  await bo.getByRole("button", { name: "Save the merge" }).click();
  await expect(bo.getByRole("status")).toHaveText("Saved.");

  const saved = await read(request, slug);
  expect(saved.story.body.map((block) => block.text)).toEqual([
    "The pier reopens on Saturday at nine.",
    "Repairs cost the town a million.",
    "Fishing stays banned until June.",
  ]);
  // Ada's next save names the revision she saved, which the merge overtook: she meets the screen in turn.
  await ada.getByLabel("Headline").fill("Pier reopens on Saturday");
  await saveIntoCollision(ada);
  await expect(ada.getByRole("heading", { level: 1 })).toHaveText(
    "Someone else saved this story while you were editing it.",
  );
  expect((await read(request, slug)).story.headline).toBe("Pier reopens");
  await ada.context().close();
  await bo.context().close();
});

test("a paragraph whose words are the same in both versions is said to differ in its marks, and the merge keeps the other's", async ({
  page,
  request,
}) => {
  const slug = `merge-marks-${Date.now().toString(36)}`;
  const put = async (runs?: Record<string, unknown>[]) => {
    await putDraft(request, slug, "Harbour fees rise", [
      { type: "paragraph", text: "Fees rise in April.", ...(runs ? { runs } : {}) },
    ]);
  };
  await put();
  const staff = await makeStaff(request, "editor", "Mae Marks");
  await signIn(page, staff, `/newsroom/stories/${slug}`);
  await expect(page.getByLabel("Headline")).toHaveValue("Harbour fees rise");
  // Someone sets "April" in italics; this editor changes the headline.
  await put([{ text: "Fees rise in " }, { text: "April", marks: ["em"] }, { text: "." }]);
  await page.getByLabel("Headline").fill("Harbour fees rise again");
  await saveIntoCollision(page);
  await page.getByRole("button", { name: "Merge by hand" }).click();
  const part = page.getByRole("group", { name: "Part 1" });
  await expect(
    part.getByText("The words are the same in both: links, emphasis or other settings differ."),
  ).toBeVisible();
  await expect(part.getByRole("radio", { name: /^The saved one/ })).toBeChecked();
  await expect(page.getByRole("group", { name: "Headline" }).getByRole("radio", { name: /^Yours/ })).toBeChecked();
  await page.getByRole("button", { name: "Save the merge" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  const saved = (await read(request, slug)).story as { headline: string; body: { runs?: unknown }[] };
  expect(saved.headline).toBe("Harbour fees rise again");
  expect(saved.body[0]?.runs).toEqual([{ text: "Fees rise in " }, { text: "April", marks: ["em"] }, { text: "." }]);
});

test("the share card and search result beside the headline follow the writer's typing, cut where platforms cut", async ({
  page,
  request,
}) => {
  const slug = `previewed-draft-${Date.now().toString(36)}`;
  await putDraft(request, slug, "Ferry fares to fall", [
    { type: "paragraph", text: "Fares on the harbour ferry fall by a fifth in January." },
  ]);
  const staff = await makeStaff(request, "editor", "Pia Preview");
  await signIn(page, staff, `/newsroom/stories/${slug}`);

  const previews = page.getByRole("region", { name: "Where it is shared and found" });
  const card = previews.getByRole("figure", { name: "Shared in a social post" });
  const result = previews.getByRole("figure", { name: "In a search engine's results" });
  // A draft has no drawn card yet: the preview says so in its place.
  await expect(card).toContainText("drawn from its headline once it is published");
  await expect(card.locator("[data-part=title]")).toHaveText("Ferry fares to fall");
  // No deck: the first paragraph stands for the story, as on its page.
  await expect(card.locator("[data-part=description]")).toHaveText(
    "Fares on the harbour ferry fall by a fifth in January.",
  );
  await expect(result.locator("[data-part=title]")).toHaveText(/^Ferry fares to fall \| .+$/);
  await expect(result.locator("[data-part=url]")).toHaveText(new RegExp(`/stories/${slug}$`));

  await page.getByLabel("Deck").pressSequentially("Cheaper crossings for commuters");
  await expect(card.locator("[data-part=description]")).toHaveText("Cheaper crossings for commuters");
  await expect(result.locator("[data-part=description]")).toHaveText("Cheaper crossings for commuters");
  const long = "Ferry fares to fall by a fifth in January as the harbour board wins its subsidy";
  await page.getByLabel("Headline").fill(long);
  await expect(card.locator("[data-part=title]")).toContainText("cut after 70 characters:");
  const title = result.locator("[data-part=title]");
  await expect(title).toContainText("cut after 60 characters:");
  await expect(title.locator("del")).toHaveText(/subsidy \| .+$/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`editor-previews-${width}.png`), fullPage: true });
  }
});

test("a draft saves by itself while the writer types, and work typed offline comes back from the browser's copy", async ({
  page,
  context,
  request,
}) => {
  const slug = `autosaved-draft-${Date.now().toString(36)}`;
  await putDraft(request, slug, "Lighthouse keepers return", [
    { type: "paragraph", text: "The keepers come back in spring." },
  ]);
  const staff = await makeStaff(request, "editor", "Ed Editor");
  await signIn(page, staff, `/newsroom/stories/${slug}`);
  await expect(page.getByLabel("Headline")).toHaveValue("Lighthouse keepers return");

  // No Save pressed: it saves within a few seconds.
  await page.getByLabel("Headline").fill("Lighthouse keepers return in spring");
  await expect
    .poll(async () => (await read(request, slug)).story.headline, { timeout: 15_000 })
    .toBe("Lighthouse keepers return in spring");
  expect((await read(request, slug)).status).toBe("draft");

  // Offline, the work is kept in the browser; opened again online, it comes back and is saved.
  await context.setOffline(true);
  await page.getByRole("textbox", { name: "Paragraph 1", exact: true }).fill("Written while the network was down.");
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? "", `newsroom:unsaved:${slug}`))
    .toContain("Written while the network was down.");
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Paragraph 1", exact: true })).toHaveText(
    "Written while the network was down.",
  );
  await expect
    .poll(async () => (await read(request, slug)).story.body[0]?.text, { timeout: 15_000 })
    .toBe("Written while the network was down.");
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), `newsroom:unsaved:${slug}`)).toBeNull();
});

test("work typed offline comes back even when the network went just after a save, before the editor read it back", async ({
  page,
  context,
  request,
}) => {
  const slug = `unread-save-${Date.now().toString(36)}`;
  await putDraft(request, slug, "Harbour lights", [{ type: "paragraph", text: "The lamps are lit at dusk." }]);
  const staff = await makeStaff(request, "editor", "Rae Reader");
  await signIn(page, staff, `/newsroom/stories/${slug}`);
  await expect(page.getByLabel("Headline")).toHaveValue("Harbour lights");

  // The autosave lands, and the editor's reading of it back (its new revision) never arrives.
  const storyPath = `/api/newsroom/stories/${slug}`;
  const readingItBack = (url: URL) => url.pathname === storyPath;
  let readsRefused = 0;
  await page.route(readingItBack, (route) => {
    readsRefused += 1;
    return route.abort("internetdisconnected");
  });
  await page.getByLabel("Headline").fill("Harbour lights go out");
  await expect
    .poll(async () => (await read(request, slug)).story.headline, { timeout: 15_000 })
    .toBe("Harbour lights go out");
  await expect.poll(() => readsRefused).toBeGreaterThan(0);
  await context.setOffline(true);
  await page.getByRole("textbox", { name: "Paragraph 1", exact: true }).fill("The lamps stay dark this winter.");
  await expect
    .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? "", `newsroom:unsaved:${slug}`))
    .toContain("The lamps stay dark this winter.");

  await page.unroute(readingItBack);
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByLabel("Headline")).toHaveValue("Harbour lights go out");
  await expect(page.getByRole("textbox", { name: "Paragraph 1", exact: true })).toHaveText(
    "The lamps stay dark this winter.",
  );
  await expect
    .poll(async () => (await read(request, slug)).story.body[0]?.text, { timeout: 15_000 })
    .toBe("The lamps stay dark this winter.");
});

test("after a save it could not read back, the editor's next save goes through, not into a collision with itself", async ({
  page,
  request,
}) => {
  const slug = `own-save-${Date.now().toString(36)}`;
  await putDraft(request, slug, "Quay works", [{ type: "paragraph", text: "Work starts in March." }]);
  const staff = await makeStaff(request, "editor", "Sol Saver");
  await signIn(page, staff, `/newsroom/stories/${slug}`);
  await expect(page.getByLabel("Headline")).toHaveValue("Quay works");
  const readingItBack = (url: URL) => url.pathname === `/api/newsroom/stories/${slug}`;
  await page.route(readingItBack, (route) => route.abort("internetdisconnected"));
  await page.getByLabel("Headline").fill("Quay works delayed");
  await expect
    .poll(async () => (await read(request, slug)).story.headline, { timeout: 15_000 })
    .toBe("Quay works delayed");
  await page.unroute(readingItBack);

  // The editor's revision is the one before its own save: the next save is refused (412) and
  // must be seen as the editor's own, then sent again against the story's revision.
  await page.getByRole("textbox", { name: "Paragraph 1", exact: true }).fill("Work starts in May.");
  await expect
    .poll(async () => (await read(request, slug)).story.body[0]?.text, { timeout: 20_000 })
    .toBe("Work starts in May.");
  await expect(page.getByText("Someone else saved this story")).toHaveCount(0);
});

test("a draft is saved as the writer leaves the page, before its next autosave", async ({ page, request }) => {
  const slug = `left-draft-${Date.now().toString(36)}`;
  await putDraft(request, slug, "Ferry timetable changes", [{ type: "paragraph", text: "Winter sailings start." }]);
  const staff = await makeStaff(request, "editor", "Lee Leaving");
  // The page's clock is held still once the editor is open: the 3-second autosave never comes, so
  // only leaving can save.
  await page.clock.install();
  await signIn(page, staff, `/newsroom/stories/${slug}`);
  await expect(page.getByLabel("Headline")).toHaveValue("Ferry timetable changes");
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.getByLabel("Headline").fill("Ferry timetable changes on Monday");
  await expect(page.getByLabel("Headline")).toHaveValue("Ferry timetable changes on Monday");
  await page.waitForTimeout(500);
  expect((await read(request, slug)).story.headline).toBe("Ferry timetable changes");
  await page.goto("about:blank");
  await expect
    .poll(async () => (await read(request, slug)).story.headline, { timeout: 10_000 })
    .toBe("Ferry timetable changes on Monday");
});

// The story is dated long ago and was published once (so publishing it again keeps that date): it
// goes out below the demo stories, and open front pages of other tests see no new story on top.
test("an editor puts an unpublished story out again and takes it down; a contributor is offered neither", async ({
  page,
  browser,
  request,
}) => {
  const slug = `published-from-newsroom-${Date.now().toString(36)}`;
  const first = await request.put(`/api/stories/${slug}`, {
    headers: auth,
    data: {
      headline: "Ferry timetable for the winter",
      section: "city",
      authors: [{ slug: "test-desk", name: "Test Desk" }],
      tags: [],
      publishedAt: "2026-10-01T09:00:00.000Z",
      updatedAt: "2026-10-01T09:00:00.000Z",
      body: [{ type: "paragraph", text: "The winter timetable starts on Monday." }],
    },
  });
  expect(first.status()).toBe(201);
  const created = await request.put(`/api/stories/${slug}`, {
    headers: auth,
    data: {
      headline: "Ferry timetable for the winter",
      section: "city",
      authors: [{ slug: "test-desk", name: "Test Desk" }],
      tags: [],
      publishedAt: "2026-10-01T09:00:00.000Z",
      updatedAt: "2026-10-01T09:00:00.000Z",
      body: [{ type: "paragraph", text: "The winter timetable starts on Monday." }],
      status: "unpublished",
    },
  });
  expect(created.status()).toBe(200);

  const contributor = await makeStaff(request, "contributor", "Cora Contributor");
  const theirs = await browser.newPage();
  await signIn(theirs, contributor, `/newsroom/stories/${slug}`);
  await expect(theirs.getByText("Status: Unpublished")).toBeVisible();
  await expect(theirs.getByRole("button", { name: "Make a preview link" })).toBeVisible();
  await expect(theirs.getByRole("button", { name: "Publish now" })).toHaveCount(0);
  await expect(theirs.getByRole("group", { name: "Schedule" })).toHaveCount(0);
  await theirs.close();

  const editor = await makeStaff(request, "editor", "Eli Editor");
  await signIn(page, editor, `/newsroom/stories/${slug}`);
  expect((await request.get(`/stories/${slug}`)).status()).toBe(404);
  await page.getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Status: Published")).toBeVisible();
  const published = await request.get(`/stories/${slug}`);
  expect(published.status()).toBe(200);
  expect(await published.text()).toContain("Ferry timetable for the winter");

  const dated = (await (await request.get(`/api/stories/${slug}`)).json()) as { publishedAt: string };
  expect(dated.publishedAt).toBe("2026-10-01T09:00:00.000Z");
  await page.getByRole("button", { name: "Unpublish" }).click();
  await expect(page.getByText("Status: Unpublished")).toBeVisible();
  expect((await request.get(`/stories/${slug}`)).status()).toBe(404);
});
