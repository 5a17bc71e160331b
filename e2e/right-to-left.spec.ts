// An Arabic story on an English site, published through the API: the browser lays it out right to
// left. The quote's rule is on its right, lines start at the right and the full stop ends them on
// the left, while the page around it (masthead, navigation) stays left to right.
import { expect, test } from "@playwright/test";
import { adminToken } from "../playwright.config";

const auth = { authorization: `Bearer ${adminToken}` };
const HEADLINE = "إعادة فتح جسر الميناء بعد أسبوعين من الإصلاحات";
const PARAGRAPH = "عاد الجسر إلى العمل صباح الاثنين بعد أسبوعين من أعمال الصيانة التي أغلقت الطريق أمام السيارات.";
const QUOTE = "أخيرًا نستطيع أن نعبر إلى السوق في عشر دقائق.";

test("an Arabic story renders right to left: the quote rule on the right, its text aligned right", async ({
  page,
  request,
}, testInfo) => {
  const slug = `jisr-al-mina-${testInfo.workerIndex}-${Date.now()}`;
  const created = await request.put(`/api/stories/${slug}`, {
    headers: auth,
    data: {
      language: "ar",
      headline: HEADLINE,
      section: "world",
      authors: [{ slug: "test-desk", name: "Test Desk" }],
      tags: [],
      // Older than the demo stories, so the front page the other tests read stays as it was.
      publishedAt: "2026-10-02T09:00:00.000Z",
      updatedAt: "2026-10-02T09:00:00.000Z",
      body: [
        { type: "paragraph", text: PARAGRAPH },
        { type: "quote", text: QUOTE, cite: "سائقة أجرة" },
        { type: "paragraph", text: "وقالت البلدية إن الجسر سيبقى مفتوحًا." },
      ],
    },
  });
  expect(created.status()).toBe(201);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/stories/${slug}`);
  const article = page.locator("main article").first();
  await expect(article).toHaveAttribute("lang", "ar");
  await expect(article).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");

  const layout = await page.evaluate((quoteText) => {
    const quote = [...document.querySelectorAll("main article blockquote")].find((q) =>
      q.textContent?.includes(quoteText),
    );
    const rule = quote?.closest("figure")?.parentElement as HTMLElement;
    const style = getComputedStyle(rule);
    const paragraph = document.querySelector("main article p:not(:empty)") as HTMLElement;
    const first = [...document.querySelectorAll("main article p")].find((p) => p.textContent?.startsWith("عاد"));
    const range = document.createRange();
    range.selectNodeContents(first as Node);
    const lines = [...range.getClientRects()];
    const box = (first as HTMLElement).getBoundingClientRect();
    return {
      ruleRight: style.borderRightWidth,
      ruleLeft: style.borderLeftWidth,
      paddingRight: style.paddingRight,
      direction: getComputedStyle(first as HTMLElement).direction,
      // The first line starts at the paragraph's right edge; the last line ends short of its left.
      firstLineRight: Math.round((lines[0]?.right ?? 0) - box.right),
      lastLineLeft: Math.round((lines.at(-1)?.left ?? 0) - box.left),
      lineCount: lines.length,
      paragraphAlign: getComputedStyle(paragraph).textAlign,
    };
  }, QUOTE);
  expect(layout.direction).toBe("rtl");
  expect(layout.ruleRight).toBe("4px");
  expect(layout.ruleLeft).toBe("0px");
  expect(layout.paddingRight).not.toBe("0px");
  expect(Math.abs(layout.firstLineRight)).toBeLessThanOrEqual(1);
  if (layout.lineCount > 1) expect(layout.lastLineLeft).toBeGreaterThan(0);

  // The byline is the site's words: English, left to right, inside the Arabic story.
  await expect(page.locator("main article div:has(> div > p a[rel=author])")).toHaveAttribute("dir", "ltr");

  // The masthead stays the site's: its navigation starts at the left.
  const nav = await page.locator("header nav li").first().boundingBox();
  const lastNav = await page.locator("header nav li").last().boundingBox();
  expect((nav?.x ?? 0) < (lastNav?.x ?? 0)).toBe(true);

  // The stacks still resolve with no fonts of the site's own (global.css's var(--site-serif, Charter)).
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^Charter, /);

  await page.screenshot({ path: testInfo.outputPath("arabic-story-1280.png"), fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator("main article blockquote").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("arabic-story-390.png"), fullPage: false });

  // In the section's list the entry carries its language, its headline isolated.
  await page.goto("/sections/world");
  const entry = page.locator(`article:has(a[href="/stories/${slug}"])`);
  await expect(entry).toHaveAttribute("dir", "rtl");
  await expect(entry.locator("bdi")).toHaveText(HEADLINE);
});
