// Addresses that lead nowhere answer HTTP 404 with a real page, with JavaScript on and off.
import { expect, test } from "@playwright/test";

const missing = ["/stories/no-such-story", "/no/such/page", "/sections/nope"];

for (const javaScriptEnabled of [false, true]) {
  test.describe(`JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    for (const path of missing) {
      test(`${path} answers 404 with the "Page not found" page`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(404);
        expect(response?.headers()["content-type"]).toContain("text/html");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
        await expect(page).toHaveTitle(/Page not found/);
        await expect(page.locator('head meta[name="robots"]')).toHaveAttribute("content", /noindex/);
        const home = page.getByRole("main").getByRole("link", { name: "Go to the front page" });
        await expect(home).toHaveAttribute("href", "/");

        await home.click();
        await expect(page).toHaveURL("/");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dispatch: top stories");
        await expect(page).toHaveTitle("Dispatch");
      });
    }
  });
}
