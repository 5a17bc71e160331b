// What a reader's browser sees: the time from clicking a prefetched related headline to the next
// story painted (Chromium through Playwright), and the story's LCP under Lighthouse's mobile
// profile against a static copy of the same HTML without scripts.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { chromiumArgs } from "../e2e/chromium.ts";
import { percentile } from "./measure.ts";

/**
 * Opens each story, lets it hydrate, points at its first related headline (which prefetches the
 * story and the page's code), then clicks and times the paint of the frame that shows the new headline.
 */
export async function prefetchedNavigation(executablePath: string, origin: string, slugs: string[]) {
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const times: number[] = [];
  const failures: string[] = [];
  try {
    for (const slug of slugs) {
      // A page of its own for each story, as a reader arriving from a link has.
      const page = await browser.newPage();
      // Not "networkidle": a page keeps its change stream open. Loaded, then hydrated (the layout
      // marks <html data-hydrated> once React has taken the page over).
      await page.goto(`${origin}/stories/${slug}`, { waitUntil: "load" });
      await page.waitForFunction(() => document.documentElement.hasAttribute("data-hydrated"));
      // The first headline of another story (a quote's share link is this story's own URL).
      const link = page
        .locator(`main a[href^='/stories/']:not([href^='/stories/${slug}'])`)
        .filter({ visible: true })
        .first();
      if ((await link.count()) === 0) {
        await page.close();
        continue;
      }
      const before = await page.locator("h1").first().textContent();
      const href = await link.getAttribute("href");
      // Fetched on pointing, unless the page already holds it (a story it showed before).
      const prefetched = page
        .waitForResponse((response) => new URL(response.url()).pathname === `/api${href}`, { timeout: 3_000 })
        .catch(() => null);
      await link.hover();
      // The story page's code is this page's own: only the story's data is fetched on pointing.
      await prefetched;
      // Timed from the click as the page receives it (Playwright's own checks before clicking are
      // not the reader's wait) to the paint of the frame that first shows the new headline: a
      // frame's callbacks run before it is painted, so the one that finds the headline posts a
      // message, delivered once that frame is painted (after any task queued before it: this errs
      // late, never early). Until 2026-11-27 this waited for the next frame's callbacks instead,
      // about a frame more (traced: 20-23 ms median past the end of the painting frame). The
      // listener is in place before the click is sent.
      await page.evaluate((old) => {
        (window as unknown as { navigationTime: Promise<number> }).navigationTime = new Promise<number>((resolve) => {
          document.addEventListener(
            "click",
            (event) => {
              const start = event.timeStamp;
              const check = () => {
                const heading = document.querySelector("h1")?.textContent;
                if (heading && heading !== old) {
                  const painted = new MessageChannel();
                  painted.port1.onmessage = () => resolve(performance.now() - start);
                  painted.port2.postMessage(null);
                } else requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            },
            { capture: true, once: true },
          );
        });
      }, before);
      await link.click();
      // A navigation not painted within 10 s is counted as failed, not waited for.
      const painted = await Promise.race([
        page.evaluate(() => (window as unknown as { navigationTime: Promise<number> }).navigationTime),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
      ]);
      if (painted === null) failures.push(`${slug} → ${href}`);
      else times.push(painted);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length, failures };
}

/** The median of `runs` Lighthouse mobile runs of a URL: LCP and the four category scores. */
export async function lighthouseMobile(executablePath: string, url: string, runs = 3) {
  const chrome = await chromeLauncher.launch({
    chromePath: executablePath,
    chromeFlags: ["--headless=new", ...chromiumArgs],
  });
  const lcp: number[] = [];
  const scores: Record<string, number>[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // Without the change stream, which a page opens once loaded: it is no part of the first paint,
      // and Lighthouse would wait on it for network quiet (the static copy has none).
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        blockedUrlPatterns: ["*/api/events*"],
      });
      if (!result) throw new Error(`Lighthouse gave nothing for ${url}`);
      lcp.push(result.lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN);
      scores.push(
        Object.fromEntries(
          Object.entries(result.lhr.categories).map(([key, c]) => [key, Math.round((c.score ?? 0) * 100)]),
        ),
      );
    }
  } finally {
    chrome.kill();
  }
  const median = percentile(lcp, 50);
  return { lcp: median, scores: scores[lcp.indexOf(median)] ?? {} };
}
