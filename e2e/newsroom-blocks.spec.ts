// The editor's blocks in a real browser: blocks move by keyboard with the focus kept on the moved
// block and the move announced, and by dragging; axe finds nothing after. Writing a draft with a
// link, emphasis, an uploaded picture and a related headline, as a contributor who cannot publish
// it, is journey a of e2e/newsroom-journeys.spec.ts (on two servers, on both engines).
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { makeStaff, signIn } from "./newsroomSupport";

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
