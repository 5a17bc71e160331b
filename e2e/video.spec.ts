// The WATCH story's video in a real browser: it plays, its captions load and show, and ?t= starts it later.
import { expect, test } from "@playwright/test";
import { WATCH_PATH, waitForHydration } from "./support";

test("the video plays", async ({ page }) => {
  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  const video = page.locator("main video");
  await video.evaluate(async (element: HTMLVideoElement) => {
    element.muted = true;
    await element.play();
  });
  await expect
    .poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 10_000 })
    .toBeGreaterThan(0.5);
  expect(await video.evaluate((element: HTMLVideoElement) => element.error)).toBeNull();
});

test("the captions track loads and is showing", async ({ page }) => {
  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  const video = page.locator("main video");
  const track = video.locator('track[kind="captions"]');
  await expect
    .poll(() => track.evaluate((element: HTMLTrackElement) => element.readyState))
    .toBe(2 /* HTMLTrackElement.LOADED */);
  const state = await video.evaluate((element: HTMLVideoElement) => {
    const textTrack = element.textTracks[0];
    return {
      count: element.textTracks.length,
      kind: textTrack?.kind,
      language: textTrack?.language,
      mode: textTrack?.mode,
      cues: textTrack?.cues?.length ?? 0,
      firstCue: (textTrack?.cues?.[0] as VTTCue | undefined)?.text,
    };
  });
  expect(state).toMatchObject({ count: 1, kind: "captions", language: "en", mode: "showing" });
  expect(state.cues).toBeGreaterThan(0);
  expect(state.firstCue).toBeTruthy();
});

test("?t=3 on the story URL starts the video three seconds in", async ({ page }) => {
  await page.goto(`${WATCH_PATH}?t=3`);
  const video = page.locator("main video");
  await expect(video.locator('source[type="video/mp4"]')).toHaveAttribute("src", /#t=3$/);
  await expect
    .poll(() =>
      video.evaluate((element: HTMLVideoElement) =>
        element.readyState >= HTMLMediaElement.HAVE_METADATA ? element.currentTime : -1,
      ),
    )
    .toBeGreaterThanOrEqual(2.9);
});
