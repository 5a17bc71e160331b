// The card's typefaces: Source Serif 4 for the headline, Inter for the rest, read from the
// @fontsource packages once per process. Satori falls back only across fonts of different names,
// so every script subset is registered under a name of its own and stacked in each family.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Font } from "satori";

// Latin first; the other subsets cover names and quotes in Greek, Cyrillic and Vietnamese.
const FONT_SUBSETS = ["latin", "latin-ext", "greek", "cyrillic", "vietnamese"] as const;

const subsetFontName = (family: string, subset: string) => (subset === "latin" ? family : `${family} ${subset}`);

/** A CSS font-family of every subset of one family, so that text falls back within that family first. */
function fontStack(family: string): string {
  return FONT_SUBSETS.map((subset) => `"${subsetFontName(family, subset)}"`).join(", ");
}

const SERIF_NAME = "Source Serif 4";
const SANS_NAME = "Inter";
export const SERIF = fontStack(SERIF_NAME);
export const SANS = fontStack(SANS_NAME);

const require = createRequire(import.meta.url);

/** A subset's file of one of the card's own typefaces. */
export const ownFontFile = (pkg: "source-serif-4" | "inter", subset: string, weight: 400 | 700) =>
  require.resolve(`@fontsource/${pkg}/files/${pkg}-${subset}-${weight}-normal.woff`);

/** The headline's own typeface's files, subset by subset. */
export const serifFiles = () => FONT_SUBSETS.map((subset) => ownFontFile("source-serif-4", subset, 700));

let fonts: Promise<Font[]> | undefined;

/** Read once: satori also caches its parsed fonts per font object. */
export function cardFonts(): Promise<Font[]> {
  fonts ??= loadCardFonts().catch((error: unknown) => {
    fonts = undefined;
    throw error;
  });
  return fonts;
}

async function loadCardFonts(): Promise<Font[]> {
  const load = async (
    family: string,
    pkg: "source-serif-4" | "inter",
    subset: string,
    weight: 400 | 700,
  ): Promise<Font> => {
    const file = ownFontFile(pkg, subset, weight);
    return { name: subsetFontName(family, subset), data: await readFile(file), weight, style: "normal" };
  };
  return Promise.all(
    FONT_SUBSETS.flatMap((subset) => [
      load(SERIF_NAME, "source-serif-4", subset, 700),
      load(SANS_NAME, "inter", subset, 400),
      load(SANS_NAME, "inter", subset, 700),
    ]),
  );
}
