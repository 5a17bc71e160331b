// The site's words on the server: made once per language, locale and zone (Intl's formatters are
// dear to make), from the catalogue of the site's language. Server only: the browser makes its
// Words from the catalogue the page data carries (main.tsx).
import type { Site } from "../head/head";
import { catalogueFor } from "./catalogues";
import { makeWords, type Words } from "./words";

const made = new Map<string, Words>();

export function wordsFor({ language, locale, timeZone }: Pick<Site, "language" | "locale" | "timeZone">): Words {
  const key = `${language}|${locale}|${timeZone}`;
  const words = made.get(key) ?? makeWords(catalogueFor(language), { locale, timeZone });
  made.set(key, words);
  return words;
}
