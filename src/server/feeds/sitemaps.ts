// Sitemaps for search engines: every page worth crawling with its last change, and a Google News
// sitemap of the last two days.
import { SITE_NAME } from "../../head/head";
import type { Section, StorySummary } from "../../model/story";
import type { StoryStore } from "../../store/storyStore";
import type { Absolute } from "./storyHtml";
import { everyStory } from "./storyPages";
import { later, w3cDate } from "./times";
import { el, type Markup, xmlDocument } from "./xml";

const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";

export async function sitemap(store: StoryStore, sections: Section[], absolute: Absolute): Promise<string> {
  const storyUrls: Markup[] = [];
  const lastChangeBySection = new Map<string, string>();
  let lastChange: string | undefined;
  for await (const story of everyStory(store)) {
    storyUrls.push(sitemapUrl(absolute(`/stories/${story.slug}`), story.updatedAt));
    lastChange = later(lastChange, story.updatedAt);
    lastChangeBySection.set(story.section.slug, later(lastChangeBySection.get(story.section.slug), story.updatedAt));
  }
  return xmlDocument(
    el(
      "urlset",
      { xmlns: SITEMAP_NAMESPACE },
      sitemapUrl(absolute("/"), lastChange),
      ...sections.map((section) =>
        sitemapUrl(absolute(`/sections/${section.slug}`), lastChangeBySection.get(section.slug)),
      ),
      ...storyUrls,
    ),
  );
}

function sitemapUrl(loc: string, lastmod: string | undefined): Markup {
  return el("url", {}, el("loc", {}, loc), lastmod && el("lastmod", {}, w3cDate(lastmod)));
}

export function newsSitemap(stories: StorySummary[], absolute: Absolute): string {
  return xmlDocument(
    el(
      "urlset",
      { xmlns: SITEMAP_NAMESPACE, "xmlns:news": NEWS_NAMESPACE },
      ...stories.map((story) =>
        el(
          "url",
          {},
          el("loc", {}, absolute(`/stories/${story.slug}`)),
          el(
            "news:news",
            {},
            el("news:publication", {}, el("news:name", {}, SITE_NAME), el("news:language", {}, "en")),
            el("news:publication_date", {}, w3cDate(story.publishedAt)),
            el("news:title", {}, story.headline),
          ),
        ),
      ),
    ),
  );
}
