// Journeys on the Arabic demo site, as `SITE_CONFIG=content/demo-ar/site.yaml npm start` serves it
// (its own server, its own stories loaded into an empty store), at phone and desktop widths: every
// kind of page is right to left by its geometry, has no axe violations, and is pictured for people
// to look at; its served HTML passes the Nu HTML Checker, reader views keep its direction and text,
// and the pages meant for search engines score 100 in Lighthouse's SEO category.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { Readability } from "@mozilla/readability";
import { chromium, expect, type Locator, type Page, test } from "@playwright/test";
import { JSDOM } from "jsdom";
import lighthouse from "lighthouse";
import { catalogueFor } from "../src/words/catalogues";
import { chromiumArgs, findChromium } from "./chromium";
import { extraPort, type ServerProcess, startServerProcess } from "./serverProcess";
import type { ApiStory } from "./support";
import { waitForHydration } from "./support";

const words = catalogueFor("ar");
/** The demo story with a pull quote, and the one with a video (content/demo-ar/stories/). */
const STORY = "storm-closes-qaranful-strait";
const VIDEO = "fishermen-rescued-in-fog-off-ras-al-hamam";
/** "In": every story has it, so its results run to a second page. */
const COMMON_WORD = "في";

const PAGES = [
  { name: "home", path: "/", status: 200 },
  { name: "story", path: `/stories/${STORY}`, status: 200 },
  { name: "video-story", path: `/stories/${VIDEO}`, status: 200 },
  { name: "section", path: "/sections/local", status: 200 },
  { name: "search", path: `/search?q=${encodeURIComponent(COMMON_WORD)}`, status: 200 },
  { name: "saved", path: "/saved", status: 200 },
  { name: "not-found", path: "/no/such/page", status: 404 },
] as const;
/** The pages a search engine should index: the others say noindex, which Lighthouse's SEO marks down. */
const INDEXED = ["home", "story", "video-story", "section"];
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

// One server for the file, so its tests run in order in one worker.
test.describe.configure({ mode: "default" });
let server: ServerProcess;
test.beforeAll(async () => {
  server = await startServerProcess(extraPort(14), { SITE_CONFIG: "content/demo-ar/site.yaml" });
});
test.afterAll(() => server?.stop());

const url = (path: string) => `${server.origin}${path}`;

async function apiStory(slug: string): Promise<ApiStory> {
  const response = await fetch(url(`/api/stories/${slug}`));
  expect(response.status, slug).toBe(200);
  return (await response.json()) as ApiStory;
}

type Box = { left: number; right: number; top: number; bottom: number };
async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${locator} has no box`);
  return { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };
}

/** Each box further left than the one before it, on the same line: a row read right to left. */
function expectRightToLeft(boxes: Box[], what: string) {
  for (let i = 1; i < boxes.length; i++) {
    const [before, box] = [boxes[i - 1] as Box, boxes[i] as Box];
    // An item that wrapped starts a new line, at the right again.
    if (box.top >= before.bottom) continue;
    expect(box.right, `${what}: item ${i} sits left of item ${i - 1}`).toBeLessThan(before.left + 1);
  }
}

/** The masthead: the site's name and the navigation start at the right, the sections run leftwards. */
async function expectMastheadRightToLeft(page: Page) {
  const navigation = page.getByRole("navigation", { name: words["layout.sections"] });
  const bar = page.locator("header").filter({ has: navigation }).locator("> div");
  const barStart = await bar.evaluate(
    (element) => element.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(element).paddingRight),
  );
  const brand = await box(bar.getByRole("link", { name: "نشرة المرسى" }));
  const list = await box(navigation.locator("ul"));
  const items = await Promise.all((await navigation.locator("li").all()).map(box));
  expect(items.length).toBe(5);
  const [first, last] = [items[0] as Box, items.at(-1) as Box];
  expect(Math.abs(brand.right - barStart), "the site's name starts at the right").toBeLessThanOrEqual(1);
  expect(Math.abs(first.right - list.right), "the first section starts the navigation").toBeLessThanOrEqual(1);
  expect(first.right, "the first section is the rightmost").toBeGreaterThan(last.right);
  expectRightToLeft(items, "sections");
}

/** A pull quote: its rule (the border) on its right, its text starting just left of the rule. */
async function expectQuoteRuleOnTheRight(page: Page) {
  const quote = page.locator("main article blockquote").first();
  await quote.scrollIntoViewIfNeeded();
  const ruled = quote.locator("xpath=ancestor::figure[1]/..");
  const layout = await ruled.evaluate((element) => {
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    const text = element.querySelector("blockquote p, blockquote") as Element;
    const range = document.createRange();
    range.selectNodeContents(text);
    const firstLine = range.getClientRects()[0] as DOMRect;
    return {
      right: rect.right,
      left: rect.left,
      ruleRight: Number.parseFloat(style.borderRightWidth),
      ruleLeft: Number.parseFloat(style.borderLeftWidth),
      firstLineRight: firstLine.right,
      firstLineLeft: firstLine.left,
    };
  });
  expect(layout.ruleRight, "the rule is on the quote's right").toBeGreaterThanOrEqual(3);
  expect(layout.ruleLeft, "and not on its left").toBe(0);
  // The text starts beside the rule (its padding away) and stops short of the left edge.
  expect(layout.firstLineRight).toBeLessThan(layout.right - layout.ruleRight);
  expect(layout.right - layout.ruleRight - layout.firstLineRight).toBeLessThanOrEqual(40);
  expect(layout.firstLineLeft).toBeGreaterThanOrEqual(layout.left - 1);
}

/** The story's share bar: its first target (X) at the right, the rest leftwards. */
async function expectShareBarMirrored(page: Page) {
  const bar = page.locator("main article nav ul").first();
  await bar.scrollIntoViewIfNeeded();
  const list = await box(bar);
  const targets = await Promise.all((await bar.locator("li").all()).map(box));
  expect(targets.length).toBeGreaterThanOrEqual(5);
  expect(Math.abs((targets[0] as Box).right - list.right), "the first target starts the bar").toBeLessThanOrEqual(1);
  expectRightToLeft(targets, "share targets");
}

/** Lines that start at the right: the element's text begins at its right edge. */
async function expectStartsAtTheRight(locator: Locator, what: string) {
  const { gap, direction } = await locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const first = range.getClientRects()[0] as DOMRect;
    return {
      gap:
        element.getBoundingClientRect().right - first.right - Number.parseFloat(getComputedStyle(element).paddingRight),
      direction: getComputedStyle(element).direction,
    };
  });
  expect(direction, what).toBe("rtl");
  expect(Math.abs(gap), `${what} starts at the right`).toBeLessThanOrEqual(2);
}

async function expectNoAxeViolations(page: Page, where: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    const report = results.violations.map((v) => ({
      rule: v.id,
      help: v.help,
      nodes: v.nodes.map((node) => node.target.join(" ")),
    }));
    expect.soft(report, `${where}, ${colorScheme}: ${JSON.stringify(report, null, 2)}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

/** Loads every lazy picture (and checks that it did), then pictures the whole page. */
async function picture(page: Page, file: string) {
  for (const image of await page.locator("main img").filter({ visible: true }).all()) {
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0))
      .toBe(true);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
}

for (const { name, path, status } of PAGES) {
  test(`${name}: right to left at 390 and 1280 px, no axe violations, pictured`, async ({ page }, testInfo) => {
    test.setTimeout(150_000);
    const story = await apiStory(STORY);
    if (name === "saved") {
      // A reader saves the story first, so the saved page has it.
      await page.goto(url(`/stories/${STORY}`));
      await waitForHydration(page);
      await page.getByRole("button", { name: words["save.save"], exact: true }).click();
      await expect(page.getByRole("button", { name: words["save.saved"], exact: true })).toHaveAttribute(
        "aria-pressed",
        "true",
      );
    }
    for (const size of WIDTHS) {
      await test.step(`${size.width} px`, async () => {
        await page.setViewportSize(size);
        const response = await page.goto(url(path));
        expect(response?.status(), path).toBe(status);
        await expect(page.locator("html")).toHaveAttribute("lang", "ar");
        await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        if (status === 200 && name !== "saved") await waitForHydration(page);
        // Nothing runs off the page's side, which a mirrored layout gone wrong often does.
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
          0,
        );
        await expectMastheadRightToLeft(page);
        await expectStartsAtTheRight(page.getByRole("heading", { level: 1 }), `${name}: its heading`);

        if (name === "story" || name === "video-story") {
          await expectQuoteRuleOnTheRight(page);
          await expectShareBarMirrored(page);
          const { body } = await apiStory(name === "story" ? STORY : VIDEO);
          const opening = body.find((block) => block.type === "paragraph")?.text?.slice(0, 30) ?? "";
          await expectStartsAtTheRight(
            page.locator("main article p").filter({ hasText: opening }),
            `${name}: a paragraph`,
          );
        }
        if (name === "video-story") {
          const video = page.locator("main article video");
          await expect(video).toBeVisible();
          const caption = page.locator("main article figure:has(video) figcaption");
          await expectStartsAtTheRight(caption, "the video's caption");
        }
        if (name === "section" || name === "home") {
          // A headline's picture is on its start side, the right; its words to the picture's left.
          // Without one (a phone hides them), the headline has the entry's whole width.
          const entries = await page.locator("main article:has(h2, h3)").evaluateAll((items) =>
            items.map((item) => {
              const entry = item.getBoundingClientRect();
              const picture = item.querySelector("img")?.getBoundingClientRect();
              const headline = (item.querySelector("h2, h3") as Element).getBoundingClientRect();
              // A picture above its headline (the lead story) is no side of it.
              const beside = Boolean(picture?.width) && (picture as DOMRect).bottom > headline.top;
              return {
                beside,
                picture: picture?.left ?? 0,
                headline: headline.right,
                spare: entry.width - headline.width,
              };
            }),
          );
          if (size.width > 1000)
            expect(
              entries.some((entry) => entry.beside),
              `${name}: pictures beside`,
            ).toBe(true);
          for (const { beside, picture, headline, spare } of entries)
            if (beside)
              expect(picture, `${name}: the picture is right of the headline`).toBeGreaterThanOrEqual(headline);
            else expect(spare, `${name}: a headline with no picture beside it fills its entry`).toBeLessThanOrEqual(1);
        }
        if (name === "search") {
          // The results run to a second page: its link is where lines start, the right.
          const more = page.getByRole("link", { name: words["search.more"] });
          await more.scrollIntoViewIfNeeded();
          const [link, list] = [await box(more), await box(page.locator("main ol").first())];
          expect(Math.abs(link.right - list.right), "the next page's link starts at the right").toBeLessThanOrEqual(1);
          expect(link.left).toBeGreaterThan(list.left + list.right / 4);
          await expect(page.locator("main mark").first()).toBeVisible();
        }
        if (name === "saved") {
          await expect(page.getByRole("main").getByRole("link", { name: story.headline })).toBeVisible();
        }
        if (name === "not-found") {
          await expect(page.getByRole("heading", { level: 1 })).toHaveText(words["error.notFoundTitle"]);
        }

        await expectNoAxeViolations(page, `${name} at ${size.width}`);
        await picture(page, testInfo.outputPath(`${name}-${size.width}.png`));
      });
    }
  });
}

test("the served HTML of every page passes the Nu HTML Checker", async () => {
  test.setTimeout(120_000);
  const vnuJar = join(createRequire(import.meta.url).resolve("vnu-jar/package.json"), "../build/dist/vnu.jar");
  const dir = await mkdtemp(join(tmpdir(), "dispatch-ar-vnu-"));
  try {
    const files = await Promise.all(
      PAGES.map(async ({ name, path, status }) => {
        const response = await fetch(url(path));
        expect(response.status, path).toBe(status);
        const file = join(dir, `${name}.html`);
        await writeFile(file, await response.text());
        return file;
      }),
    );
    // The checker exits non-zero when it finds errors; its JSON on stdout is what the test reads.
    const output = await promisify(execFile)("java", ["-jar", vnuJar, "--format", "json", "--stdout", ...files], {
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => {
      if (!error.stdout) throw error;
      return { stdout: error.stdout };
    });
    const messages: { type: string; subType?: string; url: string; message: string; extract?: string }[] = JSON.parse(
      output.stdout,
    ).messages;
    const errors = messages
      .filter((m) => m.type === "error" || m.subType === "fatal" || m.type === "non-document-error")
      .map((m) => `${m.url.split("/").pop()}: ${m.message} — ${m.extract ?? ""}`);
    expect(errors).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test("reader view keeps each story right to left, with all its text", async () => {
  const squash = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();
  for (const slug of [STORY, VIDEO]) {
    const story = await apiStory(slug);
    const page = new JSDOM(await (await fetch(url(`/stories/${slug}`))).text(), { url: url(`/stories/${slug}`) });
    const article = new Readability(page.window.document).parse();
    if (!article?.content) throw new Error(`Readability found no article in ${slug}`);
    expect(article.dir, slug).toBe("rtl");
    expect(article.lang, slug).toBe("ar");
    expect(article.title, slug).toBe(story.headline);
    const text = squash(new JSDOM(article.content).window.document.body.textContent);
    const blocks = story.body.filter((block) => block.type === "paragraph" || block.type === "quote");
    expect(blocks.length, slug).toBeGreaterThan(3);
    for (const block of blocks) expect(text, slug).toContain(squash(block.text));
  }
});

test("the pages meant for search engines score 100 in Lighthouse's SEO category; the others say noindex", async () => {
  test.setTimeout(150_000);
  for (const { name, path } of PAGES.filter((p) => !INDEXED.includes(p.name)))
    expect(await (await fetch(url(path))).text(), name).toMatch(/<meta name="robots" content="noindex/);
  // SEO only, no waiting for quiet after the load: its audits read the document, not its timing.
  const port = extraPort(15);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...chromiumArgs, `--remote-debugging-port=${port}`],
  });
  try {
    for (const { name, path } of PAGES.filter((p) => INDEXED.includes(p.name))) {
      const result = await lighthouse(url(path), {
        port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["seo"],
        blockedUrlPatterns: ["*/api/events*"],
        pauseAfterFcpMs: 0,
        pauseAfterLoadMs: 0,
        networkQuietThresholdMs: 0,
        cpuQuietThresholdMs: 0,
        disableFullPageScreenshot: true,
        skipAboutBlank: true,
      });
      const lhr = result?.lhr;
      const failing = Object.values(lhr?.audits ?? {})
        .filter((audit) => audit.score !== null && audit.score < 1)
        .map((audit) => `${audit.id}: ${audit.title}`);
      expect(failing, name).toEqual([]);
      expect(lhr?.categories.seo?.score, name).toBe(1);
    }
  } finally {
    await browser.close();
  }
});
