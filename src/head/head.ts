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

export const SITE_NAME = "Dispatch";

/** The site as pages see it: the URL of its pages (from PUBLIC_URL), and its language and time. */
export interface Site {
  /** Canonical links and Open Graph use it. */
  url: string;
  /** BCP 47: which message catalogue the site's words come from (src/words/catalogues). */
  language: string;
  /** BCP 47: how dates and numbers are written ("ar-EG" writes Arabic-Indic digits). */
  locale: string;
  /** IANA: the zone every time is written in, and named. */
  timeZone: string;
}

export const meta = (key: "name" | "property", id: string, content: string): HeadTag => ({
  tag: "meta",
  attrs: { [key]: id, content },
});

/** The picture a page of the site stands for where it is shared (public/site-card.png). */
export const SITE_CARD = {
  path: "/site-card.png",
  width: 1200,
  height: 630,
  alt: "Dispatch: the day's stories from the city, the world, science and culture",
} as const;

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
    title: page.title === SITE_NAME ? SITE_NAME : `${page.title} | ${SITE_NAME}`,
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
                title: `${page.title} | ${SITE_NAME}`,
                href: new URL(page.feed, site.url).href,
              },
            },
          ]
        : []),
      ...(page.noindex
        ? [meta("name", "robots", "noindex")]
        : [{ tag: "link" as const, attrs: { rel: "canonical", href: url } }]),
      meta("property", "og:site_name", SITE_NAME),
      meta("property", "og:type", "website"),
      meta("property", "og:title", page.title),
      meta("property", "og:description", page.description),
      meta("property", "og:url", url),
      meta("property", "og:image", card),
      meta("property", "og:image:width", String(SITE_CARD.width)),
      meta("property", "og:image:height", String(SITE_CARD.height)),
      meta("property", "og:image:alt", SITE_CARD.alt),
      meta("name", "twitter:card", "summary_large_image"),
      meta("name", "twitter:title", page.title),
      meta("name", "twitter:description", page.description),
      meta("name", "twitter:image", card),
      meta("name", "twitter:image:alt", SITE_CARD.alt),
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
        title: SITE_NAME,
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
