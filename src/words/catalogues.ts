// The catalogues the server knows, by language (server only: the browser gets its site's one in
// the page data). A site's `language` picks one by its exact tag, else by its first subtag
// ("es-MX" → es); a language with no catalogue stops the server at start. To add a language,
// see the README ("Adding a language").
import type { Catalogue } from "./catalogue";
import { ar } from "./catalogues/ar";
import { en } from "./catalogues/en";
import { es } from "./catalogues/es";
import { ja } from "./catalogues/ja";
import { pseudo } from "./pseudo";

export const catalogues: Record<string, Catalogue> = {
  en,
  es,
  ar,
  ja,
  // The pseudo-locale: every message accented and bracketed, for finding words outside the catalogue.
  "en-XA": pseudo(en),
};

/** The catalogue of a language: by its exact tag, else by its first subtag; none when there is none. */
export const findCatalogue = (language: string): Catalogue | undefined =>
  catalogues[language] ?? catalogues[language.split("-")[0] ?? ""];

export function catalogueFor(language: string): Catalogue {
  const found = findCatalogue(language);
  if (!found)
    throw new Error(
      `Dispatch cannot start: no message catalogue for the language "${language}" (there are: ${Object.keys(catalogues).join(", ")}); see "Adding a language" in the README`,
    );
  return found;
}
