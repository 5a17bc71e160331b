// Pictures of each newsroom screen at phone and desktop sizes, attached to the report for people to
// look at (nothing is compared pixel by pixel); each screen must not scroll sideways.
import { expect, type Page, test } from "@playwright/test";
import { adminToken } from "../playwright.config";
import { makeStaff } from "./newsroomSupport";

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

for (const size of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`newsroom screens at ${size.width}x${size.height}`, async ({ page, request }, testInfo) => {
    const staff = await makeStaff(request, "editor", "Noor Editor");
    await page.setViewportSize(size);
    const shoot = async (name: string) => {
      await noSidewaysScroll(page);
      const path = testInfo.outputPath(`newsroom-${name}-${size.width}x${size.height}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`newsroom-${name}-${size.width}x${size.height}`, { path, contentType: "image/png" });
    };

    const made = await request.post("/api/accounts", {
      headers: { authorization: `Bearer ${adminToken}` },
      data: { email: `invited-${size.width}-${Date.now().toString(36)}@newsroom.test`, role: "contributor" },
    });
    const { invitation } = (await made.json()) as { invitation: { url: string } };
    await page.goto(invitation.url);
    await expect(page.getByRole("button")).toBeVisible();
    await shoot("invitation");

    await page.goto("/newsroom");
    await page.getByLabel("Email").fill(staff.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).not.toBeEmpty();
    await shoot("sign-in");

    await page.getByLabel("Password").fill(staff.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("listitem").first()).toBeVisible();
    await shoot("stories");

    // The editor, and its collision screen, on a draft of this test's own.
    const slug = `screenshot-draft-${size.width}-${Date.now().toString(36)}`;
    const draft = (headline: string) => ({
      headline,
      kicker: "Weather",
      deck: "Crews ready the sandbags along the esplanade before the evening tide.",
      section: "city",
      authors: [{ slug: "test-desk", name: "Test Desk" }],
      tags: [],
      publishedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
      body: [
        { type: "paragraph", text: "The storm is due on the evening tide, the coastguard said." },
        { type: "quote", text: "Stay off the sea wall.", cite: "The coastguard" },
        { type: "paragraph", text: "Schools will close early." },
      ],
      status: "draft",
    });
    const put = (headline: string) =>
      request.put(`/api/stories/${slug}`, {
        headers: { authorization: `Bearer ${adminToken}` },
        data: draft(headline),
      });
    expect((await put("Storm surge warning for the esplanade")).ok()).toBe(true);
    await page.goto(`/newsroom/stories/${slug}`);
    await expect(page.getByLabel("Headline")).toBeVisible();
    await shoot("editor");
    expect((await put("Storm surge warning lifted")).ok()).toBe(true);
    await page.getByLabel("Headline").fill("Storm surge warning for the whole esplanade");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("button", { name: "Keep mine" })).toBeVisible();
    await shoot("collision");
  });
}
