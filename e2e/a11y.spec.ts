// Every rule axe runs by default, on every kind of page, at desktop and phone sizes, light and dark.
// Each page is loaded once; the viewport and colour scheme then change under it, as CSS responds to both.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { WATCH_PATH, waitForHydration } from "./support";

const pages = [
  { name: "front page", path: "/", hydrated: true },
  { name: "WATCH story", path: WATCH_PATH, hydrated: true },
  { name: "story with a correction", path: "/stories/tidal-turbine-beats-first-month-target", hydrated: true },
  { name: "City section", path: "/sections/city", hydrated: true },
  { name: "404 page", path: "/no/such/page", hydrated: false },
  { name: "search results", path: "/search?q=ferry", hydrated: true },
  { name: "saved stories", path: "/saved", hydrated: false },
];
const viewports = [
  { name: "desktop 1280x800", size: { width: 1280, height: 800 } },
  { name: "mobile 390x844", size: { width: 390, height: 844 } },
];
const schemes = ["light", "dark"] as const;

for (const { name, path, hydrated } of pages) {
  test(`${name} has no axe violations at desktop and mobile sizes, light and dark`, async ({ page }) => {
    // Four full axe runs a page: 15 s on a quiet machine, 25-40 s with the machine shared.
    test.slow();
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeAttached();
    if (hydrated) await waitForHydration(page);
    for (const viewport of viewports) {
      for (const colorScheme of schemes) {
        await test.step(`${viewport.name}, ${colorScheme}`, async () => {
          await page.setViewportSize(viewport.size);
          await page.emulateMedia({ colorScheme });
          expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(
            colorScheme === "dark",
          );
          const results = await new AxeBuilder({ page }).analyze();
          const report = results.violations.map((violation) => ({
            rule: violation.id,
            impact: violation.impact,
            help: violation.help,
            nodes: violation.nodes.map((node) => ({ target: node.target.join(" "), summary: node.failureSummary })),
          }));
          expect.soft(report, `${viewport.name}, ${colorScheme}: ${JSON.stringify(report, null, 2)}`).toEqual([]);
        });
      }
    }
  });
}
