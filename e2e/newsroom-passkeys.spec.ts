// Passkeys in the browser, with Chromium's virtual authenticator (DevTools' WebAuthn domain, a
// boundary: no real device or screen lock runs here): someone signed in with a password adds a
// passkey on their account page, signs out, signs in with it, removes it, and it no longer signs
// in. WebAuthn takes no IP address as a site, so this runs on a server of its own at localhost.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, request as playwrightRequest, test } from "@playwright/test";
import { makeStaff } from "./newsroomSupport";
import { extraPort, type ServerProcess, startServerProcess } from "./serverProcess";

const PORT = extraPort(15);
const SITE = `http://localhost:${PORT}`;
const TOKEN = "passkeys-admin-token-0123456789abcdef0123";

let server: ServerProcess;
test.beforeAll(async () => {
  server = await startServerProcess(PORT, { PUBLIC_URL: SITE, ADMIN_TOKEN: TOKEN, RATE_LIMITS: "0" });
});
test.afterAll(() => server?.stop());

const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

test("a passkey added on the account page signs in after signing out, until it is removed", async ({
  page,
  context,
}, testInfo) => {
  // Four full-page pictures and two ceremonies: more than the suite's 30 s on a busy machine.
  test.setTimeout(90_000);
  const api = await playwrightRequest.newContext({ baseURL: SITE });
  const staff = await makeStaff(api, "editor", "Pia Passkey", TOKEN);
  await api.dispose();

  const devtools = await context.newCDPSession(page);
  await devtools.send("WebAuthn.enable");
  const { authenticatorId } = await devtools.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const held = async () => (await devtools.send("WebAuthn.getCredentials", { authenticatorId })).credentials.length;

  const shoot = async (name: string) => {
    for (const size of [
      { width: 390, height: 844 },
      { width: 1280, height: 800 },
    ]) {
      await page.setViewportSize(size);
      await noSidewaysScroll(page);
      const path = testInfo.outputPath(`newsroom-${name}-${size.width}x${size.height}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(`newsroom-${name}-${size.width}x${size.height}`, { path, contentType: "image/png" });
    }
  };

  await page.goto(`${SITE}/newsroom/account`);
  await expect(page).toHaveURL(/\/newsroom\/sign-in\?next=/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await shoot("sign-in-with-passkey");
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(page.getByText(`Pia Passkey, signed in with ${staff.email}`)).toBeVisible();
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("status")).toHaveText("Passkey added.");
  await expect(page.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("listitem")).toContainText(/^Passkey added \d+ \w+ \d{4}/);
  expect(await held()).toBe(1);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await shoot("account");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/newsroom\/sign-in$/);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/newsroom$/);
  await expect(page.getByText("Signed in as Pia Passkey")).toBeVisible();

  // Removed, the passkey the device still holds no longer signs in.
  await page.getByRole("link", { name: "Your account" }).click();
  await page.getByRole("button", { name: /^Remove the passkey added / }).click();
  await expect(page.getByRole("status")).toHaveText("Passkey removed.");
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page.getByRole("alert")).toHaveText("The passkey did not sign you in. Try again, or use your password.");
  await expect(page).toHaveURL(/\/newsroom\/sign-in$/);
});
