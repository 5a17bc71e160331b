// A reader's journey by keyboard, as a screen reader hears it (Chromium's accessibility tree, over
// CDP): front page → story → the video with captions → share → save → a related headline → Back,
// focus kept → search → saved. Every control reached by Tab must have a name. Then the page as a
// phone shows it: nothing wider than 320 px, the primary controls whole 44 px targets, meta text
// 14 px or more, and the search highlight and control edges at 3:1 against the page.
import { type CDPSession, expect, type Page, test } from "@playwright/test";
import { fetchStory, inlineRelated, WATCH_PATH, WATCH_SLUG, waitForHydration } from "./support";

interface Stop {
  role: string;
  name: string;
}

/** What a screen reader says of the focused element: its role and accessible name. */
async function focused(cdp: CDPSession): Promise<Stop> {
  const { result } = await cdp.send("Runtime.evaluate", { expression: "document.activeElement" });
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", {
    objectId: result.objectId,
    fetchRelatives: false,
  });
  const node = nodes.find((n) => !n.ignored) ?? nodes[0];
  return { role: String(node?.role?.value ?? ""), name: String(node?.name?.value ?? "").trim() };
}

/** Presses Tab until the focused element is the one wanted; every stop on the way must have a name. */
async function tabTo(page: Page, cdp: CDPSession, wanted: Partial<Stop>, stops: Stop[], limit = 120): Promise<Stop> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    // Past the page's last control, focus leaves the page for the browser's own.
    if (await page.evaluate(() => document.activeElement === document.body)) continue;
    const stop = await focused(cdp);
    stops.push(stop);
    if ((!wanted.role || stop.role === wanted.role) && (!wanted.name || stop.name === wanted.name)) return stop;
  }
  throw new Error(`Tab never reached ${JSON.stringify(wanted)}; the last stops: ${JSON.stringify(stops.slice(-10))}`);
}

test("a keyboard and screen-reader journey: front, story, video, share, save, related, Back, search, saved", async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  // Desktop Linux Chromium has no share sheet; make sure of it, so "Copy link" is what is offered.
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "share", { value: undefined, configurable: true });
  });
  const watch = await fetchStory(request, WATCH_SLUG);
  const [related] = inlineRelated(watch);
  if (!related) throw new Error("the WATCH story has no inline related headline");
  const video = watch.body.find((block) => block.type === "video");
  const cdp = await context.newCDPSession(page);
  await cdp.send("Accessibility.enable");
  const stops: Stop[] = [];

  // The front page: the skip link first, then on to the top story.
  await page.goto("/");
  await waitForHydration(page);
  await page.keyboard.press("Tab");
  expect(await focused(cdp)).toEqual({ role: "link", name: "Skip to content" });
  await tabTo(page, cdp, { role: "link", name: watch.headline }, stops);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(WATCH_PATH);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

  // The video, named by its title; Space plays it, with its captions showing.
  await tabTo(page, cdp, { role: "Video" }, stops);
  expect((await focused(cdp)).name).toBe(video?.title);
  const player = page.locator("main video");
  await player.evaluate((element: HTMLVideoElement) => {
    element.muted = true;
  });
  await page.keyboard.press("Space");
  await expect
    .poll(() => player.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 15_000 })
    .toBeGreaterThan(0.3);
  expect(await player.evaluate((element: HTMLVideoElement) => element.textTracks[0]?.mode)).toBe("showing");
  // Its focus ring is the page's 3 px one, on the player and while focus is on its own buttons.
  const ring = () => player.evaluate((element) => getComputedStyle(element).outline);
  expect(await ring()).toMatch(/solid 3px/);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("VIDEO");
  expect(await ring()).toMatch(/solid 3px/);
  await player.evaluate((element: HTMLVideoElement) => element.pause());

  // Back up to the story's own buttons (they follow the byline): Save, then Copy link.
  await page.getByRole("heading", { level: 1 }).focus();
  await tabTo(page, cdp, { role: "button", name: "Save" }, stops);
  await page.keyboard.press("Enter");
  expect(await focused(cdp)).toEqual({ role: "button", name: "Saved" });
  await expect(page.getByRole("button", { name: "Saved", exact: true })).toHaveAttribute("aria-pressed", "true");
  await tabTo(page, cdp, { role: "button", name: "Copy link" }, stops);
  await page.keyboard.press("Enter");
  await expect(page.locator("article header").getByRole("status")).toHaveText("Link copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(watch.url);

  // A related headline in the body, then Back: the reader is where they were, focus on that link.
  await tabTo(page, cdp, { role: "link", name: related.headline }, stops);
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(related.headline);
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(watch.headline);
  await expect.poll(() => focused(cdp)).toEqual({ role: "link", name: related.headline });
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 50);
  // The next Tab goes on from there: the page does not jump back to the top.
  await page.keyboard.press("Tab");
  stops.push(await focused(cdp));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 200);

  // Search, from the box in the masthead: named on screen, results with the words marked.
  const box = page.getByRole("searchbox", { name: "Search stories" });
  await expect(page.getByText("Search stories", { exact: true })).toBeVisible();
  await box.focus();
  await page.keyboard.type("harbour");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=harbour$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search: harbour");
  await expect(page.locator("main mark").first()).toBeVisible();
  await tabTo(page, cdp, { role: "link", name: "Saved" }, stops);

  // Saved: the story saved on the way.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Saved stories" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: watch.headline })).toBeVisible();

  // Every control reached by Tab had a name.
  const unnamed = stops.flatMap((stop, index) => (stop.name === "" ? [stops.slice(index - 2, index + 2)] : []));
  expect(unnamed, JSON.stringify(unnamed)).toEqual([]);
  expect(stops.length).toBeGreaterThan(20);
});

test("every control on a story page, by Tab, has a name", async ({ page, context }) => {
  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Accessibility.enable");
  const stops: Stop[] = [];
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement === document.body)) break;
    stops.push(await focused(cdp));
  }
  expect(stops.length).toBeGreaterThan(30);
  const unnamed = stops.filter((stop) => stop.name === "");
  expect(unnamed, JSON.stringify(unnamed)).toEqual([]);
});

const pages = ["/", WATCH_PATH, "/sections/city", "/search?q=harbour", "/saved"];

test("nothing is wider than a 320 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of pages) {
    await page.goto(path);
    await waitForHydration(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

/** Each element's size, for those under 44×44 CSS px. */
async function smallTargets(page: Page, selector: string): Promise<string[]> {
  const targets = page.locator(selector).filter({ visible: true });
  expect(await targets.count(), selector).toBeGreaterThan(0);
  return targets.evaluateAll((elements) =>
    elements.flatMap((element) => {
      const { width, height } = element.getBoundingClientRect();
      return width >= 44 && height >= 44 ? [] : [`${element.textContent?.trim()} ${width}×${height}`];
    }),
  );
}

test("on a phone, the primary controls are 44×44 targets and meta text is 14 px or more", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  for (const selector of [
    'nav[aria-label="Share this story"] a',
    "article header button",
    "article header a",
    'main aside a[href*="?quote="]',
    'nav[aria-label="Sections"] a',
  ])
    expect(await smallTargets(page, selector), selector).toEqual([]);
  await page.goto("/");
  await waitForHydration(page);
  expect(await smallTargets(page, "main button")).toEqual([]);

  // No text in the page's main part under 14 px (what is hidden for screen readers aside).
  for (const path of ["/", WATCH_PATH, "/sections/city", "/search?q=harbour"]) {
    await page.goto(path);
    const small = await page.locator("main").evaluate((main) =>
      [...main.querySelectorAll("*")].flatMap((element) => {
        const text = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim());
        const { width, height } = element.getBoundingClientRect();
        const size = Number.parseFloat(getComputedStyle(element).fontSize);
        return text && width > 1 && height > 1 && size < 14 ? [`${element.textContent?.trim()} ${size}px`] : [];
      }),
    );
    expect(small, path).toEqual([]);
  }
});

/** WCAG's contrast ratio of two computed colours ("rgb(r, g, b)"). */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, bl = 0] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi = 0, lo = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The computed colours of the first element a selector finds, and the page's own. */
async function colours(page: Page, selector: string) {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const style = getComputedStyle(element);
      return {
        color: style.color,
        background: style.backgroundColor,
        edge: style.borderTopColor,
        paper: getComputedStyle(document.body).backgroundColor,
      };
    });
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`search highlights and control edges stand out at 3:1 or more (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("/search?q=harbour");
    await waitForHydration(page);
    const mark = await colours(page, "main mark");
    expect(contrast(mark.background, mark.paper), "highlight").toBeGreaterThanOrEqual(3);
    expect(contrast(mark.color, mark.background), "highlighted text").toBeGreaterThanOrEqual(4.5);
    const box = await colours(page, 'input[type="search"]');
    expect(contrast(box.edge, box.paper), "search box edge").toBeGreaterThanOrEqual(3);
    const button = await colours(page, 'form[role="search"] button');
    expect(contrast(button.edge, button.paper), "search button edge").toBeGreaterThanOrEqual(3);

    await page.goto("/");
    await waitForHydration(page);
    const save = await colours(page, "main article button");
    expect(contrast(save.edge, save.paper), "a headline's Save edge").toBeGreaterThanOrEqual(3);
  });
}
