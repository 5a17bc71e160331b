// The error page a reader's browser gets when a page URL cannot be answered before any page
// renders (a malformed address, a wrong method, a limit, a failure): the site's own HTML template
// and stylesheet around a heading, the reason and a link home. It runs no script, so it needs no
// page data and cannot break on hydration. (A missing story is the app's own 404 page, rendered.)
import { escapeHtml } from "../../head/renderHead";
import type { TextKey } from "../../words/catalogue";
import type { Words } from "../../words/words";

/**
 * The HTML of the error page for this URL and status, in the site's language. The reason the server
 * gives (the API's message, in English) is for API clients, and stays out of the page.
 */
export type ErrorPage = (url: string, status: number) => Promise<string>;

/** The heading and the explanation a reader gets, by status, from the site's catalogue. */
const WORDS: Record<number, [TextKey, TextKey]> = {
  400: ["error.badAddress", "error.badAddressText"],
  404: ["error.notFoundTitle", "error.notFoundText"],
  405: ["error.readOnly", "error.readOnlyText"],
  429: ["error.tooMany", "error.tooManyText"],
  503: ["error.busy", "error.busyText"],
};

const wordsFor = (status: number): [TextKey, TextKey] =>
  WORDS[status] ?? (status >= 500 ? ["error.failed", "error.failedText"] : ["error.refused", "error.refusedText"]);

/** Requests whose errors are JSON: the API, share cards, oEmbed, sitemaps, health checks and files (a name with an extension). */
const NOT_PAGES = /^\/(api|og|assets|sitemaps)(\/|$)|^\/(oembed|healthz|readyz)$|\.[a-z0-9]+$/i;

/** Whether this URL is a page a reader opens (so its errors are HTML), rather than the API or a file. */
export function isPageUrl(url: string): boolean {
  const path = url.split("?")[0] ?? "";
  return path.startsWith("/") && !NOT_PAGES.test(path);
}

/** Error pages from the site's HTML template (Vite's index.html, built or from the source). */
export function errorPageFrom(
  template: (url: string) => Promise<string> | string,
  siteName: string,
  words: Words,
): ErrorPage {
  return async (url, status) => {
    const [heading, explanation] = wordsFor(status);
    const title = words.text(heading, { site: siteName });
    const html = `<main id="main"><p><a href="/">${escapeHtml(siteName)}</a></p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(words.text(explanation))}</p><p><a href="/">${escapeHtml(words.text("error.frontPage"))}</a></p></main>`;
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
