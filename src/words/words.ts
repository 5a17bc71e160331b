// The site's words at work: messages from its catalogue with their `{name}`s filled in, counts by
// the language's plural rules, and times and numbers by Intl in the site's locale and time zone
// (native digits where the locale has them, as ar-EG does). The server and the browser make the
// same Words from the same catalogue and settings, so a page reads the same before and after it
// hydrates. The catalogue is data (the page carries it), not code the bundle ships per language.
import type { Catalogue, CountKey, TextKey } from "./catalogue";

/** What a message is filled in with: numbers are written in the locale's digits. */
export type Values = Record<string, string | number>;

export interface Words {
  /** The catalogue the words come from (the page data hands it to the browser). */
  readonly catalogue: Catalogue;
  readonly locale: string;
  readonly timeZone: string;
  /** A message, filled in. */
  text(key: TextKey, values?: Values): string;
  /** A message in the form for `count` (which fills `{count}`). */
  count(key: CountKey, count: number, values?: Values): string;
  /** A message cut at its `{name}`s, each given by `fill` (for messages around elements). */
  parts<T>(key: TextKey, fill: (name: string) => T): (string | T)[];
  /** An instant, zone named: "23 Nov 2026, 07:45 UTC" in en-GB. */
  time(instant: string | Date): string;
  /** A number in the locale's digits; `pad` gives at least that many digits. */
  number(value: number, pad?: number): string;
  /** Names joined as the language lists them ("A, B and C"), as parts to put links in. */
  list(names: string[]): { type: "element" | "literal"; value: string }[];
}

export interface WordsSettings {
  locale: string;
  timeZone: string;
}

/** How the site writes an instant: day, short month, year, time, and the zone's name. */
export const TIME_FORMAT: Intl.DateTimeFormatOptions = {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
};

/** The parts of a time that say the clock: a line may break between the date and them, not inside them. */
const CLOCK = new Set<Intl.DateTimeFormatPartTypes>(["hour", "minute", "second", "dayPeriod", "timeZoneName"]);

/**
 * A time's parts joined, the spaces between two clock parts made no-break spaces ("12:45 PM GMT+4" stays on
 * one line). formatToParts gives en-US's narrow no-break space before "PM" where format gives a plain space;
 * both become the one no-break space, which every font has.
 */
function clockKeptWhole(parts: Intl.DateTimeFormatPart[]): string {
  return parts
    .map(({ type, value }, index) => {
      const before = parts[index - 1]?.type;
      const after = parts[index + 1]?.type;
      const insideClock = type === "literal" && before && after && CLOCK.has(before) && CLOCK.has(after);
      return insideClock ? value.replace(/[ \u202f]/g, "\u00a0") : value;
    })
    .join("");
}

/** How many written times a site's words keep before starting again. */
const TIMES_KEPT = 2_000;

export function makeWords(catalogue: Catalogue, { locale, timeZone }: WordsSettings): Words {
  const plural = new Intl.PluralRules(locale);
  const numbers = new Map<number, Intl.NumberFormat>();
  const number = (value: number, pad = 1) => {
    const format = numbers.get(pad) ?? new Intl.NumberFormat(locale, { minimumIntegerDigits: pad });
    numbers.set(pad, format);
    return format.format(value);
  };
  const times = new Intl.DateTimeFormat(locale, { ...TIME_FORMAT, timeZone });
  // The times pages show again and again (a story's, its related stories'), each written once: a
  // server's words live as long as its site, and formatToParts costs twice what format does.
  const timesWritten = new Map<string, string>();
  const lists = new Intl.ListFormat(locale, { type: "conjunction" });
  const fill = (message: string, values: Values = {}) =>
    message.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = values[name] ?? "";
      return typeof value === "number" ? number(value) : value;
    });
  return {
    catalogue,
    locale,
    timeZone,
    text: (key, values) => fill(catalogue[key], values),
    count(key, count, values) {
      const forms = catalogue[key];
      return fill(forms[plural.select(count)] ?? forms.other, { ...values, count });
    },
    parts: (key, give) => catalogue[key].split(/\{(\w+)\}/).map((part, index) => (index % 2 ? give(part) : part)),
    time(instant) {
      const key = typeof instant === "string" ? instant : instant.toISOString();
      let written = timesWritten.get(key);
      if (written === undefined) {
        written = clockKeptWhole(times.formatToParts(new Date(instant)));
        if (timesWritten.size >= TIMES_KEPT) timesWritten.clear();
        timesWritten.set(key, written);
      }
      return written;
    },
    number,
    list: (names) => lists.formatToParts(names),
  };
}

const readersCatalogues = new WeakMap<Catalogue, Catalogue>();

/**
 * The catalogue a reader's page carries in its data: the newsroom's words (staff only, read by
 * src/newsroom/ alone) stay out of every reader page. Typed as the whole catalogue, which reader
 * code may treat it as: it never asks for a newsroom word.
 */
export function readersCatalogue(catalogue: Catalogue): Catalogue {
  let kept = readersCatalogues.get(catalogue);
  if (!kept) {
    const entries = Object.entries(catalogue).filter(([key]) => !key.startsWith("newsroom."));
    kept = Object.fromEntries(entries) as unknown as Catalogue;
    readersCatalogues.set(catalogue, kept);
  }
  return kept;
}
