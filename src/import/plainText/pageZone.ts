// Where a page's times are meant when it prints them without a zone and the import was given none:
// the zone of the country that writes most news in the page's language, the language told by
// franc (its full model of 187 languages, not franc-min's 82: Finnish and Danish are in it) from the
// page's words; for a language the list below does not name, the platform's likely
// country for it and that country's one clock. A guess, so --time-zone (the outlet's own) always wins.
import { franc } from "franc";

/**
 * ISO 639-3 code (as franc gives it) → the IANA zone of most of that language's newsrooms, for
 * the languages the platform cannot answer (regionZone below): a likely country of several clocks
 * (English → US, Spanish and Catalan → Spain with the Canaries, Portuguese → Brazil, Russian,
 * Ukrainian, Indonesian, Chinese), or one it names by an old alias (Asia/Calcutta, Asia/Saigon).
 */
const ZONE_OF_LANGUAGE: Record<string, string> = {
  eng: "Europe/London",
  spa: "Europe/Madrid",
  cat: "Europe/Madrid",
  por: "America/Sao_Paulo",
  rus: "Europe/Moscow",
  ukr: "Europe/Kyiv",
  ind: "Asia/Jakarta",
  cmn: "Asia/Shanghai",
  hin: "Asia/Kolkata",
  vie: "Asia/Ho_Chi_Minh",
};

export interface PageZone {
  zone: string;
  language: string;
}

/** The zone guessed from the page's language, or undefined when the language is not told or has no one zone. */
export function pageZone(text: string): PageZone | undefined {
  const language = franc(text, { minLength: 40 });
  if (language === "und") return undefined;
  const zone = ZONE_OF_LANGUAGE[language] ?? regionZone(language);
  return zone === undefined ? undefined : { zone, language };
}

const regionZones = new Map<string, string | undefined>();

/**
 * A language the list above does not name: the platform's likely country for it (CLDR's likely
 * subtags, `Intl.Locale#maximize`: Bulgarian → BG, Thai → TH, Persian → IR, Galician → ES) and the
 * clock more than half of that country's time zones keep now (Malaysia's two both do, Spain's
 * mainland zones outnumber the Canaries'); none for a country of several clocks none of which has a
 * majority, or where the platform does not say.
 */
function regionZone(language: string): string | undefined {
  if (regionZones.has(language)) return regionZones.get(language);
  let zone: string | undefined;
  try {
    // A variety franc names is read as its language: Dari (prs, canonically fa-AF) as Persian, whose
    // likely country is Iran. Trigrams tell a language well and its varieties poorly.
    const region = new Intl.Locale(new Intl.Locale(language).language).maximize().region;
    const zones = region ? zonesOf(region) : [];
    const now = new Date();
    // The clock most of the country's zones keep, when more than half keep it: Spain's (Madrid and
    // Ceuta against the Canaries), Portugal's, Chile's, Mexico's; none where no clock has a majority.
    const clocks = new Map<string | undefined, string[]>();
    for (const one of zones) clocks.set(offsetAt(one, now), [...(clocks.get(offsetAt(one, now)) ?? []), one]);
    zone = [...clocks.values()].find((same) => same.length * 2 > zones.length)?.[0];
  } catch {
    zone = undefined;
  }
  regionZones.set(language, zone);
  return zone;
}

/** A country's IANA zones, as the platform lists them (`Intl.Locale#getTimeZones`, or the older `timeZones`). */
export function zonesOf(region: string): string[] {
  const locale = new Intl.Locale(`und-${region}`) as Intl.Locale & {
    getTimeZones?: () => string[];
    timeZones?: string[];
  };
  return locale.getTimeZones?.() ?? locale.timeZones ?? [];
}

const offsetAt = (zone: string, at: Date) =>
  new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" }).format(at).split(" ").pop();
