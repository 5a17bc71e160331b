// A reader's tab holds one change stream, however long the session: the service worker leaves
// streams to the browser, and a page closes its stream when it is left and opens it again from its
// last id when it comes back from the back/forward cache. Each test counts the streams its own
// server holds (/healthz), so the suite's other tests cannot move the count.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { chromiumArgs, findChromium } from "./chromium";
import { longSession } from "./longSession";
import { extraPort, type ServerProcess, startServerProcess } from "./serverProcess";
import { documentIsMarked, markDocument, waitForHydration } from "./support";

const TOKEN = "change-streams-admin-token-0123456789abcdef";

// Chromium as a reader has it: Playwright turns the back/forward cache off unless told not to.
test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: chromiumArgs,
    ignoreDefaultArgs: ["--disable-back-forward-cache"],
  },
});
test.describe.configure({ mode: "serial" });

let server: ServerProcess;
test.beforeAll(async () => {
  server = await startServerProcess(extraPort(4), { ADMIN_TOKEN: TOKEN });
});
test.afterAll(() => server?.stop());

/** How many change streams the server holds open. */
async function openStreams(): Promise<number> {
  const health = (await (await fetch(`${server.origin}/healthz`)).json()) as { eventStreams: number };
  return health.eventStreams;
}

async function publish(headline: string): Promise<void> {
  const now = new Date().toISOString();
  const response = await fetch(`${server.origin}/api/stories/story-${randomBytes(4).toString("hex")}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({
      headline,
      section: "city",
      authors: [],
      tags: [],
      publishedAt: now,
      updatedAt: now,
      body: [{ type: "paragraph", text: "Published while the reader's tabs were open." }],
    }),
  });
  expect(response.status).toBe(201);
}

test("30 page loads, reloads and back/forward moves in one tab under the service worker: each under 1 s, one stream at the end", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { items } = (await (await fetch(`${server.origin}/api/stories?limit=6`)).json()) as {
    items: { slug: string }[];
  };
  const session = await longSession(
    page,
    server.origin,
    items.map((story) => story.slug),
  );
  expect(session.loads).toHaveLength(30);
  for (const { move, ms } of session.loads) expect(ms, `${move} took ${ms} ms`).toBeLessThan(1_000);
  await expect.poll(openStreams).toBeLessThanOrEqual(1);
  // Going back and forward showed pages kept in the cache, and still under the service worker.
  expect(session.restored).toBeGreaterThan(0);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
});

test("a story published while the front page waits in the back/forward cache shows when the reader comes back", async ({
  page,
}) => {
  await page.goto(`${server.origin}/`);
  await waitForHydration(page);
  await expect.poll(openStreams).toBe(1);
  await markDocument(page);
  await page.goto(`${server.origin}/saved`);
  await publish("Harbour ferry adds a night crossing");
  await page.goBack({ waitUntil: "commit" });
  await page.waitForFunction(() => document.readyState === "complete");
  // The same document, back from the cache (not loaded again), learns what it missed meanwhile.
  expect(await documentIsMarked(page)).toBe(true);
  await expect(page.getByRole("status").getByRole("button", { name: "Show 1 new story" })).toBeVisible();
  await expect.poll(openStreams).toBeLessThanOrEqual(1);
});
