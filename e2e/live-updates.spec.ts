// Pages that learn of changes while they are open (docs/decisions/019). Each journey has the
// editor write through one server and the reader read through another: two servers over one
// SQLite file (the writer itself two processes), and, when TEST_DATABASE_URL names a PostgreSQL
// server, two servers sharing it. Nothing reloads the document: each test marks it first.
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { extraPort, type ServerProcess, startServerProcess } from "./serverProcess";
import { type ApiStory, documentIsMarked, markDocument, WATCH_SLUG, waitForHydration } from "./support";

const TOKEN = "live-updates-admin-token-0123456789abcdef";

interface Site {
  /** Where the reader reads. */
  reader: string;
  /** Where the editor writes. */
  writer: string;
  /** Kills the reader's server (its connections are cut, not closed) and starts it again on the same port. */
  restartReader(whileDown: () => Promise<void>): Promise<void>;
}

const put = (site: Site, slug: string, story: unknown) =>
  fetch(`${site.writer}/api/stories/${slug}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(story),
  });

const newStory = (headline: string) => {
  const now = new Date().toISOString();
  return {
    headline,
    section: "city",
    authors: [],
    tags: [],
    publishedAt: now,
    updatedAt: now,
    body: [{ type: "paragraph", text: "Written while a reader had the page open." }],
  };
};

/** Opens a page and waits until its change stream is connected. */
async function open(page: Page, url: string) {
  const streaming = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/events");
  await page.goto(url);
  await waitForHydration(page);
  expect((await streaming).status()).toBe(200);
  await markDocument(page);
}

async function newStoriesOnTheFrontPage(page: Page, site: Site) {
  await open(page, `${site.reader}/`);
  const slug = `arrived-while-open-${randomBytes(3).toString("hex")}`;
  expect((await put(site, slug, newStory("Harbour lights switched on early"))).status).toBe(201);

  const notice = page.getByRole("status").getByRole("button", { name: "Show 1 new story" });
  await expect(notice).toBeVisible();
  // Nothing on screen has moved or changed before the reader asks.
  await expect(page.getByRole("link", { name: "Harbour lights switched on early" })).toHaveCount(0);
  // The reader may dismiss it: it comes back for a newer story, counting both.
  await page.getByRole("status").getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
  expect((await put(site, `${slug}-more`, newStory("Winter ferry timetable published"))).status).toBe(201);
  const both = page.getByRole("status").getByRole("button", { name: "Show 2 new stories" });
  await expect(both).toBeVisible();
  await both.click();
  const headline = page.getByRole("link", { name: "Winter ferry timetable published" }).first();
  await expect(headline).toBeVisible();
  await expect(headline).toBeFocused();
  await expect(page.getByRole("link", { name: "Harbour lights switched on early" }).first()).toBeVisible();
  await expect(both).toHaveCount(0);
  expect(await documentIsMarked(page)).toBe(true);
}

async function anUpdateToTheOpenStory(page: Page, site: Site) {
  const story = (await (await fetch(`${site.writer}/api/stories/${WATCH_SLUG}`)).json()) as ApiStory & {
    updatedAt: string;
  };
  const paragraphs = story.body.filter((block) => block.type === "paragraph");
  const first = paragraphs[0]?.text ?? "";
  const reading = paragraphs.at(-1)?.text ?? "";
  await open(page, `${site.reader}/stories/${WATCH_SLUG}`);
  await page.getByRole("button", { name: "Save", exact: true }).first().click();
  // The reader is well into the story: the last paragraph at the top of the screen.
  const anchor = page.getByText(reading, { exact: true });
  await anchor.evaluate((element) => element.scrollIntoView({ block: "start" }));
  const before = await anchor.evaluate((element) => element.getBoundingClientRect().top);

  // The desk adds a sentence to the first paragraph, far above where the reader is.
  const added = "The crew were later commended by the harbour authority.";
  const edited = {
    ...story,
    updatedAt: new Date().toISOString(),
    body: story.body.map((block) => (block.text === first ? { ...block, text: `${first} ${added}` } : block)),
  };
  expect((await put(site, WATCH_SLUG, edited)).status).toBe(200);

  const notice = page.getByRole("status").filter({ hasText: "This story has been updated." });
  await expect(notice).toBeVisible();
  await expect(page.getByText(added)).toHaveCount(0);
  await notice.getByRole("button", { name: "Show the latest version" }).click();
  await expect(page.getByText(added)).toBeAttached();
  await expect(notice).toHaveCount(0);
  const after = await anchor.evaluate((element) => element.getBoundingClientRect().top);
  expect(Math.abs(after - before)).toBeLessThanOrEqual(2);
  expect(await documentIsMarked(page)).toBe(true);

  // The saved copy for reading offline is the new version too.
  await expect
    .poll(() =>
      page.evaluate(async (slug) => {
        const copy = await (await caches.open("dispatch-saved")).match(`/api/stories/${slug}`);
        return copy ? JSON.stringify(await copy.json()) : "";
      }, WATCH_SLUG),
    )
    .toContain(added);
}

async function aDeletedStory(page: Page, site: Site) {
  const slug = `removed-while-open-${randomBytes(3).toString("hex")}`;
  expect((await put(site, slug, newStory("Quayside market cancelled"))).status).toBe(201);
  await open(page, `${site.reader}/stories/${slug}`);
  const removed = await fetch(`${site.writer}/api/stories/${slug}`, {
    method: "DELETE",
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(removed.status).toBe(204);
  await expect(page.getByRole("status").filter({ hasText: "This story has been removed." })).toBeVisible();
  // The reader keeps what they were reading.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Quayside market cancelled");
  expect(await documentIsMarked(page)).toBe(true);
}

async function aCutStream(page: Page, site: Site) {
  await open(page, `${site.reader}/`);
  const tag = randomBytes(3).toString("hex");
  // One story heard of while connected…
  expect((await put(site, `heard-live-${tag}`, newStory("Tram line survey begins"))).status).toBe(201);
  await expect(page.getByRole("status").getByRole("button", { name: "Show 1 new story" })).toBeVisible();
  // …and one published while the reader's server is down and the page's stream cut.
  await site.restartReader(async () => {
    expect((await put(site, `published-while-cut-${tag}`, newStory("Ferry pier reopens after repairs"))).status).toBe(
      201,
    );
  });
  // The page reconnects by itself, from the last id it heard, and misses nothing.
  const notice = page.getByRole("status").getByRole("button", { name: "Show 2 new stories" });
  await expect(notice).toBeVisible({ timeout: 15_000 });
  await notice.click();
  await expect(page.getByRole("link", { name: "Ferry pier reopens after repairs" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Tram line survey begins" }).first()).toBeVisible();
  expect(await documentIsMarked(page)).toBe(true);
}

async function aLiveEntry(page: Page, site: Site) {
  const slug = `storm-live-${randomBytes(3).toString("hex")}`;
  const live = { ...newStory("Storm over the quay: the evening as it happens"), live: true };
  expect((await put(site, slug, live)).status).toBe(201);
  await open(page, `${site.reader}/stories/${slug}`);
  const posted = await fetch(`${site.writer}/api/stories/${slug}/entries`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({
      headline: "Sea wall gates closed",
      body: [{ type: "paragraph", text: "The harbour office shut the gates at eight." }],
    }),
  });
  expect(posted.status).toBe(201);
  // The entry arrives through the stream (the page's own poll is minutes away).
  const updates = page.getByRole("list", { name: "Updates, newest first" }).getByRole("listitem");
  await expect(updates.first()).toContainText("The harbour office shut the gates at eight.");
  await expect(page.getByRole("status").filter({ hasText: "1 new update" })).toBeVisible();
  expect(await documentIsMarked(page)).toBe(true);
}

async function aStoryBeforeTheStreamOpens(page: Page, site: Site) {
  // The page's stream is held back (as on a slow phone, where the app starts seconds after the page).
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/events*", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${site.reader}/`);
  await waitForHydration(page);
  await markDocument(page);
  expect(
    (await put(site, `before-stream-${randomBytes(3).toString("hex")}`, newStory("Lifeboat crew named"))).status,
  ).toBe(201);
  release();
  // The stream resumes from where the change log stood when the page was made.
  await expect(page.getByRole("status").getByRole("button", { name: "Show 1 new story" })).toBeVisible();
  expect(await documentIsMarked(page)).toBe(true);
}

const journeys = [
  ["a story published shows as a new-stories notice on the open front page", newStoriesOnTheFrontPage],
  [
    "an edit shows the update notice on the open story, and the new version keeps the reader's place",
    anUpdateToTheOpenStory,
  ],
  ["a story deleted while open says so", aDeletedStory],
  ["a live entry appears on the open live page", aLiveEntry],
  ["a story published after the page was made, before its stream opened, still shows", aStoryBeforeTheStreamOpens],
  ["a page whose stream was cut learns, once back, what was published meanwhile", aCutStream],
] as const;

/**
 * The journeys, in turn (the edit changes a story the others may show), on a writer and a reader
 * started with these environments on these ports; `prepare` and `cleanUp` around them.
 */
function journeysOn(
  servers: { writer: [number, Record<string, string>]; reader: [number, Record<string, string>] },
  { prepare, cleanUp }: { prepare?: () => Promise<unknown>; cleanUp?: () => Promise<unknown> } = {},
) {
  test.describe.configure({ mode: "serial" });
  let writer: ServerProcess;
  let reader: ServerProcess;
  const startReader = () => startServerProcess(...servers.reader);
  test.beforeAll(async () => {
    await prepare?.();
    writer = await startServerProcess(...servers.writer);
    reader = await startReader();
  });
  test.afterAll(async () => {
    writer?.stop();
    reader?.stop();
    await cleanUp?.();
  });
  for (const [name, journey] of journeys)
    test(name, async ({ page }) => {
      await journey(page, {
        reader: reader.origin,
        writer: writer.origin,
        async restartReader(whileDown) {
          reader.stop();
          await whileDown();
          reader = await startReader();
        },
      });
    });
}

test.describe("on SQLite, the writer and the reader on two servers over one file", () => {
  const env = {
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "dispatch-live-")), "store.db")}`,
    ADMIN_TOKEN: TOKEN,
    RATE_LIMITS: "0",
  };
  // The writer runs two processes itself: a write through either reaches the reader.
  journeysOn({ writer: [extraPort(10), { ...env, WEB_CONCURRENCY: "2" }], reader: [extraPort(13), env] });
});

// Runs when TEST_DATABASE_URL names a PostgreSQL server (.ci/run sets it); without one, no test.
const postgres = process.env.TEST_DATABASE_URL;
for (const serverUrl of postgres ? [postgres] : [])
  test.describe("on PostgreSQL, the writer on one server and the reader on another", () => {
    const schema = `dispatch_e2e_${randomBytes(6).toString("hex")}`;
    const databaseUrl = new URL(serverUrl);
    databaseUrl.searchParams.set("options", `-c search_path=${schema}`);
    const env = { DATABASE_URL: databaseUrl.href, ADMIN_TOKEN: TOKEN, RATE_LIMITS: "0" };
    journeysOn(
      { writer: [extraPort(11), env], reader: [extraPort(12), env] },
      {
        prepare: () => withAdmin(serverUrl, (admin) => admin.query(`create schema ${schema}`)),
        cleanUp: () => withAdmin(serverUrl, (admin) => admin.query(`drop schema if exists ${schema} cascade`)),
      },
    );
  });

async function withAdmin(serverUrl: string, use: (client: pg.Client) => Promise<unknown>) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await use(admin);
  } finally {
    await admin.end();
  }
}
