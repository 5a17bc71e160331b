// Where a page's times are meant when it prints them without a zone and the import was given none:
// the zone of the country that writes most news in the page's language, the language told by
// franc-min from the page's words. A guess, so --time-zone (the outlet's own) always wins.
import { franc } from "franc-min";

/** ISO 639-3 code (as franc-min gives it) → the IANA zone of most of that language's newsrooms. */
const ZONE_OF_LANGUAGE: Record<string, string> = {
  eng: "Europe/London",
  spa: "Europe/Madrid",
  cat: "Europe/Madrid",
  fra: "Europe/Paris",
  deu: "Europe/Berlin",
  ita: "Europe/Rome",
  nld: "Europe/Amsterdam",
  swe: "Europe/Stockholm",
  dan: "Europe/Copenhagen",
  nob: "Europe/Oslo",
  pol: "Europe/Warsaw",
  ces: "Europe/Prague",
  por: "America/Sao_Paulo",
  ell: "Europe/Athens",
  rus: "Europe/Moscow",
  ukr: "Europe/Kyiv",
  jpn: "Asia/Tokyo",
  tur: "Europe/Istanbul",
  ind: "Asia/Jakarta",
  kor: "Asia/Seoul",
  cmn: "Asia/Shanghai",
  hin: "Asia/Kolkata",
  vie: "Asia/Ho_Chi_Minh",
  ron: "Europe/Bucharest",
};

export interface PageZone {
  zone: string;
  language: string;
}

/** The zone guessed from the page's language, or undefined when the language is not told or has no one zone. */
export function pageZone(text: string): PageZone | undefined {
  const language = franc(text, { minLength: 40 });
  const zone = ZONE_OF_LANGUAGE[language];
  return zone === undefined ? undefined : { zone, language };
}
