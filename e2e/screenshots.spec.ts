// Full-page pictures of the WATCH story at phone and desktop sizes, attached to the report for people
// to look at. Nothing is compared pixel by pixel.
import { expect, test } from "@playwright/test";
import { WATCH_PATH, waitForHydration } from "./support";

for (const size of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`WATCH story at ${size.width}x${size.height}`, async ({ page }, testInfo) => {
    await page.setViewportSize(size);
    await page.goto(WATCH_PATH);
    await waitForHydration(page);
    await expect(page.locator("main video")).toBeVisible();
    // The page never scrolls sideways on a phone or a desktop.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Bring every lazy image into view so it loads (and check that it did) before the picture is taken.
    const images = page.locator("main img").filter({ visible: true });
    expect(await images.count()).toBeGreaterThan(0);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await expect
        .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0))
        .toBe(true);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    const path = testInfo.outputPath(`watch-story-${size.width}x${size.height}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`watch-story-${size.width}x${size.height}`, { path, contentType: "image/png" });
  });
}
