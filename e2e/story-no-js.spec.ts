// A story opened straight from a link, with JavaScript off: the server's page alone must carry the
// whole story, its links, its video and everything crawlers and link previews read from the head.
import { expect, test } from "@playwright/test";
import { type ApiStory, fetchStory, inlineRelated, WATCH_PATH, WATCH_SLUG } from "./support";

test.use({ javaScriptEnabled: false });

let story: ApiStory;

test.beforeEach(async ({ request }) => {
  story = await fetchStory(request, WATCH_SLUG);
});

test("the WATCH story is readable without JavaScript", async ({ page }) => {
  const response = await page.goto(WATCH_PATH);
  expect(response?.status()).toBe(200);

  const header = page.locator("article header").first();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(story.headline);
  // The kicker, typed "WATCH", is text in ordinary case set in capitals, so it is read as a word.
  expect(story.kicker).toBe("Watch");
  const kicker = header.getByText("Watch", { exact: true });
  await expect(kicker).toBeVisible();
  await expect(kicker).toHaveCSS("text-transform", "uppercase");
  expect(story.deck).toBeTruthy();
  await expect(header.getByText(story.deck ?? "", { exact: true })).toBeVisible();
  await expect(header.getByRole("link", { name: story.section.name, exact: true })).toHaveAttribute(
    "href",
    `/sections/${story.section.slug}`,
  );

  // Byline: every author is a link to their page; times are the server's, in UTC.
  expect(story.authors.length).toBeGreaterThan(0);
  for (const author of story.authors) {
    await expect(header.getByRole("link", { name: author.name, exact: true })).toHaveAttribute(
      "href",
      `/authors/${author.slug}`,
    );
  }
  await expect(header.getByText(/^Published /)).toContainText("UTC");

  // Body: every paragraph, and the quotes as figures with their source.
  const paragraphs = story.body.filter((block) => block.type === "paragraph");
  expect(paragraphs.length).toBeGreaterThanOrEqual(3);
  for (const paragraph of paragraphs) {
    await expect(page.getByText(paragraph.text ?? "", { exact: true })).toBeVisible();
  }
  const quotes = story.body.filter((block) => block.type === "quote");
  expect(quotes.length).toBeGreaterThanOrEqual(1);
  const figures = page.locator("main figure:has(blockquote)");
  await expect(figures).toHaveCount(quotes.length);
  for (const [index, quote] of quotes.entries()) {
    await expect(figures.nth(index).locator("blockquote")).toHaveText(quote.text ?? "");
    if (quote.cite) await expect(figures.nth(index).locator("figcaption")).toContainText(quote.cite);
  }
});

test("the related headlines set in the body are real links to their stories", async ({ page }) => {
  await page.goto(WATCH_PATH);
  const inline = inlineRelated(story);
  expect(inline).toHaveLength(2);
  for (const { slug, headline } of inline) {
    // Set in the body as a paragraph of its own, not in the "Related stories" list.
    const link = page.locator("main p").getByRole("link", { name: headline, exact: true });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute("href", `/stories/${slug}`);
  }

  // A plain link: following it without JavaScript loads that story from the server.
  const [first] = inline;
  if (!first) throw new Error("no inline related headline");
  const target = await page.request.get(`/api/stories/${first.slug}`);
  const targetStory = (await target.json()) as ApiStory;
  await page.locator("main p").getByRole("link", { name: first.headline, exact: true }).click();
  await expect(page).toHaveURL(`/stories/${first.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(targetStory.headline);
});

test("the Related stories section lists the related stories, those linked in the body first", async ({ page }) => {
  await page.goto(WATCH_PATH);
  const section = page.getByRole("region", { name: "Related stories" });
  await expect(section.getByRole("heading", { name: "Related stories" })).toBeVisible();
  expect(story.related.length).toBeGreaterThanOrEqual(2);
  expect(story.related.map((s) => s.slug).slice(0, 2)).toEqual(inlineRelated(story).map((s) => s.slug));
  expect(story.related.map((s) => s.slug)).not.toContain(story.slug);

  const links = section.getByRole("link");
  await expect(links).toHaveCount(story.related.length);
  for (const [index, related] of story.related.entries()) {
    await expect(links.nth(index)).toHaveText(related.headline);
    await expect(links.nth(index)).toHaveAttribute("href", `/stories/${related.slug}`);
  }
});

test("the video is a native player with a poster, MP4 and WebM sources and captions", async ({ page }) => {
  await page.goto(WATCH_PATH);
  const block = story.body.find((b) => b.type === "video");
  if (!block?.sources || !block.poster) throw new Error("the WATCH story has no video block");

  const video = page.locator("main video");
  await expect(video).toHaveCount(1);
  await expect(video).toBeVisible();
  await expect(video).toHaveAttribute("poster", block.poster);
  await expect(video).toHaveAttribute("controls", "");
  for (const type of ["video/mp4", "video/webm"]) {
    const source = block.sources.find((s) => s.type === type);
    expect(source, `a ${type} source in the story`).toBeDefined();
    await expect(video.locator(`source[type="${type}"]`)).toHaveAttribute("src", source?.src ?? "");
  }
  const captions = block.captions?.[0];
  if (!captions) throw new Error("the WATCH story's video has no captions");
  const track = video.locator('track[kind="captions"]');
  await expect(track).toHaveCount(1);
  await expect(track).toHaveAttribute("src", captions.src);
  await expect(track).toHaveAttribute("srclang", captions.srclang);
  await expect(track).toHaveAttribute("label", captions.label);
  await expect(page.locator("main figure figcaption", { hasText: block.title ?? "" })).toBeVisible();

  // The files the player points at are served.
  for (const [url, type] of [
    [block.poster, "image/jpeg"],
    ...block.sources.map((s) => [s.src, s.type]),
    [captions.src, "text/vtt"],
  ] as const) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["content-type"], url).toContain(type);
  }
});

test("the head carries the title, canonical URL, Open Graph and NewsArticle JSON-LD", async ({ page, baseURL }) => {
  await page.goto(WATCH_PATH);
  await expect(page).toHaveTitle(`${story.headline} | Dispatch`);
  expect(story.url).toBe(`${baseURL}${WATCH_PATH}`);
  await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute("href", story.url);
  await expect(page.locator('head meta[property="og:title"]')).toHaveAttribute("content", story.headline);
  await expect(page.locator('head meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('head meta[property="og:url"]')).toHaveAttribute("content", story.url);
  // The lead picture's 1200×630 crop, named by the version of its file.
  await expect(page.locator('head meta[property="og:image"]')).toHaveAttribute(
    "content",
    new URL(`/img${story.image?.src ?? "/missing"}/${story.image?.version}/og.jpg`, baseURL).href,
  );
  await expect(page.locator('head meta[name="description"]')).toHaveAttribute("content", story.deck ?? "");

  const scripts = page.locator('head script[type="application/ld+json"]');
  // The article first, then its breadcrumbs.
  await expect(scripts).toHaveCount(2);
  const jsonLd = JSON.parse((await scripts.first().textContent()) ?? "null");
  const video = story.body.find((b) => b.type === "video");
  const mp4 = video?.sources?.find((s) => s.type === "video/mp4");
  if (!video?.poster || !mp4) throw new Error("the WATCH story has no MP4 video");
  expect(jsonLd).toMatchObject({
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.headline,
    mainEntityOfPage: { "@id": story.url },
    author: story.authors.map((a) => expect.objectContaining({ "@type": "Person", name: a.name })),
    video: {
      "@type": "VideoObject",
      name: video.title,
      thumbnailUrl: [new URL(video.poster, baseURL).href],
      contentUrl: new URL(mp4.src, baseURL).href,
    },
  });
});
