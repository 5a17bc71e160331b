// Staff for the newsroom's browser tests: an account made through the accounts API (as an admin
// would, with the server's ADMIN_TOKEN), its invitation accepted with a password, as a new
// member of staff does once. The browser then signs in with that email and password.
import { type APIRequestContext, expect, type Page, type TestInfo } from "@playwright/test";
import { adminToken } from "../playwright.config";

export interface Staff {
  email: string;
  password: string;
  name: string;
}

export async function makeStaff(
  request: APIRequestContext,
  role: "contributor" | "author" | "editor" | "admin",
  name: string,
  /** The server's ADMIN_TOKEN: the suite's server's unless the test started its own. */
  token = adminToken,
): Promise<Staff> {
  const email = `${role}-${uniqueId()}@newsroom.test`;
  const password = `correct horse ${uniqueId()}`;
  const made = await request.post("/api/accounts", {
    headers: { authorization: `Bearer ${token}` },
    data: { email, name, role },
  });
  expect(made.status(), await made.text()).toBe(201);
  const { invitation } = (await made.json()) as { invitation: { url: string } };
  const invitationToken = new URL(invitation.url).pathname.split("/").pop();
  const accepted = await request.post(`/api/invitations/${invitationToken}`, { data: { password } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  return { email, password, name };
}

/** Signs `staff` in with their email and password, on the sign-in form `path` leads to (if given). */
export async function signIn(page: Page, staff: Staff, path?: string) {
  if (path !== undefined) await page.goto(path);
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Starts a draft from the stories page, as a writer does: "Start a new story", its headline, section
 * and first paragraph, "Start the draft"; waits for the editor to open on it and gives its slug.
 */
export async function draftStory(
  page: Page,
  { headline, section, paragraph }: { headline: string; section: string; paragraph: string },
): Promise<string> {
  await page.getByText("Start a new story").click();
  await page.getByRole("textbox", { name: "Headline", exact: true }).fill(headline);
  await page.getByLabel("Section").last().selectOption(section);
  await page.getByLabel("First paragraph").fill(paragraph);
  await page.getByRole("button", { name: "Start the draft" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

let made = 0;
const uniqueId = () => `${process.pid}-${Date.now().toString(36)}-${made++}`;

/** A picture of the screen at its present width, for people to look at, once nothing scrolls sideways. */
export async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  const picture = `newsroom-${name}-${width}x${height}`;
  const path = testInfo.outputPath(`${picture}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(picture, { path, contentType: "image/png" });
}

/** A draft put at `slug` through the publishing API as the admin token (made, or replaced): a test's starting point. */
export async function putDraft(
  request: APIRequestContext,
  slug: string,
  headline: string,
  body: Record<string, unknown>[],
) {
  const answer = await request.put(`/api/stories/${slug}`, {
    headers: { authorization: `Bearer ${adminToken}` },
    data: storyFields(headline, body, { status: "draft" }),
  });
  expect(answer.ok(), await answer.text()).toBe(true);
}

/** A story as the publishing API takes it: in City, by the test desk, dated now unless `extra` says otherwise. */
export function storyFields(headline: string, body: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  const now = new Date().toISOString();
  return {
    headline,
    section: "city",
    authors: [{ slug: "test-desk", name: "Test Desk" }],
    tags: [],
    publishedAt: now,
    updatedAt: now,
    body,
    ...extra,
  };
}
