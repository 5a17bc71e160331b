// Text in another script is set in a face for that script: a page (or a story or headline inside
// it) in Arabic, Hebrew, Hindi, Thai, Japanese, Chinese or Korean names that script's faces after
// the site's own, and Han characters follow the language's forms.
import { expect, test } from "@playwright/test";

const faces: [lang: string, serif: string, sans: string][] = [
  ["ar", "Noto Naskh Arabic", "Noto Sans Arabic"],
  ["he", "Noto Serif Hebrew", "Noto Sans Hebrew"],
  ["hi", "Noto Serif Devanagari", "Noto Sans Devanagari"],
  ["th", "Noto Serif Thai", "Noto Sans Thai"],
  ["ja", "Noto Serif CJK JP", "Noto Sans CJK JP"],
  ["zh-Hans", "Noto Serif CJK SC", "Noto Sans CJK SC"],
  ["zh-Hant-TW", "Noto Serif CJK TC", "Noto Sans CJK TC"],
  ["ko", "Noto Serif CJK KR", "Noto Sans CJK KR"],
];

test("text in each script's language is set in that script's faces, after the site's own", async ({ page }) => {
  await page.goto("/");
  const english = await page.locator("body").evaluate((body) => getComputedStyle(body).fontFamily);
  expect(english).toMatch(/^Charter,/);
  for (const [lang, serif, sans] of faces) {
    const stacks = await page.evaluate((lang) => {
      const story = document.createElement("article");
      story.lang = lang;
      const byline = document.createElement("p");
      byline.style.fontFamily = "var(--sans)";
      story.append(byline);
      document.querySelector("main")?.append(story);
      const found = { serif: getComputedStyle(story).fontFamily, sans: getComputedStyle(byline).fontFamily };
      story.remove();
      return found;
    }, lang);
    expect(stacks.serif, lang).toMatch(/^Charter,/);
    expect(stacks.serif, lang).toContain(`"${serif}"`);
    expect(stacks.serif, lang).toMatch(/serif$/);
    expect(stacks.sans, lang).toContain(`"${sans}"`);
    expect(stacks.sans, lang).toMatch(/sans-serif$/);
  }
});
