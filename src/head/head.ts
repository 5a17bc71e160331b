// The document head of a page, as data: built from a story (or a page) by pure functions, written
// into the HTML by the server and kept right by the client on navigation.
export interface HeadTag {
  tag: "meta" | "link";
  attrs: Record<string, string>;
}

export interface Head {
  title: string;
  tags: HeadTag[];
  /** Structured data (schema.org), written as JSON-LD. */
  jsonLd?: object;
}

export const SITE_NAME = "Dispatch";

/** The URL of the site's pages, from PUBLIC_URL: canonical links and Open Graph use it. */
export interface Site {
  url: string;
}

export const meta = (key: "name" | "property", id: string, content: string): HeadTag => ({
  tag: "meta",
  attrs: { [key]: id, content },
});

export function pageHead(
  site: Site,
  page: { title: string; description: string; path: string; noindex?: boolean; feed?: string },
): Head {
  const url = new URL(page.path, site.url).href;
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
    ],
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
