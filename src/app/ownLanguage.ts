// A story in another language than the site's carries its own: `lang` and `dir` on its article
// and on its entries in lists, so a screen reader speaks it in its language and right-to-left text
// runs right to left inside a left-to-right page (and the other way round).
import type { Site } from "../head/head";
import { textDirection } from "../model/textDirection";

export interface LanguageAttributes {
  lang?: string;
  dir?: "ltr" | "rtl";
}

/** The attributes a story's element carries: none when it is in the site's language. */
export function ownLanguage(language: string | undefined, site: Site): LanguageAttributes {
  if (!language || language === site.language) return {};
  return { lang: language, dir: textDirection(language) };
}

/** Back to the site's language, inside an element in another (a list entry's line of the site's words). */
export function siteLanguage(own: LanguageAttributes, site: Site): LanguageAttributes {
  return own.lang ? { lang: site.language, dir: site.dir } : {};
}
