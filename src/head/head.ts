// The document head of a page, as data: built from a story (or a page) by pure functions, written
// into the HTML by the server and kept right by the client on navigation.
export interface HeadTag {
  tag: "meta" | "link";
  attrs: Record<string, string>;
}

export interface Head {
  title: string;
  tags: HeadTag[];
  /** Structured data (schema.org), each written as a JSON-LD script of its own; the page's main thing first. */
  jsonLd?: object[];
}

/**
 * The site as its pages know it, in the browser too (every page's data carries it; kept small):
 * the URL of its pages (PUBLIC_URL), and its identity from the site config (src/site/siteConfig.ts).
 */
export interface Site {
  /** Canonical links and Open Graph use it. */
  url: string;
  name: string;
  description: string;
  tagline: string;
  /**
   * BCP 47: the language of the site's pages (`<html lang>`), and of stories that name none; it
   * picks the message catalogue the site's words come from (src/words/catalogues).
   */
  language: string;
  dir: "ltr" | "rtl";
  /** BCP 47: how dates and numbers are written ("ar-EG" writes Arabic-Indic digits). */
  locale: string;
  /** IANA: the zone every time is written in, and named. */
  timeZone: string;
  /** The organization that publishes the site, when it is not the site itself. */
  publisher?: { name: string; url: string };
  social?: { "twitter:site"?: string; "fediverse:creator"?: string };
  /** Links in every page's footer (about, corrections policy, privacy, contact), when the site has them. */
  footerLinks?: { label: string; href: string }[];
  /** Links from stories to other sites say `nofollow` (site config `nofollowLinks`); absent: they do not. */
  nofollowLinks?: true;
}

/** The Open Graph locale of a language tag: "en-GB" → "en_GB". */
export const ogLocale = (language: string): string => language.replace("-", "_");

export const meta = (key: "name" | "property", id: string, content: string): HeadTag => ({
  tag: "meta",
  attrs: { [key]: id, content },
});

/** The picture a page of the site stands for where it is shared (drawn from the site config). */
export const SITE_CARD = { path: "/site-card.png", width: 1200, height: 630 } as const;

/** What the site's card shows, said in words. */
export const siteCardAlt = (site: Site): string => `${site.name}: ${site.tagline}`;

/** The site's social accounts, as the tags unfurlers read. */
export const socialTags = (site: Site): HeadTag[] =>
  Object.entries(site.social ?? {}).flatMap(([key, handle]) => (handle ? [meta("name", key, handle)] : []));

export function pageHead(
  site: Site,
  page: {
    title: string;
    description: string;
    path: string;
    noindex?: boolean;
    feed?: string;
    /** Structured data of the page, besides none. */
    jsonLd?: object[];
  },
): Head {
  const url = new URL(page.path, site.url).href;
  const card = new URL(SITE_CARD.path, site.url).href;
  return {
    title: page.title === site.name ? site.name : `${page.title} | ${site.name}`,
    tags: [
      meta("name", "description", page.description),
      ...siteLinks(site),
      ...(page.feed
        ? [
            {
              tag: "link" as const,
              attrs: {
                rel: "alternate",
                type: "application/rss+xml",
                title: `${page.title} | ${site.name}`,
                href: new URL(page.feed, site.url).href,
              },
            },
          ]
        : []),
      ...(page.noindex
        ? [meta("name", "robots", "noindex")]
        : [{ tag: "link" as const, attrs: { rel: "canonical", href: url } }]),
      meta("property", "og:site_name", site.name),
      meta("property", "og:type", "website"),
      meta("property", "og:locale", ogLocale(site.language)),
      meta("property", "og:title", page.title),
      meta("property", "og:description", page.description),
      meta("property", "og:url", url),
      meta("property", "og:image", card),
      meta("property", "og:image:width", String(SITE_CARD.width)),
      meta("property", "og:image:height", String(SITE_CARD.height)),
      meta("property", "og:image:alt", siteCardAlt(site)),
      meta("name", "twitter:card", "summary_large_image"),
      meta("name", "twitter:title", page.title),
      meta("name", "twitter:description", page.description),
      meta("name", "twitter:image", card),
      meta("name", "twitter:image:alt", siteCardAlt(site)),
      ...socialTags(site),
    ],
    ...(page.jsonLd?.length ? { jsonLd: page.jsonLd } : {}),
  };
}

/** Links every page carries: the site's feed, for readers and crawlers to find. */
export function siteLinks(site: Site): HeadTag[] {
  return [
    {
      tag: "link",
      attrs: {
        rel: "alternate",
        type: "application/rss+xml",
        title: site.name,
        href: new URL("/feed.xml", site.url).href,
      },
    },
  ];
}

/** JSON safe to put inside a <script> element: nothing in it can close the element. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e")
    .replaceAll("&", "\\u0026")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}
