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
 * the one most of its zones keep), or in the zone of the city it names most ("Kuala Lumpur",
 * "Paramaribo": the cities the platform's zones are named after), names and cities counted together:
 * a language cannot tell Singapore's English from Britain's.
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
interface Place {
  region: string;
  name: RegExp;
  zone: string;
}
const placeNames = new Map<string, Place[]>();

/** A place's name as a pattern of whole words (a hyphen is part of a word). */
const wholeName = (name: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{M}-])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{M}-])`, "gu");

/**
 * The countries where the platform has a locale of the language, by their names in it (long and
 * short: "Hong Kong SAR China", "Hong Kong") with their one clock, and by the cities their time
 * zones are named after ("Asia/Kuala_Lumpur", "Pacific/Apia", "America/Paramaribo") with that zone.
 */
function placesOf(language: string): Place[] {
  const known = placeNames.get(language);
  if (known) return known;
  const places: Place[] = [];
  try {
    const code = new Intl.Locale(language).language;
    const names = ["long", "short"].map(
      (style) => new Intl.DisplayNames([code], { type: "region", style: style as "long", fallback: "none" }),
    );
    for (const region of REGIONS) {
      let countryNames: string[];
      try {
        if (new Intl.DateTimeFormat(`${code}-${region}`).resolvedOptions().locale !== `${code}-${region}`) continue;
        countryNames = [...new Set(names.map((display) => display.of(region) ?? ""))];
      } catch {
        continue;
      }
      const clock = clockOf(region);
      // A hyphened name is a saint's as often as a country's ("l'église Saint-Martin"): not read.
      for (const name of countryNames)
        if (clock && name.length > 3 && !name.includes("-"))
          places.push({ region, zone: clock, name: wholeName(name) });
      for (const zone of zonesOf(region)) {
        const city = zone.split("/").pop()?.replaceAll("_", " ") ?? "";
        // Not a city in the country's own name, which alone is another word ("Christmas" of Christmas Island).
        const inCountryName = countryNames.some((name) => name.includes(city));
        if (city.length > 3 && !city.includes("-") && !inCountryName)
          places.push({ region, zone, name: wholeName(city) });
      }
    }
  } catch {
    // a language the platform does not know: no country read
  }
  placeNames.set(language, places);
  return places;
}

/**
 * The country of the language the page names most often, by its name or its zones' cities (none on
 * a tie), and the clock of the name it gives most: the country's one clock, or a named city's zone.
 */
function namedCountry(text: string, language: string): { region: string; zone: string } | undefined {
  const named = new Map<string, { count: number; zone: string; most: number }>();
  for (const { region, name, zone } of placesOf(language)) {
    const count = text.match(name)?.length ?? 0;
    if (count === 0) continue;
    const tally = named.get(region) ?? { count: 0, zone, most: 0 };
    tally.count += count;
    if (count > tally.most) Object.assign(tally, { zone, most: count });
    named.set(region, tally);
  }
  const [first, second] = [...named].sort(([, a], [, b]) => b.count - a.count);
  if (!first || (second && second[1].count === first[1].count)) return undefined;
  return { region: first[0], zone: first[1].zone };
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
