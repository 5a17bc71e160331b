// The error page a reader's browser gets when a page URL cannot be answered before any page
// renders (a malformed address, a wrong method, a limit, a failure): the site's own HTML template
// and stylesheet around a heading, the reason and a link home. It runs no script, so it needs no
// page data and cannot break on hydration. (A missing story is the app's own 404 page, rendered.)
import { escapeHtml } from "../../head/renderHead";

/** The HTML of the error page for this URL, status and reason. */
export type ErrorPage = (url: string, status: number, message: string) => Promise<string>;

const TITLES: Record<number, string> = {
  400: "This address cannot be read",
  404: "Page not found",
  405: "This page can only be read",
  429: "Too many requests",
  503: "The site is busy",
};

const titleFor = (status: number) =>
  TITLES[status] ?? (status >= 500 ? "Something went wrong" : "This request was refused");

/** Requests whose errors are JSON: the API, share cards, oEmbed, sitemaps, health checks and files (a name with an extension). */
const NOT_PAGES = /^\/(api|og|assets|sitemaps)(\/|$)|^\/(oembed|healthz|readyz)$|\.[a-z0-9]+$/i;

/** Whether this URL is a page a reader opens (so its errors are HTML), rather than the API or a file. */
export function isPageUrl(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  return path.startsWith("/") && !NOT_PAGES.test(path);
}

/** Error pages from the site's HTML template (Vite's index.html, built or from the source). */
export function errorPageFrom(template: (url: string) => Promise<string> | string, siteName: string): ErrorPage {
  return async (url, status, message) => {
    const title = titleFor(status);
    const html = `<main id="main"><p><a href="/">${escapeHtml(siteName)}</a></p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">Go to the front page</a></p></main>`;
    return (await template(url))
      .replace(/<script\b[^>]*><\/script>\s*/g, "")
      .replace(/<!--app-scripts-->\s*/g, "")
      .replace(
        "<!--app-head-->",
        () =>
          `<title>${escapeHtml(title)} · ${escapeHtml(siteName)}</title>\n    <meta name="robots" content="noindex" />`,
      )
      .replace("<!--app-html-->", () => html)
      .replace("<!--app-data-->", "");
  };
}
