// The newsroom's journeys across servers (issue 22): editor A works through server A, editor B and
// the reader through server B, on one store: two servers over one SQLite file, and, when
// TEST_DATABASE_URL names a PostgreSQL server, two servers sharing a schema of their own.
//   - An editor schedules a draft a few tens of seconds ahead on the site's clock (the site here is
//     in Kolkata, the editor's browser in New York); an open front page on the other server shows
//     "1 new story" when it goes out (the scheduler looks every second: decision 037).
//   - Two editors edit one story; the second save gets the collision screen, and nothing is lost.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, request as playwrightRequest, type TestInfo, test } from "@playwright/test";
import pg from "pg";
import { siteWallTime } from "../src/newsroom/siteTime";
import { makeStaff, type Staff } from "./newsroomSupport";
import { extraPort, type ServerProcess, startServerProcess } from "./serverProcess";
import { waitForHydration } from "./support";

const TOKEN = "journeys-admin-token-0123456789abcdef0123";
const SITE_ZONE = "Asia/Kolkata";

/** The demo site's config, on Kolkata's clock (its files named from wherever the copy lives). */
function siteConfigInKolkata(): string {
  const yaml = readFileSync("content/site.yaml", "utf8")
    .replace(/^timeZone: .*$/m, `timeZone: ${SITE_ZONE}`)
    .replace(/^(logo|icon): (.*)$/gm, (_, key: string, path: string) => `${key}: ${resolve("content", path)}`);
  const file = join(mkdtempSync(join(tmpdir(), "dispatch-journeys-site-")), "site.yaml");
  writeFileSync(file, yaml);
  return file;
}

interface Site {
  a: string;
  b: string;
}

const story = (headline: string, paragraph: string) => ({
  headline,
  section: "city",
  authors: [{ slug: "test-desk", name: "Test Desk" }],
  tags: [],
  publishedAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  body: [{ type: "paragraph", text: paragraph }],
  status: "draft",
});

const api = (origin: string, path: string, init: RequestInit = {}) =>
  fetch(`${origin}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...init.headers },
  });

async function staffOn(origin: string, role: "editor", name: string): Promise<Staff> {
  const request = await playwrightRequest.newContext({ baseURL: origin });
  try {
    return await makeStaff(request, role, name, TOKEN);
  } finally {
    await request.dispose();
  }
}

/** A browser of its own for one person, signed in on `origin`, at `path`. */
async function signedIn(browser: Browser, origin: string, staff: Staff, path: string, timezoneId?: string) {
  const context = await browser.newContext(timezoneId ? { timezoneId } : {});
  const page = await context.newPage();
  await page.goto(`${origin}${path}`);
  await page.getByLabel("Email").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

/** Pictures of the editor at a phone's width and a desktop's, for people to look at. */
async function shoot(page: Page, testInfo: TestInfo, name: string) {
  for (const size of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const path = testInfo.outputPath(`newsroom-${name}-${size.width}x${size.height}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`newsroom-${name}-${size.width}x${size.height}`, { path, contentType: "image/png" });
  }
}

async function scheduledStoryReachesTheOpenFrontPage(browser: Browser, site: Site, page: Page, testInfo: TestInfo) {
  const slug = `scheduled-${randomBytes(3).toString("hex")}`;
  const headline = "Tram line to the docks opens at dawn";
  expect(
    (
      await api(site.a, `/api/stories/${slug}`, {
        method: "PUT",
        body: JSON.stringify(story(headline, "The first tram leaves at six.")),
      })
    ).status,
  ).toBe(201);
  const editor = await staffOn(site.a, "editor", "Sana Scheduler");

  // The reader's front page, on server B, open and listening before anything is scheduled.
  const streaming = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/events");
  await page.goto(`${site.b}/`);
  await waitForHydration(page);
  expect((await streaming).status()).toBe(200);

  const desk = await signedIn(browser, site.a, editor, `/newsroom/stories/${slug}`, "America/New_York");
  await expect(desk.getByText("Status: Draft")).toBeVisible();
  await expect(desk.getByText(/^On the site's clock: India Standard Time$/)).toBeVisible();
  expect((await new AxeBuilder({ page: desk }).analyze()).violations).toEqual([]);

  // A time gone by is refused in words; a time set can be taken back to a draft.
  const schedule = async (instant: Date, button = "Schedule") => {
    await desk.getByLabel("Goes out at").fill(siteWallTime(instant, SITE_ZONE));
    await desk.getByRole("button", { name: button, exact: true }).click();
  };
  await schedule(new Date(Date.now() - 3_600_000));
  await expect(desk.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Choose a time later than now.");
  await schedule(new Date(Date.now() + 86_400_000));
  await expect(desk.getByText("Status: Scheduled")).toBeVisible();
  await shoot(desk, testInfo, "editor-scheduled");
  await desk.getByRole("button", { name: "Unschedule, back to draft" }).click();
  await expect(desk.getByText("Status: Draft")).toBeVisible();

  // The next whole minute at least 15 s away: between 15 and 75 s from now.
  const goesOut = new Date(Math.ceil((Date.now() + 15_000) / 60_000) * 60_000);
  await schedule(goesOut);
  await expect(desk.getByText("Status: Scheduled")).toBeVisible();
  await expect(desk.getByText(/^Goes out \d+ \w+ \d{4}, \d\d:\d\d /)).toBeVisible();
  const held = (await (await api(site.b, `/api/newsroom/stories/${slug}`)).json()) as {
    status: string;
    publishAt: string;
  };
  expect(held).toMatchObject({ status: "scheduled", publishAt: goesOut.toISOString() });
  expect((await fetch(`${site.b}/stories/${slug}`)).status).toBe(404);
  await desk.context().close();

  // It goes out at its time, through whichever server claims it; the reader on B is told.
  const notice = page.getByRole("status").getByRole("button", { name: "Show 1 new story" });
  await expect(notice).toBeVisible({ timeout: goesOut.getTime() - Date.now() + 15_000 });
  expect(Date.now()).toBeGreaterThanOrEqual(goesOut.getTime());
  await notice.click();
  await expect(page.getByRole("link", { name: headline }).first()).toBeVisible();
  const published = (await (await fetch(`${site.b}/api/stories/${slug}`)).json()) as { publishedAt: string };
  expect(published.publishedAt).toBe(goesOut.toISOString());
}

async function secondSaveMeetsTheCollisionScreen(browser: Browser, site: Site) {
  const slug = `collided-${randomBytes(3).toString("hex")}`;
  expect(
    (
      await api(site.a, `/api/stories/${slug}`, {
        method: "PUT",
        body: JSON.stringify(story("Bridge repairs start on Monday", "The bridge closes for a week.")),
      })
    ).status,
  ).toBe(201);
  const [one, two] = await Promise.all([
    staffOn(site.a, "editor", "Ana on server A"),
    staffOn(site.b, "editor", "Ben on server B"),
  ]);
  const ana = await signedIn(browser, site.a, one, `/newsroom/stories/${slug}`);
  const ben = await signedIn(browser, site.b, two, `/newsroom/stories/${slug}`);
  await expect(ana.getByLabel("Headline")).toHaveValue("Bridge repairs start on Monday");
  await expect(ben.getByLabel("Headline")).toHaveValue("Bridge repairs start on Monday");

  // Ben saves first, through server B; Ana's save, through server A, names the version she loaded.
  await ben.getByLabel("Headline").fill("Bridge repairs put off to spring");
  await ben.getByRole("button", { name: "Save", exact: true }).click();
  await expect(ben.getByRole("status")).toHaveText("Saved.");
  await ana
    .getByRole("textbox", { name: "Paragraph 1", exact: true })
    .fill("The bridge closes for a week from Monday at six.");
  // A draft saves by itself every 3 s: the autosave may meet the 412 before the click lands and take
  // the Save button away with the collision screen. Either way that screen must follow.
  await ana
    .getByRole("button", { name: "Save", exact: true })
    .click({ timeout: 5_000 })
    .catch(() => undefined);
  await expect(ana.getByRole("heading", { level: 1 })).toHaveText(
    "Someone else saved this story while you were editing it.",
  );
  await expect(ana.getByRole("region", { name: "Your version" })).toContainText("from Monday at six");
  await expect(ana.getByRole("region", { name: "The saved version" })).toContainText(
    "Bridge repairs put off to spring",
  );
  const read = async () =>
    (
      (await (await api(site.b, `/api/newsroom/stories/${slug}`)).json()) as {
        story: { headline: string; body: { text: string }[] };
      }
    ).story;
  // Nothing was overwritten.
  expect((await read()).headline).toBe("Bridge repairs put off to spring");

  await ana.getByRole("button", { name: "Keep mine" }).click();
  await expect(ana.getByRole("status")).toHaveText("Saved.");
  expect((await read()).body[0]?.text).toBe("The bridge closes for a week from Monday at six.");
  await ana.context().close();
  await ben.context().close();
}

function journeysOn(
  ports: [number, number],
  env: Record<string, string>,
  { prepare, cleanUp }: { prepare?: () => Promise<unknown>; cleanUp?: () => Promise<unknown> } = {},
) {
  test.describe.configure({ mode: "serial" });
  const servers: ServerProcess[] = [];
  let site: Site;
  test.beforeAll(async () => {
    // Two servers, one after the other, each up to 25 s on a busy machine.
    test.setTimeout(90_000);
    await prepare?.();
    const siteConfig = siteConfigInKolkata();
    // One after the other: the first migrates the store.
    for (const port of ports) servers.push(await startServerProcess(port, { ...env, SITE_CONFIG: siteConfig }));
    site = { a: servers[0]?.origin ?? "", b: servers[1]?.origin ?? "" };
  });
  test.afterAll(async () => {
    for (const server of servers) server.stop();
    await cleanUp?.();
  });

  test("an editor on server A schedules a draft; the open front page on server B shows it when it goes out", async ({
    browser,
    page,
  }, testInfo) => {
    // Up to 75 s to its time, and a few seconds either side.
    test.setTimeout(150_000);
    await scheduledStoryReachesTheOpenFrontPage(browser, site, page, testInfo);
  });

  test("two editors on two servers edit one story: the second save gets the collision screen", async ({ browser }) => {
    test.setTimeout(60_000);
    await secondSaveMeetsTheCollisionScreen(browser, site);
  });
}

test.describe("on SQLite, two servers over one file", () => {
  journeysOn([extraPort(16), extraPort(17)], {
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "dispatch-journeys-")), "store.db")}`,
    ADMIN_TOKEN: TOKEN,
    RATE_LIMITS: "0",
  });
});

// Runs when TEST_DATABASE_URL names a PostgreSQL server (.ci/run sets it); without one, no test.
const postgres = process.env.TEST_DATABASE_URL;
for (const serverUrl of postgres ? [postgres] : [])
  test.describe("on PostgreSQL, two servers sharing it", () => {
    const schema = `dispatch_e2e_${randomBytes(6).toString("hex")}`;
    const databaseUrl = new URL(serverUrl);
    databaseUrl.searchParams.set("options", `-c search_path=${schema}`);
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    journeysOn(
      [extraPort(18), extraPort(19)],
      { DATABASE_URL: databaseUrl.href, ADMIN_TOKEN: TOKEN, RATE_LIMITS: "0" },
      {
        prepare: () => admin(`create schema ${schema}`),
        cleanUp: () => admin(`drop schema if exists ${schema} cascade`),
      },
    );
  });
