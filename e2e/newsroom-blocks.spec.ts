// The editor's blocks in a real browser: a contributor starts a draft from the stories page, writes a
// link (refused first as javascript:) and emphasis by the keyboard, uploads a picture (told alt text
// is required before the server would refuse it), links a related headline found by typing a few of
// its words, saves, and cannot publish; blocks move by keyboard with the focus kept on the moved
// block and the move announced, and by dragging. An editor embeds a post from another platform by
// keyboard (a wrong address explained), publishes it, and readers see its words with no request
// leaving the site. axe finds nothing at 390 and 1280 px wide.
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, type TestInfo, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { makeStaff, signIn } from "./newsroomSupport";

const auth = { authorization: `Bearer ${adminToken}` };

// Long journeys through a real browser, an upload and two axe runs: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

interface Saved {
  status: string;
  story: { body: Record<string, unknown>[] };
}
const read = async (request: APIRequestContext, slug: string) => {
  const answer = await request.get(`/api/newsroom/stories/${slug}`, { headers: auth });
  expect(answer.status()).toBe(200);
  return (await answer.json()) as Saved;
};

const textbox = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

const noViolations = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

const shoot = async (page: Page, testInfo: TestInfo, name: string) => {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
};

test("a contributor writes a draft with a picture, a link and a related headline, and cannot publish it", async ({
  page,
  request,
}, testInfo) => {
  const word = `Quillback${Date.now().toString(36)}`;
  const related = `${word} ferry returns after repairs`;
  const relatedSlug = `quillback-ferry-${Date.now().toString(36)}`;
  const published = await request.put(`/api/stories/${relatedSlug}`, {
    headers: auth,
    data: {
      headline: related,
      section: "city",
      authors: [{ slug: "test-desk", name: "Test Desk" }],
      tags: [],
      publishedAt: "2026-09-01T09:00:00.000Z",
      updatedAt: "2026-09-01T09:00:00.000Z",
      body: [{ type: "paragraph", text: "The ferry is back." }],
    },
  });
  expect(published.status(), await published.text()).toBe(201);
  const contributor = await makeStaff(request, "contributor", "Cass Contributor");

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/newsroom");
  await signIn(page, contributor);
  await page.getByText("Start a new story").click();
  const headline = `Night buses ${word} to run all winter`;
  await textbox(page, "Headline").fill(headline);
  await page.getByLabel("Section").last().selectOption("city");
  await page.getByLabel("First paragraph").fill("The council agreed on Tuesday.");
  await page.getByRole("button", { name: "Start the draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  const slug = new URL(page.url()).pathname.split("/").pop() ?? "";
  expect(slug).toMatch(/^night-buses-quillback/);

  // A link on words typed and selected by the keyboard; the dialog refuses javascript: first.
  const paragraph = textbox(page, "Paragraph 1");
  await paragraph.click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Read the minutes");
  for (let i = 0; i < "the minutes".length; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Link the selected words" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Link address").fill("javascript:alert(1)");
  await dialog.getByRole("button", { name: "Set the link" }).click();
  await expect(dialog.getByText("That address cannot be linked")).toBeVisible();
  await dialog.getByLabel("Link address").fill("https://council.example/minutes");
  await dialog.getByRole("button", { name: "Set the link" }).click();
  await expect(dialog).toBeHidden();
  await expect(paragraph.getByRole("link", { name: "the minutes" })).toBeVisible();
  // Emphasis by its shortcut, for the words typed while it is on.
  await paragraph.click();
  await page.keyboard.press("End");
  await page.keyboard.type(", ");
  await page.keyboard.press("Control+i");
  await page.keyboard.type("all of them");
  await page.keyboard.press("Control+i");
  await page.keyboard.type(".");

  // A picture, uploaded; the editor says alt text is required until it has some.
  await page.getByRole("button", { name: "Add a picture" }).click();
  const file = page.getByLabel("Picture 1: choose a file");
  await expect(file).toBeFocused();
  await file.setInputFiles("public/media/ferry-fog.jpg");
  const alt = page.getByLabel("Alt text (required)");
  await expect(alt).toBeFocused();
  await expect(page.getByText("Alt text is required: say what the picture shows.")).toBeVisible();
  await expect(alt).toHaveAttribute("aria-invalid", "true");
  await alt.fill("A night bus waits at the depot in the fog");
  await expect(page.getByText("What the picture shows, for readers who cannot see it.")).toBeVisible();
  await page.getByLabel("Credit").fill("City desk");
  // The point the crops keep in view, set by keyboard.
  await page.getByLabel("Focus across, % from the left").fill("30");
  await page.getByLabel("Focus down, % from the top").fill("60");

  // A related headline, found by a few of its words and linked.
  await page.getByRole("button", { name: "Add a related headline" }).click();
  const find = page.getByLabel("Related headline 1: find a headline by a few of its words");
  await expect(find).toBeFocused();
  await find.fill(`${word} ferry`);
  await expect(page.getByText("1 headline found")).toBeVisible();
  await page.getByRole("button", { name: `Link “${related}”` }).click();
  await expect(page.getByRole("link", { name: related })).toHaveAttribute("href", `/stories/${relatedSlug}`);

  await noViolations(page);
  await shoot(page, testInfo, "newsroom-blocks-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await noViolations(page);
  await shoot(page, testInfo, "newsroom-blocks-390");

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const saved = await read(request, slug);
  expect(saved.status).toBe("draft");
  const [text, picture, link] = saved.story.body;
  expect(text).toEqual({
    type: "paragraph",
    text: "The council agreed on Tuesday. Read the minutes, all of them.",
    runs: [
      { text: "The council agreed on Tuesday. Read " },
      { text: "the minutes", href: "https://council.example/minutes" },
      { text: ", " },
      { text: "all of them", marks: ["em"] },
      { text: "." },
    ],
  });
  expect(picture).toMatchObject({
    type: "image",
    alt: "A night bus waits at the depot in the fog",
    credit: "City desk",
  });
  expect(String(picture?.src)).toMatch(/^\/uploads\/[0-9a-f]{32}\.jpg$/);
  expect(link).toEqual({ type: "related", headline: related, slug: relatedSlug });

  // A contributor is offered no way to publish, and the server refuses one anyway.
  await expect(page.getByRole("button", { name: "Publish now" })).toHaveCount(0);
  const story = (await (await page.request.get(`/api/newsroom/stories/${slug}`)).json()) as { story: object };
  const forced = await page.request.put(`/api/stories/${slug}`, { data: { ...story.story, status: "published" } });
  expect(forced.status()).toBe(403);
  expect((await request.get(`/stories/${slug}`)).status()).toBe(404);
});

test("blocks move by keyboard with the focus kept on the moved block, and by dragging", async ({ page, request }) => {
  const slug = `reordered-${Date.now().toString(36)}`;
  const made = await request.put(`/api/stories/${slug}`, {
    headers: auth,
    data: {
      headline: "Harbour lights switched on",
      section: "city",
      authors: [{ slug: "test-desk", name: "Test Desk" }],
      tags: [],
      publishedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      body: [
        { type: "paragraph", text: "Alpha comes first." },
        { type: "heading", text: "Bravo heading" },
        { type: "paragraph", text: "Charlie comes last." },
      ],
      status: "draft",
    },
  });
  expect(made.status()).toBe(201);
  const editor = await makeStaff(request, "editor", "Eve Editor");
  await page.goto(`/newsroom/stories/${slug}`);
  await signIn(page, editor);
  await expect(textbox(page, "Paragraph 1")).toHaveText("Alpha comes first.");

  const order = async () => (await read(request, slug)).story.body.map((block) => String(block.text).split(" ")[0]);
  await page.getByRole("button", { name: "Move Paragraph 1 down" }).focus();
  await page.keyboard.press("Enter");
  // Alpha is now second; the focus stayed on its button, now named for its new place.
  await expect(page.getByRole("button", { name: "Move Paragraph 1 down" })).toBeFocused();
  await expect(page.getByText("Paragraph 1 moved: now block 2 of 3.")).toBeAttached();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Move Paragraph 2 down" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Move Paragraph 2 down" })).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Move Paragraph 1 up" })).toBeFocused();
  // Bravo, Alpha, Charlie: saved in that order.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  expect(await order()).toEqual(["Bravo", "Alpha", "Charlie"]);

  // Removed by keyboard: the focus goes to the block that took its place.
  await page.getByRole("button", { name: "Remove Subheading 1" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Paragraph 1", exact: true })).toBeFocused();
  await expect(page.getByText("Subheading 1 removed.")).toBeAttached();

  // Dragged: Charlie's handle onto Alpha's place.
  const handles = page.locator("[draggable=true]");
  await handles.nth(1).dragTo(handles.nth(0));
  await expect(textbox(page, "Paragraph 1")).toHaveText("Charlie comes last.");
  await noViolations(page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect.poll(order).toEqual(["Charlie", "Alpha"]);
});

test("an editor embeds a post by keyboard, is told a wrong address, and readers see it with nothing from the platform", async ({
  page,
  request,
}, testInfo) => {
  const slug = `pier-reopens-${Date.now().toString(36)}`;
  const made = await request.put(`/api/stories/${slug}`, {
    headers: auth,
    data: {
      headline: "Pier 3 reopens to foot passengers",
      section: "city",
      authors: [{ slug: "test-desk", name: "Test Desk" }],
      tags: [],
      publishedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      body: [
        {
          type: "paragraph",
          text: "Pier 3, closed since the October storms, reopens to foot passengers on Monday morning.",
        },
      ],
      status: "draft",
    },
  });
  expect(made.status()).toBe(201);
  const editor = await makeStaff(request, "editor", "Eve Editor");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/newsroom/stories/${slug}`);
  await signIn(page, editor);

  // Added by keyboard: the focus goes to its address.
  await page.getByRole("button", { name: "Add an embedded post" }).focus();
  await page.keyboard.press("Enter");
  const address = page.getByLabel("Embedded post 1: the post's address");
  await expect(address).toBeFocused();
  await page.keyboard.type("https://evil.example/p/1");
  await expect(page.getByText("Posts on evil.example cannot be embedded: use a post on X, Instagram")).toBeVisible();
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await address.fill("https://www.instagram.com/p/C0pier3/");
  await expect(page.getByText("A post on Instagram.")).toBeVisible();
  await expect(address).toHaveAttribute("aria-invalid", "false");
  await textbox(page, "The post's words, as posted (required)").focus();
  await page.keyboard.type("Pier 3 is open again from 06:00 Monday. See you on the water!");
  await page.getByLabel("Who posted it").fill("Harbour Council (@harbourcouncil)");
  await page.getByLabel("When it was posted").fill("2026-12-06T18:05");
  // Moved above the paragraph by keyboard, the focus kept on it.
  await page.getByRole("button", { name: "Move Embedded post 1 up" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Embedded post 1 moved: now block 1 of 2.")).toBeAttached();

  await noViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await noViolations(page);
  await page.getByLabel("Embedded post 1: the post's address").scrollIntoViewIfNeeded();
  await shoot(page, testInfo, "newsroom-embed-390");

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const saved = await read(request, slug);
  expect(saved.story.body[0]).toEqual({
    type: "embed",
    url: "https://www.instagram.com/p/C0pier3/",
    provider: "instagram",
    text: "Pier 3 is open again from 06:00 Monday. See you on the water!",
    author: "Harbour Council (@harbourcouncil)",
    // The site's clock is UTC in the test site.
    date: "2026-12-06T18:05:00.000Z",
  });

  await page.getByRole("button", { name: "Publish now" }).click();
  await expect.poll(async () => (await read(request, slug)).status).toBe("published");

  // The reader's page: the post's words, who and when, and the way to it; no request leaves the site.
  const reader = await page.context().browser()?.newContext();
  if (!reader) throw new Error("no browser");
  const story = await reader.newPage();
  const elsewhere: string[] = [];
  story.on("request", (sent) => {
    if (new URL(sent.url()).origin !== new URL(page.url()).origin) elsewhere.push(sent.url());
  });
  for (const [width, height] of [
    [1280, 900],
    [390, 844],
  ] as const) {
    await story.setViewportSize({ width, height });
    await story.goto(`/stories/${slug}`);
    const post = story.locator("figure").filter({ has: story.locator("blockquote") });
    await expect(post.getByText("Post on Instagram")).toBeVisible();
    await expect(post.locator("blockquote")).toHaveText(
      "Pier 3 is open again from 06:00 Monday. See you on the water!",
    );
    await expect(post.locator("figcaption")).toContainText("Harbour Council (@harbourcouncil), 6 Dec 2026");
    await expect(post.getByRole("link", { name: "View on Instagram" })).toHaveAttribute(
      "href",
      "https://www.instagram.com/p/C0pier3/",
    );
    await expect(story.locator("iframe")).toHaveCount(0);
    await noViolations(story);
    await post.scrollIntoViewIfNeeded();
    await shoot(story, testInfo, `story-embed-${width}`);
  }
  await story.emulateMedia({ colorScheme: "dark" });
  await noViolations(story);
  await shoot(story, testInfo, "story-embed-390-dark");
  expect(elsewhere).toEqual([]);
  await reader.close();
});
