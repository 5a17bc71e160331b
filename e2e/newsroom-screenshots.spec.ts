// Pictures of every newsroom screen at phone and desktop sizes, attached to the report for people to
// look at (nothing is compared pixel by pixel); on each, axe finds nothing and nothing scrolls sideways: the
// invitation, signing in, the stories, your account, the editor with a picture block and its link
// dialog open, the collision screen and the merge, the history and the live console.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { makeStaff, shoot } from "./newsroomSupport";

const auth = { authorization: `Bearer ${adminToken}` };

/** A screen looked at: axe finds nothing on it, then its picture. */
const look = async (page: Page, testInfo: TestInfo, name: string) => {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await shoot(page, testInfo, name);
};

// An upload, a Lexical editor per passage and ten pictures a size: more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

for (const size of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`newsroom screens at ${size.width}x${size.height}`, async ({ page, request }, testInfo) => {
    const staff = await makeStaff(request, "editor", "Noor Editor");
    await page.setViewportSize(size);

    const made = await request.post("/api/accounts", {
      headers: auth,
      data: { email: `invited-${size.width}-${Date.now().toString(36)}@newsroom.test`, role: "contributor" },
    });
    const { invitation } = (await made.json()) as { invitation: { url: string } };
    await page.goto(invitation.url);
    await expect(page.getByRole("button")).toBeVisible();
    await look(page, testInfo, "invitation");

    await page.goto("/newsroom");
    await page.getByLabel("Email").fill(staff.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).not.toBeEmpty();
    await look(page, testInfo, "sign-in");

    await page.getByLabel("Password").fill(staff.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("listitem").first()).toBeVisible();
    await look(page, testInfo, "stories");

    await page.getByRole("link", { name: "Your account" }).click();
    await expect(page.getByRole("heading", { name: "Passkeys" })).toBeVisible();
    await look(page, testInfo, "account");

    // The editor, a picture uploaded into it, on a live story of this test's own (saved on Save only).
    const slug = `screenshot-live-${size.width}-${Date.now().toString(36)}`;
    const draft = (headline: string, first: string) => ({
      headline,
      kicker: "Weather",
      deck: "Crews ready the sandbags along the esplanade before the evening tide.",
      section: "city",
      authors: [{ slug: "test-desk", name: "Test Desk" }],
      tags: [],
      live: true,
      publishedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      body: [
        { type: "paragraph", text: first },
        { type: "quote", text: "Stay off the sea wall.", cite: "The coastguard" },
        { type: "paragraph", text: "Schools will close early." },
      ],
    });
    const put = async (headline: string, first: string) => {
      const answer = await request.put(`/api/stories/${slug}`, { headers: auth, data: draft(headline, first) });
      expect(answer.ok(), await answer.text()).toBe(true);
    };
    await put("Storm surge warning for the esplanade", "The storm is due on the evening tide, the coastguard said.");
    await page.goto(`/newsroom/stories/${slug}`);
    await expect(page.getByLabel("Headline")).toBeVisible();
    await page.getByRole("button", { name: "Add a picture" }).click();
    await page.getByLabel("Picture 1: choose a file").setInputFiles("public/media/ferry-fog.jpg");
    await page.getByLabel("Alt text (required)").fill("The esplanade's sea wall in fog");
    await page.getByRole("textbox", { name: "Caption", exact: true }).fill("The sea wall at the evening tide.");
    await look(page, testInfo, "editor");

    const paragraph = page.getByRole("textbox", { name: "Paragraph 1", exact: true });
    await paragraph.click();
    await page.keyboard.press("End");
    for (let i = 0; i < "the coastguard said.".length; i++) await page.keyboard.press("Shift+ArrowLeft");
    await page.keyboard.press("Control+k");
    const dialog = page.getByRole("dialog", { name: "Link the selected words" });
    await dialog.getByLabel("Link address").fill("https://coastguard.example/warnings");
    // The dialog sits outside the page's element (in the body, a modal): it is set in the editor's face all the same.
    const face = (element: Element) => getComputedStyle(element).fontFamily;
    expect(await dialog.getByRole("button", { name: "Set the link" }).evaluate(face)).toBe(
      await page.getByRole("button", { name: "Save", exact: true }).evaluate(face),
    );
    await look(page, testInfo, "editor-link-dialog");
    await dialog.getByRole("button", { name: "Set the link" }).click();
    await expect(dialog).toBeHidden();

    // Someone else saves the first paragraph; this editor's headline meets the collision, then the merge.
    await put("Storm surge warning lifted", "The storm passed out to sea overnight, the coastguard said.");
    await page.getByLabel("Headline").fill("Storm surge warning for the whole esplanade");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("button", { name: "Keep mine" })).toBeVisible();
    await look(page, testInfo, "collision");
    await page.getByRole("button", { name: "Merge by hand" }).click();
    await expect(page.getByRole("group", { name: "Headline changed in both" })).toBeVisible();
    await look(page, testInfo, "merge");
    await page.getByRole("button", { name: "Save the merge" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

    await page.getByRole("link", { name: "History" }).click();
    await expect(page.locator("ins").first()).toBeVisible();
    await look(page, testInfo, "history");

    for (const text of ["Crews ready the sandbags.", "The tide peaks at 18:40.", "The esplanade is closed."]) {
      const entry = await request.post(`/api/stories/${slug}/entries`, {
        headers: auth,
        data: { body: [{ type: "paragraph", text }], pinned: text.startsWith("The tide") },
      });
      expect(entry.ok(), await entry.text()).toBe(true);
    }
    await page.goto(`/newsroom/stories/${slug}/live`);
    await expect(page.getByRole("listitem")).toHaveCount(3);
    await look(page, testInfo, "live");
  });
}
