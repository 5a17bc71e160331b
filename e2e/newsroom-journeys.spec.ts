// The newsroom's journeys across servers (issue 22): the writer works through server A, the other
// person (an editor, a reader) through server B, on one store: two servers over one SQLite file and
// one media folder, and, when TEST_DATABASE_URL names a PostgreSQL server, two servers sharing a
// schema of their own.
//   a. A contributor on A starts a draft, writes a link (refused first as javascript:) and emphasis by
//      the keyboard, uploads a picture (told alt text is required), links a related headline found by
//      a few of its words, and saves; they are offered no way to publish or schedule it and the
//      server refuses a publish anyway (403). An editor on B opens the draft and sees all of it.
//   b. An editor schedules a draft a few tens of seconds ahead on the site's clock (the site here is
//      in Kolkata, the editor's browser in New York); an open front page on the other server shows
//      "1 new story" when it goes out (the scheduler looks every second: decision 037).
//   c. Two editors edit one story; the second save gets the collision screen, and nothing is lost.
//   d. A reporter on a 390-px phone, on A, posts three live entries, edits one and pins one; a
//      reader's live page open on B shows them, newest first, without reloading.
//   e. An editor on A edits a published story twice; an editor on B reads its history (who saved
//      each revision, what changed, word by word) and restores the first revision; a reader on A
//      reads the restored text.
// Each screen is checked with axe; pictures at phone and desktop sizes are kept for people to see.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import {
  type Browser,
  type BrowserContextOptions,
  expect,
  type Page,
  request as playwrightRequest,
  type TestInfo,
  test,
} from "@playwright/test";
import pg from "pg";
import { siteWallTime } from "../src/newsroom/siteTime";
import { draftStory, makeStaff, type Staff, shoot as shootOne, signIn } from "./newsroomSupport";
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

/** A story for the API: a draft unless `extra` says otherwise. */
const story = (headline: string, paragraph: string, extra: Record<string, unknown> = {}) => ({
  headline,
  section: "city",
  authors: [{ slug: "test-desk", name: "Test Desk" }],
  tags: [],
  publishedAt: new Date().toISOString(),
  updatedAt: new Date().toISOString(),
  body: [{ type: "paragraph", text: paragraph }],
  status: "draft",
  ...extra,
});

/** Puts `body` at /api/stories/`slug` through `origin`, as the admin token. */
async function put(origin: string, slug: string, body: object) {
  const answer = await api(origin, `/api/stories/${slug}`, { method: "PUT", body: JSON.stringify(body) });
  expect(answer.ok, await answer.text()).toBe(true);
}

const api = (origin: string, path: string, init: RequestInit = {}) =>
  fetch(`${origin}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...init.headers },
  });

async function staffOn(origin: string, role: "contributor" | "editor", name: string): Promise<Staff> {
  const request = await playwrightRequest.newContext({ baseURL: origin });
  try {
    return await makeStaff(request, role, name, TOKEN);
  } finally {
    await request.dispose();
  }
}

/** A browser of its own for one person (a phone's, a zone's, if asked), signed in on `origin`, at `path`. */
async function signedIn(
  browser: Browser,
  origin: string,
  staff: Staff,
  path: string,
  options: BrowserContextOptions = {},
) {
  const page = await (await browser.newContext(options)).newPage();
  await signIn(page, staff, `${origin}${path}`);
  return page;
}

const noViolations = async (page: Page) => expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

/** A page open on `origin` at `path`, listening to the change stream. */
async function openAndListening(page: Page, url: string) {
  const streaming = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/events");
  await page.goto(url);
  await waitForHydration(page);
  expect((await streaming).status()).toBe(200);
}

/**
 * Pictures of a screen at a phone's width and a desktop's, for people to look at; no sideways
 * scrolling at either, and, if asked, nothing axe finds at either.
 */
async function shootBoth(page: Page, testInfo: TestInfo, name: string, { axe = false } = {}) {
  for (const size of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    if (axe) await noViolations(page);
    await shootOne(page, testInfo, name);
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
  await openAndListening(page, `${site.b}/`);

  const desk = await signedIn(browser, site.a, editor, `/newsroom/stories/${slug}`, {
    timezoneId: "America/New_York",
  });
  await expect(desk.getByText("Status: Draft")).toBeVisible();
  await expect(desk.getByText(/^On the site's clock: India Standard Time$/)).toBeVisible();
  await noViolations(desk);

  // A time gone by is refused in words; a time set can be taken back to a draft.
  const schedule = async (instant: Date, button = "Schedule") => {
    await desk.getByLabel("Goes out at").fill(siteWallTime(instant, SITE_ZONE));
    await desk.getByRole("button", { name: button, exact: true }).click();
  };
  await schedule(new Date(Date.now() - 3_600_000));
  await expect(desk.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Choose a time later than now.");
  await schedule(new Date(Date.now() + 86_400_000));
  await expect(desk.getByText("Status: Scheduled")).toBeVisible();
  await shootBoth(desk, testInfo, "editor-scheduled");
  await desk.getByRole("button", { name: "Unschedule, back to draft" }).click();
  await expect(desk.getByText("Status: Draft")).toBeVisible();

  // The next whole minute at least 15 s away: between 15 and 75 s from now.
  const goesOut = new Date(Math.ceil((Date.now() + 15_000) / 60_000) * 60_000);
  await schedule(goesOut);
  await expect(desk.getByText("Status: Scheduled")).toBeVisible();
  await expect(desk.getByText(/^Goes out \d+ \w+ \d{4}, \d\d:\d\d\s/)).toBeVisible();
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

async function contributorDraftsAndCannotPublish(browser: Browser, site: Site, testInfo: TestInfo) {
  const word = `Quillback${randomBytes(3).toString("hex")}`;
  const related = `${word} ferry returns after repairs`;
  const relatedSlug = `quillback-ferry-${randomBytes(3).toString("hex")}`;
  await put(
    site.a,
    relatedSlug,
    story(related, "The ferry is back.", {
      status: "published",
      publishedAt: "2026-09-01T09:00:00.000Z",
      updatedAt: "2026-09-01T09:00:00.000Z",
    }),
  );
  const [contributor, editor] = await Promise.all([
    staffOn(site.a, "contributor", "Cass Contributor"),
    staffOn(site.b, "editor", "Eda on server B"),
  ]);

  const cass = await signedIn(browser, site.a, contributor, "/newsroom", { viewport: { width: 1280, height: 900 } });
  const headline = `Night buses ${word} to run all winter`;
  const slug = await draftStory(cass, { headline, section: "city", paragraph: "The council agreed on Tuesday." });
  expect(slug).toMatch(/^night-buses-quillback/);

  // A link on words typed and selected by the keyboard; the dialog refuses javascript: first.
  const paragraph = cass.getByRole("textbox", { name: "Paragraph 1", exact: true });
  await paragraph.click();
  await cass.keyboard.press("End");
  await cass.keyboard.type(" Read the minutes");
  for (let i = 0; i < "the minutes".length; i++) await cass.keyboard.press("Shift+ArrowLeft");
  await cass.keyboard.press("Control+k");
  const dialog = cass.getByRole("dialog", { name: "Link the selected words" });
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
  await cass.keyboard.press("End");
  await cass.keyboard.type(", ");
  await cass.keyboard.press("Control+i");
  await cass.keyboard.type("all of them");
  await cass.keyboard.press("Control+i");
  await cass.keyboard.type(".");

  // A picture, uploaded; the editor says alt text is required until it has some.
  await cass.getByRole("button", { name: "Add a picture" }).click();
  const file = cass.getByLabel("Picture 1: choose a file");
  await expect(file).toBeFocused();
  await file.setInputFiles("public/media/ferry-fog.jpg");
  const alt = cass.getByLabel("Alt text (required)");
  await expect(alt).toBeFocused();
  await expect(cass.getByText("Alt text is required: say what the picture shows.")).toBeVisible();
  await expect(alt).toHaveAttribute("aria-invalid", "true");
  await alt.fill("A night bus waits at the depot in the fog");
  await expect(cass.getByText("What the picture shows, for readers who cannot see it.")).toBeVisible();
  await cass.getByLabel("Credit").fill("City desk");
  // The point the crops keep in view, set by keyboard.
  await cass.getByLabel("Focus across, % from the left").fill("30");
  await cass.getByLabel("Focus down, % from the top").fill("60");

  // A related headline, found by a few of its words and linked.
  await cass.getByRole("button", { name: "Add a related headline" }).click();
  const find = cass.getByLabel("Related headline 1: find a headline by a few of its words");
  await expect(find).toBeFocused();
  await find.fill(`${word} ferry`);
  await expect(cass.getByText("1 headline found")).toBeVisible();
  await cass.getByRole("button", { name: `Link “${related}”` }).click();
  await expect(cass.getByRole("link", { name: related })).toHaveAttribute("href", `/stories/${relatedSlug}`);
  await shootBoth(cass, testInfo, "contributor-draft", { axe: true });

  await cass.getByRole("button", { name: "Save", exact: true }).click();
  await expect(cass.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  // Read through the other server.
  const saved = (await (await api(site.b, `/api/newsroom/stories/${slug}`)).json()) as {
    status: string;
    story: { body: Record<string, unknown>[] };
  };
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
  const src = String(picture?.src);
  expect(src).toMatch(/^\/uploads\/[0-9a-f]{32}\.jpg$/);
  expect(link).toEqual({ type: "related", headline: related, slug: relatedSlug });

  // A contributor is offered no way to publish or schedule, and the server refuses one anyway.
  await expect(cass.getByText("Status: Draft")).toBeVisible();
  await expect(cass.getByRole("button", { name: "Publish now" })).toHaveCount(0);
  await expect(cass.getByRole("group", { name: "Schedule" })).toHaveCount(0);
  const forced = await cass.request.put(`${site.a}/api/stories/${slug}`, {
    data: { ...(saved.story as object), status: "published" },
  });
  expect(forced.status()).toBe(403);
  expect((await fetch(`${site.b}/stories/${slug}`)).status).toBe(404);
  await cass.context().close();

  // An editor on server B opens the draft: its link, emphasis, picture (served by B), alt text and
  // related headline, and a way to publish it.
  const eda = await signedIn(browser, site.b, editor, `/newsroom/stories/${slug}`);
  await expect(eda.getByRole("heading", { level: 1 })).toHaveText(headline);
  const theirs = eda.getByRole("textbox", { name: "Paragraph 1", exact: true });
  await expect(theirs.getByRole("link", { name: "the minutes" })).toBeVisible();
  await expect(theirs.locator("em, i").filter({ hasText: "all of them" })).toBeVisible();
  await expect(eda.getByLabel("Alt text (required)")).toHaveValue("A night bus waits at the depot in the fog");
  await expect(eda.getByLabel("Credit")).toHaveValue("City desk");
  const preview = eda.locator(`img[src="${src}"]`);
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(eda.getByRole("link", { name: related })).toHaveAttribute("href", `/stories/${relatedSlug}`);
  await expect(eda.getByRole("button", { name: "Publish now" })).toBeVisible();
  await eda.context().close();
}

async function reporterOnAPhonePostsLive(browser: Browser, site: Site, reader: Page) {
  const slug = `live-console-${randomBytes(3).toString("hex")}`;
  await put(
    site.a,
    slug,
    story("Storm over the harbour, as it happens", "The storm reaches the harbour.", {
      status: "published",
      live: true,
    }),
  );
  const reporter = await staffOn(site.a, "editor", "Rhea Reporter");

  // A reader has the live page open on server B.
  await openAndListening(reader, `${site.b}/stories/${slug}`);

  const phone = await signedIn(browser, site.a, reporter, `/newsroom/stories/${slug}`, {
    viewport: { width: 390, height: 844 },
  });
  await phone.getByRole("link", { name: "Live console" }).click();
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Live: Storm over the harbour, as it happens");
  await expect(phone.getByText("No entries yet.")).toBeVisible();
  await noViolations(phone);

  const box = phone.getByLabel("What is happening");
  const post = phone.getByRole("button", { name: "Post" });
  const posted = ["Gusts reach 90 km/h at the point.", "The ferries stop.", "The sea wall is shut."];
  for (const [at, text] of posted.entries()) {
    await box.fill(text);
    // Two by the large button, the third from the keyboard.
    if (at < 2) await post.click();
    else await box.press("Control+Enter");
    await expect(phone.getByRole("status")).toHaveText("Posted.");
    await expect(phone.getByRole("listitem").filter({ hasText: text })).toContainText("by Rhea Reporter");
    // The box is empty and keeps the focus for the next entry.
    await expect(box).toHaveValue("");
    await expect(box).toBeFocused();
  }
  // The reader's open page on B shows all three, newest first, without reloading.
  await expect(reader.getByRole("list", { name: "Updates, newest first" }).getByRole("listitem")).toHaveText(
    posted.toReversed().map((text) => new RegExp(text.replaceAll(".", "\\."))),
    { timeout: 15_000 },
  );

  // Each target is at least 44 px high.
  for (const target of [post, phone.getByRole("button", { name: /^Edit the entry/ }).first(), box])
    expect((await target.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  // The box stays in reach as the reporter scrolls down the entries.
  await phone.mouse.wheel(0, 2000);
  await expect(box).toBeInViewport();

  const ferries = phone.getByRole("listitem").filter({ hasText: "The ferries stop." });
  await ferries.getByRole("button", { name: /^Edit the entry/ }).click();
  await expect(box).toHaveValue("The ferries stop.");
  await expect(box).toBeFocused();
  await box.fill("The ferries stop until the morning.");
  await phone.getByRole("button", { name: "Save the entry" }).click();
  await expect(phone.getByRole("status")).toHaveText("Entry saved.");
  const edited = phone.getByRole("listitem").filter({ hasText: "The ferries stop until the morning." });
  await edited.getByRole("button", { name: /^Pin the entry/ }).click();
  await expect(phone.getByRole("status")).toHaveText("Pinned.");
  await expect(phone.getByRole("listitem").first()).toContainText("Pinned");
  await expect(phone.getByRole("listitem").first()).toContainText("The ferries stop until the morning.");
  await noViolations(phone);
  await phone.context().close();

  // The edit and the pin reach the open page too; the reporter's name is not shown to readers.
  await expect(reader.getByRole("list", { name: "Pinned updates" })).toContainText(
    "The ferries stop until the morning.",
    { timeout: 15_000 },
  );
  expect(await reader.content()).not.toContain("Rhea Reporter");
}

async function revisionRestoredOnTheOtherServer(browser: Browser, site: Site, reader: Page) {
  const slug = `history-${randomBytes(3).toString("hex")}`;
  const first = story("Harbour gates to close on Friday", "The harbour gates close at noon on Friday.", {
    status: "published",
    kicker: "Harbour",
  });
  await put(site.a, slug, {
    ...first,
    body: [...first.body, { type: "quote", text: "We will be ready.", cite: "The harbour master" }],
  });
  const [esme, ines] = await Promise.all([
    staffOn(site.a, "editor", "Esme on server A"),
    staffOn(site.b, "editor", "Ines on server B"),
  ]);

  // Two edits through server A.
  const desk = await signedIn(browser, site.a, esme, `/newsroom/stories/${slug}`);
  await desk.getByLabel("Headline").fill("Harbour gates close at noon");
  await desk.getByRole("button", { name: "Save" }).click();
  await expect(desk.getByRole("status")).toHaveText("Saved.");
  await desk
    .getByRole("textbox", { name: "Paragraph 1", exact: true })
    .fill("The harbour gates close at noon on Friday, and open again on Monday.");
  await desk.getByRole("button", { name: "Save" }).click();
  await expect(desk.getByRole("status")).toHaveText("Saved.");
  await desk.context().close();
  // Readers of server B read the second edit.
  await expect.poll(async () => (await fetch(`${site.b}/stories/${slug}`)).text()).toContain("open again on Monday");

  // Another editor reads the history through server B, and restores the first revision.
  const history = await signedIn(browser, site.b, ines, `/newsroom/stories/${slug}/history`);
  await expect(history.getByRole("heading", { level: 1 })).toHaveText("History: Harbour gates close at noon");
  const revisions = history.getByRole("region", { name: "Revisions" }).getByRole("listitem");
  await expect(revisions).toHaveCount(3);
  await expect(revisions.nth(0)).toContainText("Revision 3 (current)");
  await expect(revisions.nth(0)).toContainText("Saved by Esme on server A");
  await expect(revisions.nth(2)).toContainText("Saved by the admin token");
  // By default, what the last save changed: words added in <ins>, said aloud as added.
  const changes = history.getByRole("region", { name: "Changes since revision 2" });
  await expect(changes.locator("ins")).toContainText(["and open again on Monday"]);
  await expect(changes.locator("ins").first()).toContainText("Added:");
  await noViolations(history);

  await history.getByRole("link", { name: "Revision 1", exact: true }).click();
  const sinceFirst = history.getByRole("region", { name: "Changes since revision 1" });
  await expect(sinceFirst.locator("del")).toContainText(["to", "on Friday"]);
  await expect(sinceFirst.locator("del").first()).toContainText("Removed:");
  await history.getByRole("button", { name: "Restore revision 1" }).click();
  await expect(history.getByRole("status")).toHaveText("Restored: the story now reads as that revision did.");
  await expect(revisions).toHaveCount(4);
  await expect(revisions.nth(0)).toContainText("Revision 4 (current)");
  await expect(revisions.nth(0)).toContainText("Saved by Ines on server B");
  await expect(sinceFirst).toContainText("No changes: this revision reads as the current text does.");
  await noViolations(history);
  await history.context().close();

  // A reader on server A reads the story as the first revision did.
  await expect
    .poll(async () => (await fetch(`${site.a}/stories/${slug}`)).text())
    .not.toContain("open again on Monday");
  await reader.goto(`${site.a}/stories/${slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Harbour gates to close on Friday");
  await expect(reader.getByText("The harbour gates close at noon on Friday.")).toBeVisible();
  await expect(reader.getByText("open again on Monday")).toHaveCount(0);
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

  // Long journeys (an upload, a Lexical editor per passage, axe at two sizes) on a shared machine.
  test("a contributor on server A writes a draft with a picture, a link and a related headline and cannot publish it; an editor on server B sees it all", async ({
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    await contributorDraftsAndCannotPublish(browser, site, testInfo);
  });

  test("a reporter on a phone posts three live entries through server A; a live page open on server B shows them", async ({
    browser,
    page,
  }) => {
    test.setTimeout(120_000);
    await reporterOnAPhonePostsLive(browser, site, page);
  });

  test("an editor edits on server A, another restores the first revision on server B, and a reader on server A reads it", async ({
    browser,
    page,
  }) => {
    test.setTimeout(120_000);
    await revisionRestoredOnTheOtherServer(browser, site, page);
  });
}

test.describe("on SQLite, two servers over one file", () => {
  journeysOn([extraPort(16), extraPort(17)], {
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "dispatch-journeys-")), "store.db")}`,
    MEDIA_URL: `file:${mkdtempSync(join(tmpdir(), "dispatch-journeys-media-"))}`,
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
      {
        DATABASE_URL: databaseUrl.href,
        MEDIA_URL: `file:${mkdtempSync(join(tmpdir(), "dispatch-journeys-media-"))}`,
        ADMIN_TOKEN: TOKEN,
        RATE_LIMITS: "0",
      },
      {
        prepare: () => admin(`create schema ${schema}`),
        cleanUp: () => admin(`drop schema if exists ${schema} cascade`),
      },
    );
  });
