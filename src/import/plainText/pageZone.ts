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
  /** The country the page names, when its clock was taken rather than the language's. */
  country?: string;
}

/**
 * The zone guessed from the page's language, or undefined when the language is not told or has no
 * one zone. A page that names a country, in its own language, where the platform says that language
 * is written (a locale of it: English in Singapore or Namibia, Spanish in Costa Rica, Dutch in Aruba),
 * more often than any other such country, is read in that country's clock instead (its one clock, or
 * the one most of its zones keep): a language cannot tell Singapore's English from Britain's.
 */
export function pageZone(text: string): PageZone | undefined {
  const language = franc(text, { minLength: 40 });
  if (language === "und") return undefined;
  const named = namedCountry(text, language);
  if (named !== undefined) return { zone: named.zone, language, country: named.region };
  const zone = ZONE_OF_LANGUAGE[language] ?? regionZone(language);
  return zone === undefined ? undefined : { zone, language };
}

const REGIONS = Array.from({ length: 26 * 26 }, (_, at) =>
  String.fromCharCode(65 + Math.floor(at / 26), 65 + (at % 26)),
);
const countryNames = new Map<string, { region: string; name: RegExp; zone: string }[]>();

/** The countries where the platform has a locale of the language, their names in it, and their one clock. */
function countriesOf(language: string): { region: string; name: RegExp; zone: string }[] {
  const known = countryNames.get(language);
  if (known) return known;
  const countries: { region: string; name: RegExp; zone: string }[] = [];
  try {
    const code = new Intl.Locale(language).language;
    const names = new Intl.DisplayNames([code], { type: "region", fallback: "none" });
    for (const region of REGIONS) {
      let name: string | undefined;
      try {
        if (new Intl.DateTimeFormat(`${code}-${region}`).resolvedOptions().locale !== `${code}-${region}`) continue;
        name = names.of(region);
      } catch {
        continue;
      }
      // A hyphened name is a saint's as often as a country's ("l'église Saint-Martin"): not read.
      const zone = name && name.length > 3 && !name.includes("-") ? clockOf(region) : undefined;
      if (name === undefined || zone === undefined) continue;
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      countries.push({ region, zone, name: new RegExp(`(?<![\\p{L}\\p{M}-])${escaped}(?![\\p{L}\\p{M}-])`, "gu") });
    }
  } catch {
    // a language the platform does not know: no country read
  }
  countryNames.set(language, countries);
  return countries;
}

/** The country of the language the page names most often (none on a tie), and its clock. */
function namedCountry(text: string, language: string): { region: string; zone: string } | undefined {
  let best: { region: string; zone: string; count: number } | undefined;
  let tie = false;
  for (const { region, name, zone } of countriesOf(language)) {
    const count = text.match(name)?.length ?? 0;
    if (count === 0 || (best && count < best.count)) continue;
    tie = best !== undefined && count === best.count;
    if (!tie) best = { region, zone, count };
  }
  return best && !tie ? best : undefined;
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
    zone = region ? clockOf(region) : undefined;
  } catch {
    zone = undefined;
  }
  regionZones.set(language, zone);
  return zone;
}

/**
 * The clock more than half of a country's zones keep now: Spain's (Madrid and Ceuta against the
 * Canaries), Portugal's, Chile's, Mexico's; none where no clock has a majority.
 */
function clockOf(region: string): string | undefined {
  const zones = zonesOf(region);
  const now = new Date();
  const clocks = new Map<string | undefined, string[]>();
  for (const one of zones) clocks.set(offsetAt(one, now), [...(clocks.get(offsetAt(one, now)) ?? []), one]);
  return [...clocks.values()].find((same) => same.length * 2 > zones.length)?.[0];
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
