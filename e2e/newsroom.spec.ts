// The newsroom in the browser (issue 22): its own program, behind the session. Staff sign in with
// an email and a password and land on the stories; anyone else meets the sign-in page; signing out
// ends the session. A reader's story page never loads a byte of it.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { makeStaff } from "./newsroomSupport";
import { WATCH_PATH, waitForHydration } from "./support";

test("a signed-out visitor meets the sign-in page, signs in, lands on the stories and signs out", async ({
  page,
  request,
}) => {
  const staff = await makeStaff(request, "editor", "Ines Editor");

  const answer = await page.goto("/newsroom");
  expect(answer?.headers()["cache-control"]).toBe("private, no-store");
  await expect(page).toHaveURL(/\/newsroom\/sign-in\?next=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to the newsroom");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // A wrong password is refused, in words, and the password box is emptied for another try.
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Password")).toBeFocused();

  // By keyboard alone.
  await page.getByLabel("Password").fill(staff.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/newsroom$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stories");
  await expect(page.getByText(`Signed in as ${staff.name}`)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  // A reload keeps the session (the cookie), and the page is still never kept.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stories");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/newsroom\/sign-in$/);
  expect((await page.request.get("/api/session")).status()).toBe(401);
  await page.goto("/newsroom");
  await expect(page).toHaveURL(/\/newsroom\/sign-in\?next=/);
});

test("a reader's story page loads nothing of the newsroom", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  await page.waitForLoadState("networkidle");
  expect(fetched.filter((path) => path.startsWith("/assets/")).length).toBeGreaterThan(0);
  expect(fetched.filter((path) => /newsroom/.test(path))).toEqual([]);
});
