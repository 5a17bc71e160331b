// The newsroom in the site's language (issue 22: "labels in the site's language"): on the Arabic demo
// site, its own server, an editor signs in, finds the stories and opens one in the editor, the
// labels from the Arabic catalogue, the page right to left, axe finding nothing, at a phone's width.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, request as playwrightRequest, test } from "@playwright/test";
import { catalogueFor } from "../src/words/catalogues";
import { makeStaff } from "./newsroomSupport";
import { extraPort, type ServerProcess, startServerProcess } from "./serverProcess";

const words = catalogueFor("ar");
const TOKEN = "e2e-arabic-newsroom-token-0123456789abcdef";

let server: ServerProcess;
test.beforeAll(async () => {
  test.setTimeout(60_000);
  server = await startServerProcess(extraPort(5), {
    SITE_CONFIG: "content/demo-ar/site.yaml",
    ADMIN_TOKEN: TOKEN,
    RATE_LIMITS: "0",
  });
});
test.afterAll(() => server?.stop());

const noViolations = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

test("an editor on the Arabic site signs in and opens a story in the editor, labelled in Arabic, right to left", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const api = await playwrightRequest.newContext({ baseURL: server.origin });
  const staff = await makeStaff(api, "editor", "سناء المحررة", TOKEN);
  await api.dispose();
  const context = await browser.newContext({ baseURL: server.origin, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();

  await page.goto("/newsroom");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByLabel(words["newsroom.email"]).fill(staff.email);
  await page.getByLabel(words["newsroom.password"]).fill(staff.password);
  await noViolations(page);
  await page.getByRole("button", { name: words["newsroom.signIn"], exact: true }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words["newsroom.stories"]);
  await noViolations(page);
  // A demo story, by its Arabic headline, opens in the editor.
  const first = page.getByRole("main").getByRole("listitem").first().getByRole("link").first();
  const headline = (await first.textContent())?.trim() ?? "";
  expect(headline).toMatch(/\p{Script=Arabic}/u);
  await first.click();
  // Each field named by its Arabic label (and its count of characters, in Arabic too).
  const field = (key: "newsroom.kicker" | "newsroom.headline") =>
    page.getByRole("textbox", { name: new RegExp(`^${words[key]} \\d+ `) });
  await expect(field("newsroom.headline")).toHaveValue(headline);
  await expect(field("newsroom.kicker")).toBeVisible();
  await expect(page.getByRole("button", { name: words["newsroom.save"], exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: words["newsroom.history"], exact: true })).toBeVisible();
  expect(await field("newsroom.headline").evaluate((input) => getComputedStyle(input).direction)).toBe("rtl");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await noViolations(page);
  await context.close();
});
