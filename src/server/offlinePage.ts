// The offline page's words: the page the service worker shows for a page that is not saved when
// the network is gone is the public file, with the text of each element marked `data-words="key"`
// written from the site's catalogue (and its title followed by the site's name). The worker keeps
// the page it fetched at install, so a reader offline reads it in the site's language. It is served
// with the site's other files (site/siteFiles.ts), made from its config (site/siteTemplate.ts).
import { escapeHtml } from "../head/renderHead";
import type { TextKey } from "../words/catalogue";
import type { Words } from "../words/words";

const MARKED = /(<(\w+)\b[^>]*\bdata-words="([\w.]+)"[^>]*>)[^<]*(<\/\2>)/g;

/** The offline page's HTML with every marked element's text in the site's words. */
export function offlinePageIn(html: string, words: Words, siteName: string): string {
  return html.replace(MARKED, (_all, open: string, tag: string, key: string, close: string) => {
    if (!(key in words.catalogue)) throw new Error(`offline.html names "${key}", which the catalogue has not`);
    const text = words.text(key as TextKey);
    return `${open}${escapeHtml(tag === "title" ? `${text} | ${siteName}` : text)}${close}`;
  });
}
