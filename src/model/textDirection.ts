// Which way a language's text runs, from its BCP 47 tag: the platform says where it can
// (Intl.Locale's textInfo, or getTextInfo()); elsewhere the script decides, by the short list of
// scripts written right to left, and a language without a script tag by its likely script.
export type TextDirection = "ltr" | "rtl";

/** Scripts written right to left (ISO 15924) that a news site may publish in. */
const RTL_SCRIPTS = new Set(["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr"]);

interface TextInfoLocale {
  textInfo?: { direction?: string };
  getTextInfo?: () => { direction?: string };
}

/** The direction of text in this language ("ar", "fa-IR", "ur", "he" are right to left). */
export function textDirection(language: string): TextDirection {
  const locale = new Intl.Locale(language);
  const withInfo = locale as unknown as TextInfoLocale;
  const told = withInfo.getTextInfo?.().direction ?? withInfo.textInfo?.direction;
  if (told === "rtl" || told === "ltr") return told;
  const script = locale.maximize().script;
  return script && RTL_SCRIPTS.has(script) ? "rtl" : "ltr";
}

/** The language tag as the platform writes it ("EN-gb" → "en-GB"); throws on one that is not BCP 47. */
export const canonicalLanguage = (tag: string): string => {
  const [canonical] = Intl.getCanonicalLocales(tag);
  if (!canonical) throw new RangeError(`${tag} is not a language tag`);
  return canonical;
};
