// The editor's blocks in a real browser: blocks move by keyboard with the focus kept on the moved
// block and the move announced, and by dragging; an editor embeds a post from another platform by
// keyboard (a wrong address explained), publishes it, and readers see its words with no request
// leaving the site. axe finds nothing at 390 and 1280 px wide. A picture dropped on its block is
// uploaded, a video is uploaded and another named by its YouTube address. Writing a draft with a link,
// emphasis, an uploaded picture and a related headline, as a contributor who cannot publish it, is
// journey a of e2e/newsroom-journeys.spec.ts (on two servers, on both engines).
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { makeStaff, putDraft, shoot, signIn } from "./newsroomSupport";

const auth = { authorization: `Bearer ${adminToken}` };

// A Lexical editor per passage and an axe run: more than the default 30 s on a busy machine.
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

test("blocks move by keyboard with the focus kept on the moved block, and by dragging", async ({ page, request }) => {
  const slug = `reordered-${Date.now().toString(36)}`;
  await putDraft(request, slug, "Harbour lights switched on", [
    { type: "paragraph", text: "Alpha comes first." },
    { type: "heading", text: "Bravo heading" },
    { type: "paragraph", text: "Charlie comes last." },
  ]);
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
  await putDraft(request, slug, "Pier 3 reopens to foot passengers", [
    {
      type: "paragraph",
      text: "Pier 3, closed since the October storms, reopens to foot passengers on Monday morning.",
    },
  ]);
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
  await shoot(page, testInfo, "embed");

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
    await shoot(story, testInfo, "story-embed");
  }
  await story.emulateMedia({ colorScheme: "dark" });
  await noViolations(story);
  await shoot(story, testInfo, "story-embed-dark");
  expect(elsewhere).toEqual([]);
  await reader.close();
});

test("a picture dropped on its block is uploaded, and videos are uploaded or named by a YouTube address", async ({
  page,
  request,
}) => {
  const slug = `media-blocks-${Date.now().toString(36)}`;
  await putDraft(request, slug, "Ferry back in service", [{ type: "paragraph", text: "The ferry sails again." }]);
  const staff = await makeStaff(request, "editor", "Mo Media");
  await signIn(page, staff, `/newsroom/stories/${slug}`);
  await expect(page.getByLabel("Headline")).toHaveValue("Ferry back in service");

  // A picture file dropped on the block's drop zone, as from a desktop's file manager.
  await page.getByRole("button", { name: "Add a picture" }).click();
  const zone = page.getByText("Or drop a JPEG, PNG, WebP or GIF picture here.").locator("..");
  const picture = readFileSync("public/media/ferry-fog.jpg").toString("base64");
  const dropped = await page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    const data = Uint8Array.from(atob(bytes), (char) => char.charCodeAt(0));
    transfer.items.add(new File([data], "ferry-fog.jpg", { type: "image/jpeg" }));
    return transfer;
  }, picture);
  await zone.dispatchEvent("dragover", { dataTransfer: dropped });
  await zone.dispatchEvent("drop", { dataTransfer: dropped });
  const alt = page.getByLabel("Alt text (required)");
  await expect(alt).toBeFocused();
  await alt.fill("The ferry in fog at the pier");

  // One video uploaded, one named by its YouTube address.
  await page.getByRole("button", { name: "Add a video" }).click();
  await page.getByLabel("Video 1: title (required)").fill("The ferry's first crossing");
  await page.getByLabel("Upload a video file").setInputFiles("public/media/ferry-rescue.mp4");
  await expect(page.getByText(/^Uploaded: \/uploads\//)).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Add a video" }).click();
  await page.getByLabel("Video 2: title (required)").fill("The ferry, from the harbour wall");
  await page.getByLabel("Or a YouTube video: its id or address").last().fill("https://youtu.be/aqz-KE-bpKQ");
  await expect(page.getByText("The YouTube video aqz-KE-bpKQ.")).toBeVisible();
  await noViolations(page);

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const [, image, uploaded, youTube] = (await read(request, slug)).story.body as {
    type: string;
    src?: string;
    alt?: string;
    title?: string;
    sources?: { type: string; src: string }[];
  }[];
  expect(image).toMatchObject({ type: "image", alt: "The ferry in fog at the pier" });
  expect(image?.src).toMatch(/^\/uploads\/[0-9a-f]{32}\.jpg$/);
  expect(uploaded).toMatchObject({ type: "video", title: "The ferry's first crossing" });
  expect(uploaded?.sources?.[0]).toMatchObject({ type: "video/mp4", src: expect.stringMatching(/^\/uploads\//) });
  expect(youTube).toMatchObject({
    type: "video",
    title: "The ferry, from the harbour wall",
    sources: [{ type: "video/youtube", src: "aqz-KE-bpKQ" }],
  });
});
