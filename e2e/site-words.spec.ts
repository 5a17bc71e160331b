// The site's words and times in a browser that is somewhere else: a reader in Auckland whose
// browser speaks Egyptian Arabic gets the page the server wrote (times in the site's zone and
// locale), and hydration changes none of it. And for every locale a site may choose, Chromium's
// Intl writes times and numbers exactly as the server's Node does, native digits included, so
// a page in that locale hydrates without a mismatch.
import { expect, test } from "@playwright/test";
import { catalogueFor } from "../src/words/catalogues";
import { makeWords, TIME_FORMAT } from "../src/words/words";
import { WATCH_PATH, waitForHydration } from "./support";

test.use({ timezoneId: "Pacific/Auckland", locale: "ar-EG" });

test("a story reads the same before and after hydration in another zone and locale", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const answer = await page.request.get(WATCH_PATH);
  const served = await answer.text();
  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  const times = await page
    .locator("main time")
    .evaluateAll((elements) => elements.map((element) => element.textContent));
  expect(times.length).toBeGreaterThan(0);
  // What the server wrote, in the site's zone (UTC) and locale (en-GB), not the browser's.
  for (const time of times) expect(served).toContain(`>${time}</time>`);
  expect(times[0]).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}\u00a0UTC$/);
  const byline = await page.locator("main article header").innerText();
  expect(byline).toMatch(/\d+ min read/);
  expect(errors.filter((error) => /hydrat|did not match/i.test(error))).toEqual([]);
});

const SITES = [
  { language: "ar", locale: "ar-EG", timeZone: "Africa/Cairo" },
  { language: "ar", locale: "ar", timeZone: "Asia/Riyadh" },
  { language: "ja", locale: "ja-JP", timeZone: "Asia/Tokyo" },
  { language: "es", locale: "es-ES", timeZone: "Europe/Madrid" },
  { language: "en", locale: "en-GB", timeZone: "UTC" },
  { language: "en", locale: "en-US", timeZone: "America/New_York" },
];
const INSTANTS = ["2026-11-23T07:45:00.000Z", "2026-03-29T00:30:00.000Z", "2026-12-31T23:59:00.000Z"];

test("the browser writes times and numbers as the server does, in every site locale", async ({ page }) => {
  await page.goto("/search");
  for (const site of SITES) {
    const words = makeWords(catalogueFor(site.language), site);
    const server = {
      // Intl's words on both sides; the server's clock spaces are no-break (words.ts), read here as spaces.
      times: INSTANTS.map((instant) => words.time(instant).replace(/[\u00a0\u202f]/g, " ")),
      numbers: [words.number(7), words.number(1234), words.number(5, 2)],
    };
    const browser = await page.evaluate(
      ({ site, instants, format }) => {
        const times = new Intl.DateTimeFormat(site.locale, { ...format, timeZone: site.timeZone });
        const number = (value: number, pad = 1) =>
          new Intl.NumberFormat(site.locale, { minimumIntegerDigits: pad }).format(value);
        return {
          times: instants.map((instant) => times.format(new Date(instant)).replace(/[\u00a0\u202f]/g, " ")),
          numbers: [number(7), number(1234), number(5, 2)],
        };
      },
      { site, instants: INSTANTS, format: TIME_FORMAT },
    );
    expect(browser, site.locale).toEqual(server);
  }
  // Egyptian Arabic writes its own digits; the site's words say so in the page and the browser alike.
  const egypt = makeWords(catalogueFor("ar"), { locale: "ar-EG", timeZone: "Africa/Cairo" });
  expect(egypt.time(INSTANTS[0] ?? "")).toMatch(/^[^0-9]*٢٠٢٦[^0-9]*$/);
});
