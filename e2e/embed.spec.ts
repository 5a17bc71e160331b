// The embeddable player as another site uses it: a page on another origin (its own port) frames
// /embed/:slug, and the video in the frame loads and plays in Chromium; the same page framing a
// story page gets nothing, since every other page allows only this site to frame it.
import { createServer, type Server } from "node:http";
import { expect, type Frame, type Page, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { extraPort } from "./serverProcess";
import { fetchStory, WATCH_PATH } from "./support";

const WATCH_SLUG = WATCH_PATH.split("/").at(-1) ?? "";
const OTHER_PORT = extraPort(11);
const other = `http://localhost:${OTHER_PORT}`;

// One "other site" on one port: the tests take turns.
test.describe.configure({ mode: "serial" });

let host: Server;
test.beforeAll(async () => {
  // Another site: a page that is nothing but a frame of the URL it is given.
  host = createServer((request, response) => {
    const src = new URL(request.url ?? "/", other).searchParams.get("frame") ?? "";
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html><html lang="en"><title>Another site</title><h1>Another site</h1>` +
        `<iframe src="${src.replace(/"/g, "&quot;")}" width="640" height="360" title="Embedded"></iframe></html>`,
    );
  });
  await new Promise<void>((listening) => host.listen(OTHER_PORT, "127.0.0.1", listening));
});
test.afterAll(() => new Promise<void>((closed) => host.close(() => closed())));

async function framed(page: Page, path: string): Promise<Frame> {
  await page.goto(`${other}/?frame=${encodeURIComponent(`${baseURL}${path}`)}`);
  const element = await page.locator("iframe").elementHandle();
  const frame = await element?.contentFrame();
  if (!frame) throw new Error("no frame");
  return frame;
}

test("another site's page frames a video story's player, and the video plays in it", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|frame-ancestors/i.test(message.text())) refused.push(message.text());
  });
  const frame = await framed(page, `/embed/${WATCH_SLUG}`);
  const video = frame.locator("video");
  await expect(video).toHaveCount(1);
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.readyState), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(1 /* HAVE_METADATA */);
  expect(await video.evaluate((element: HTMLVideoElement) => element.duration)).toBeGreaterThan(1);
  await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
  });
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(0.3);
  expect(refused).toEqual([]);
});

test("the framed player is named by the video's title, shows captions, and names and links its story", async ({
  page,
  request,
}) => {
  const story = await fetchStory(request, WATCH_SLUG);
  const title = story.body.find((block) => block.type === "video")?.title ?? "";
  expect(title).toMatch(/'/);
  const frame = await framed(page, `/embed/${WATCH_SLUG}`);
  await expect(frame.getByRole("link", { name: story.headline })).toHaveAttribute("href", story.url);
  const video = frame.locator("video");
  await expect(video).toHaveAttribute("aria-label", title);
  await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.textTracks[0]?.mode)).toBe("showing");
});

test("another site's page framing a story page gets nothing of it", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/frame-ancestors/.test(message.text())) refused.push(message.text());
  });
  await framed(page, WATCH_PATH);
  await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThan(0);
  // Chromium puts its own error page in the frame: nothing of the story is there.
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame?.url()).not.toContain(WATCH_PATH);
  await expect(frame?.locator("main") ?? page.locator("nothing")).toHaveCount(0);
});
