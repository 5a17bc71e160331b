// Sitemaps for search engines (sitemaps.org protocol): an index of child sitemaps, one of the site's
// pages and one per month of publication, and a Google News sitemap of the last two days.
//
// No sitemap may list more than 50,000 URLs, so a month holding more is split into parts of that
// many, in publication order: `stories-2026-11.xml` is the first part (or the whole month),
// `stories-2026-11-2.xml` the next, and so on. Stories published later in a month land in its last
// part, so the earlier parts stay as they were. Story children are written as they are read, a
// page of rows at a time, so a child of 50,000 URLs never sits in memory whole.
import type { Site } from "../../head/head";
import type { StorySummary } from "../../model/story";
import {
  monthSpan,
  type SitemapEntry,
  type SitemapReads,
  type StoryKey,
  type StorySpan,
} from "../../store/sitemapReads";
import type { Absolute } from "./storyHtml";
import { later, w3cDate } from "./times";
import { el, fragment, type Markup, xmlDocument, xmlDocumentStream } from "./xml";

const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";

/** The protocol's limit of URLs in one sitemap. */
export const SITEMAP_MAX_URLS = 50_000;
/** Rows read (and written out) at a time while a story sitemap streams. */
export const SITEMAP_PAGE_ROWS = 1000;

export const PAGES_SITEMAP = "pages.xml";

/** A URL of a sitemap, or a child of the index, with its last change. */
export interface SitemapLink {
  loc: string;
  lastmod: string | undefined;
}

/** A child sitemap of stories: a month, or one part of a month. */
export interface StoryChild {
  name: string;
  month: string;
  part: number;
  span: StorySpan;
  count: number;
  lastmod: string | undefined;
}

const childName = (month: string, part: number) =>
  part === 1 ? `stories-${month}.xml` : `stories-${month}-${part}.xml`;

/** `stories-YYYY-MM.xml`, or `stories-YYYY-MM-N.xml` for a part N ≥ 2; anything else is no child. */
const CHILD_NAME = /^stories-(\d{4}-(?:0[1-9]|1[0-2]))(?:-([2-9]|[1-9]\d{1,5}))?\.xml$/;

export function parseChildName(name: string): { month: string; part: number } | null {
  const match = CHILD_NAME.exec(name);
  if (!match?.[1]) return null;
  return { month: match[1], part: match[2] ? Number(match[2]) : 1 };
}

/**
 * One part of a month: it starts at the story `(part - 1) × partSize` places into the month and
 * ends before the one `part × partSize` places in (or at the month's end). Null when the month
 * has no such part. Found by offsets on the publication index, which hold only its keys.
 */
export async function storyChild(
  reads: SitemapReads,
  month: string,
  part: number,
  partSize: number,
): Promise<StoryChild | null> {
  const whole = monthSpan(month);
  const from: StoryKey | null = part === 1 ? whole.from : await reads.keyAt(whole, (part - 1) * partSize);
  if (!from) return null;
  const to = (await reads.keyAt(whole, part * partSize)) ?? whole.to;
  const span = { from, to };
  const { count, lastmod } = await reads.summary(span);
  if (count === 0) return null;
  return { name: childName(month, part), month, part, span, count, lastmod: lastmod ?? undefined };
}

/** Every child sitemap of stories, oldest month first: a month whole when it fits, else its parts. */
export async function storyChildren(reads: SitemapReads, partSize: number): Promise<StoryChild[]> {
  const children: StoryChild[] = [];
  for (const { month, count, lastmod } of await reads.months()) {
    if (count <= partSize) {
      children.push({
        name: childName(month, 1),
        month,
        part: 1,
        span: monthSpan(month),
        count,
        lastmod: lastmod ?? undefined,
      });
      continue;
    }
    for (let part = 1; part <= Math.ceil(count / partSize); part++) {
      const child = await storyChild(reads, month, part, partSize);
      if (child) children.push(child);
    }
  }
  return children;
}

export function sitemapIndex(children: SitemapLink[]): string {
  return xmlDocument(
    el(
      "sitemapindex",
      { xmlns: SITEMAP_NAMESPACE },
      ...children.map(({ loc, lastmod }) =>
        el("sitemap", {}, el("loc", {}, loc), lastmod && el("lastmod", {}, w3cDate(lastmod))),
      ),
    ),
  );
}

/** The latest of the links' last changes: a child's lastmod in the index. */
export const lastChange = (links: SitemapLink[]): string | undefined =>
  links.reduce<string | undefined>((time, link) => (link.lastmod ? later(time, link.lastmod) : time), undefined);

/** The site's own pages: the front page and each section. */
export function pagesSitemap(pages: SitemapLink[]): string {
  return xmlDocument(el("urlset", { xmlns: SITEMAP_NAMESPACE }, ...pages.map(sitemapUrl)));
}

/**
 * A child of stories, as text to stream: the rows of its span read `pageRows` at a time by their
 * key (never by offset), each page written out before the next is read. It stops at `partSize`
 * URLs even if stories were added to the span meanwhile, so no answer breaks the protocol's limit.
 */
export function storySitemap(
  reads: SitemapReads,
  child: StoryChild,
  partSize: number,
  absolute: Absolute,
  pageRows = SITEMAP_PAGE_ROWS,
): AsyncGenerator<string> {
  async function* runs(): AsyncGenerator<Markup> {
    let after: StoryKey | undefined;
    let written = 0;
    while (written < partSize) {
      const limit = Math.min(pageRows, partSize - written);
      const rows: SitemapEntry[] = await reads.page(child.span, limit, after);
      if (rows.length === 0) return;
      yield fragment(
        ...rows.map((row) => sitemapUrl({ loc: absolute(`/stories/${row.slug}`), lastmod: row.updatedAt })),
      );
      written += rows.length;
      const last = rows.at(-1) as SitemapEntry;
      after = { publishedAt: last.publishedAt, slug: last.slug };
      if (rows.length < limit) return;
    }
  }
  return xmlDocumentStream("urlset", { xmlns: SITEMAP_NAMESPACE }, runs());
}

function sitemapUrl({ loc, lastmod }: SitemapLink): Markup {
  return el("url", {}, el("loc", {}, loc), lastmod && el("lastmod", {}, w3cDate(lastmod)));
}

/**
 * The Google News sitemap: the stories of the last 48 hours, with their news tags. When there are
 * none it lists the front page alone, without news tags. The sitemap schema wants at least one
 * <url> in a <urlset>, so an empty one is an invalid document (crawlers report it as an error);
 * a 404 would read as a broken sitemap that robots.txt points at. The front page is always there
 * and always worth crawling, and Google News takes nothing from a URL without news tags.
 */
export function newsSitemap(stories: StorySummary[], absolute: Absolute, site: Site): string {
  // Google News names a publication's language by its ISO 639 code ("en", "ar"), Chinese by script.
  const locale = new Intl.Locale(site.language);
  const language =
    locale.language === "zh" ? `zh-${locale.maximize().script === "Hant" ? "tw" : "cn"}` : locale.language;
  return xmlDocument(
    el(
      "urlset",
      { xmlns: SITEMAP_NAMESPACE, "xmlns:news": NEWS_NAMESPACE },
      stories.length === 0 && el("url", {}, el("loc", {}, absolute("/"))),
      ...stories.map((story) =>
        el(
          "url",
          {},
          el("loc", {}, absolute(`/stories/${story.slug}`)),
          el(
            "news:news",
            {},
            el("news:publication", {}, el("news:name", {}, site.name), el("news:language", {}, language)),
            el("news:publication_date", {}, w3cDate(story.publishedAt)),
            el("news:title", {}, story.headline),
          ),
        ),
      ),
    ),
  );
}
