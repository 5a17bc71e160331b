// Bylines and datelines: the lines that say who wrote the story and when, which an editor moves
// into the story's authors and date rather than leaving them as paragraphs.
import { zonesOf } from "./pageZone";

// "By", "Words by", and the other languages' words: "Por", "Par", "Von", "di".
// Dutch "Door", Catalan "Per", Swedish "Av", "Autor:", "Texto:", and a live blog's "Edited by" too.
const BYLINE =
  /^(?:by|words\s+by|written\s+by|edited\s+by|words|text|texto|tekst|por|par|von|di|door|per|av|autor|autora|penulis|laporan|reporter|oleh|yazan|muhabir)\s*[:\s]\s*(?<rest>\S.*)$/iu;
/**
 * A desk or an agency credited in place of a person: "Redaktion Heidebote Online", "Redação JPL",
 * "Coast Today newsroom", "Kıyı Haber Ajansı", "Local Democracy Reporting Service". Not an author.
 */
export const DESK_WORDS = String.raw`redacci[oó]n|redação|redacao|redaktion|redazione|redactie|rédaction|redaksi|redaksjon|newsroom|staff|desk|news\s+agency|agency|agencia|agência|agenzia|agentur|ajansı|reporting\s+service|news\s+service|licensing\s+rights`;
const DESK_OR_AGENCY = new RegExp(`(?<!\\p{L})(?:${DESK_WORDS})(?!\\p{L})`, "iu");
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|(?:de|da|das|do|dos|di|du|van|von|der|den|del|la|le|al|bin|ibn)|\p{Lu}\.)$/u;
/** A job title after a name: "Showbiz Reporter", "Health correspondent". */
export const JOB_TITLE =
  /^(?:senior\s+|chief\s+|deputy\s+|local\s+democracy\s+)?(?:[\p{L}'’]+\s+){0,2}(?:reporter|correspondent|editor|writer|columnist)$/iu;

/** "By Ana Ferreira and Sam Lee | Staff" → the names; undefined when the line is not a byline. */
export function bylineNames(line: string): string[] | undefined {
  const rest = BYLINE.exec(line)?.groups?.rest;
  if (!rest) return undefined;
  // What follows a bar, or a comma and a single word, is a role or an outlet, not a name.
  // So is an outlet in brackets ("(APC)"), or after a comma what is not a name ("Folha do Serrado", a job title).
  const [names = ""] = rest.replace(/\s*\([^)]{1,40}\)\s*$/u, "").split(/\s+\|\s+|\s+[-–—]\s+/u);
  const parts = names
    .split(/\s*,\s*|\s*\/\s*|\s+(?:and|&|y|et|und|e|en|i|och|og)\s+/iu)
    .map((part) => part.trim())
    .filter(Boolean);
  // A list of names ends with "and": without one, what follows a comma is a role or an outlet.
  const list = /\s(?:and|&|y|et|und|e|en|i|och|og)\s|\s\/\s/iu.test(names);
  const people = parts.filter(
    (part, index) =>
      index === 0 || (list && part.split(/\s+/).length >= 2 && isPersonName(part) && !JOB_TITLE.test(part)),
  );
  if (people.length === 0 || people.length > 6) return undefined;
  if (!people.every(isPersonName)) return undefined;
  return people.map(caseName);
}

/**
 * Names and nothing else, a byline without its "By": "Rhian Pell", or a list of them ending in
 * "and" (in the page's language) or set with slashes: "Matt Devereux, Sophie Tran and Ravi Goel".
 */
export function namesAlone(line: string): string[] | undefined {
  if (!/\p{Ll}/u.test(line) || ARTICLE_OR_SITE.test(line)) return undefined;
  const parts = line.split(NAME_LIST).map((part) => part.trim());
  // Without "and", what follows a comma is a role or an outlet ("Priya Anand-Walsh, Consumer Affairs").
  if (parts.length > 6 || (parts.length > 1 && !ENDS_NAME_LIST.test(line))) return undefined;
  return parts.every((part) => isPersonName(part) && !JOB_TITLE.test(part)) ? parts : undefined;
}
export const isNameAlone = (line: string): boolean => namesAlone(line) !== undefined;

/**
 * Who said a pull quote, on the line under it without a dash: a name, and perhaps after a comma who
 * they are ("Tomasz Wilde, Crestmoor University", "Esther Kooistra, bijenonderzoeker", "Jasmine Kell").
 */
export function isNameAttribution(line: string): boolean {
  if (line.length > 120 || /[.!?:;"”»)]$/u.test(line)) return false;
  const comma = line.indexOf(",");
  const name = comma === -1 ? line : line.slice(0, comma);
  const role = comma === -1 ? "" : line.slice(comma + 1).trim();
  // "Related Stories", "Read This Next": a box's title, shaped as a name.
  if (/(?<!\p{L})(?:related|stories|read|more|next|latest|most)(?!\p{L})/iu.test(name)) return false;
  return isNameAlone(name.trim()) && role.split(/\s+/u).filter(Boolean).length <= 6;
}
/** Not a name alone: a byline, an outlet's name ("The Pelham Press"), a row of share buttons ("Facebook X WhatsApp Email"). */
const ARTICLE_OR_SITE =
  /^(?:the|el|la|le|les|der|die|das|il|lo|o|os|a|as|by|por|par|von|di)\s|(?<![\p{L}])(?:facebook|whatsapp|twitter|instagram|email|e-mail|linkedin|press|news|times|post|media)(?![\p{L}])/iu;

function isPersonName(name: string): boolean {
  const words = name.split(/\s+/);
  if (DESK_OR_AGENCY.test(name)) return false;
  // Latin letters: a name must give an author page its slug.
  return words.length >= 2 && words.length <= 4 && words.every((word) => NAME_WORD.test(word)) && /[a-z]/iu.test(name);
}

// --- Credits in any script ----------------------------------------------------------------------

/**
 * The word a byline opens with ("by"), in languages beyond BYLINE's: a catalogue of the
 * preposition or label newsrooms set before a writer's name, written once for many languages
 * (Afrikaans, Welsh, Irish, Maltese, Hausa, Yoruba, Swahili, Icelandic, Nordic, Baltic, Slavic,
 * Finno-Ugric, Balkan, Turkic and Caucasian ones), not for one set's pages. Only read on a line
 * the page sets among its credits (creditNames), where a name follows.
 */
const BY_WORDS = [
  "deur",
  "gan",
  "ulat ni",
  "ni",
  "โดย",
  "γράφει ο",
  "γράφει η",
  "γράφει",
  "كتب",
  "كتبت",
  "بقلم",
  "מאת",
  "minn",
  "daga",
  "láti ọwọ́",
  "lati owo",
  "na",
  "eftir",
  "af",
  "kirjoittanut",
  "teksti",
  "írta",
  "szerző",
  "szöveg",
  "autorius",
  "autors",
  "autor",
  "avtor",
  "автор",
  "авторы",
  "аўтар",
  "piše",
  "пише",
  "napisao",
  "napisala",
  "napísal",
  "napísala",
  "napsal",
  "napsala",
  "nga",
  "από",
  "του",
  "της",
  "kirjutas",
  "muallif",
  "müəllif",
  "yazar",
  "автори",
  "ავტორი",
  "հեղինակ",
];
const BY_WORD = new RegExp(
  `^(?:${BY_WORDS.map((word) => word.replace(/\s/gu, "\\s+")).join("|")})\\s+(?=\\p{L})(?<rest>.+)$`,
  "iu",
);
/** A byline's word or label on a line of its own, the name on the next ("Por", "Συντάκτης:", "Autor:"). */
export function isCreditLabelAlone(line: string): boolean {
  const text = line.trim();
  if (text.length > 30 || /\p{N}/u.test(text)) return false;
  if (/^[\p{L}\p{M}]+(?:[\s'’-][\p{L}\p{M}]+){0,2}\s?[:：፦՝]$/u.test(text)) return true;
  return BYLINE.test(`${text} Aa`) || BY_WORD.test(`${text} Aa`);
}
/** A label before a colon opening a line ("Avtor:", "Muallif:", "Հեղինակ՝", "ዘጋቢ፦"): a word or three, in any script. */
const CREDIT_LABEL = /^(?<label>[\p{L}\p{M}]+(?:[\s'’-][\p{L}\p{M}]+){0,2})\s?[:：፦՝]\s*(?<rest>\S.*)$/u;
/** A word of a name in a script with case: capitalised, marks and all ("Ògúndèjì", "Мкртчյան"), or an initial. */
const CASED_NAME_WORD = /^(?:\p{Lu}\p{M}*[\p{L}\p{M}'’.-]*|\p{Lu}\p{M}*\.)$/u;
/** A word of a script without case (Devanagari, Ethiopic, Georgian): letters and their marks. */
const UNCASED_WORD = /^[\p{L}\p{M}]+$/u;
/** An initial or a title shortened with a dot in such a script, before the name's last word ("కె.", "ഡോ."). */
const UNCASED_INITIAL = /^[\p{L}\p{M}]{1,4}\.$/u;
/** A particle inside a name, in lower case: "ap", "van", "de", "bin". */
const NAME_PARTICLE =
  /^(?:de|da|das|do|dos|di|du|del|della|van|von|der|den|ter|te|zu|la|le|al|el|bin|binti|bint|ibn|ap|ab|ferch|y|e|i|dei|af|av|mac|nic|ní|ó|ua)$/u;
/** Every two-letter code of these letters ("aa" … "zz"): the languages or regions to ask the platform about. */
const twoLetterCodes = (letters: string): string[] =>
  [...letters].flatMap((first) => [...letters].map((second) => first + second));

/**
 * The word for "and" between two names: the hand list's, and those of every language the platform
 * joins lists in (`Intl.ListFormat`: "og", "a", "na", "və", "и", "და") that are no name's particle
 * ("da", "de" stand inside names) and not "at" or "in" (where the writer was).
 */
const AND_WORDS = [
  ...new Set([
    ...["and", "&", "y", "et", "und", "e", "en", "i", "och", "og"],
    ...Intl.ListFormat.supportedLocalesOf(twoLetterCodes("abcdefghijklmnopqrstuvwxyz"))
      .flatMap(
        (locale) =>
          /^Aaa\s(\p{L}+)\s+Bbb$/u.exec(
            new Intl.ListFormat(locale, { type: "conjunction" }).format(["Aaa", "Bbb"]),
          )?.[1] ?? [],
      )
      .filter((word) => !NAME_PARTICLE.test(word) && word !== "at" && word !== "in"),
  ]),
];
const NAME_LIST = new RegExp(`\\s*,\\s*|\\s*\\/\\s*|\\s+(?:${AND_WORDS.join("|")})\\s+`, "iu");
const ENDS_NAME_LIST = new RegExp(`\\s(?:${AND_WORDS.join("|")})\\s|\\s\\/\\s`, "iu");

/** Scripts written without spaces between words, where a space does not part a name's words. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A person's name in any script: two to four name words, no digits, no desk nor agency. */
export function isNameInAnyScript(name: string): boolean {
  const words = name.split(/\s+/u).filter(Boolean);
  if (words.length < 2 || words.length > 4 || DESK_OR_AGENCY.test(name) || JOB_TITLE.test(name)) return false;
  // An outlet's or a wire's name ("The Lakehead Courier", "Southern Cross Newswire"), an agency's
  // letters among names in mixed case ("Par AFN").
  if (ARTICLE_OR_SITE.test(name) || /wire(?!\p{L})/iu.test(name)) return false;
  if (/\p{Ll}/u.test(name) && words.some((word) => /^\p{Lu}{2,}$/u.test(word))) return false;
  if (UNSPACED_SCRIPT.test(name)) return false;
  return words.every((word, index) => {
    if (!/[\p{Lu}\p{Ll}]/u.test(word))
      return UNCASED_WORD.test(word) || (index < words.length - 1 && UNCASED_INITIAL.test(word));
    if (CASED_NAME_WORD.test(word)) return true;
    return index > 0 && index < words.length - 1 && NAME_PARTICLE.test(word);
  });
}

/**
 * The names of a line set as a credit, in any script: "Avtor: Urška Kovačič", "Հեղինակ՝ Անի Մկրտչյան",
 * "ዘጋቢ፦ ሰላማዊት ተስፋዬ", "Deur Marelize Fourie", "Brenda Nakato | Business Reporter", "प्रशांत कुलकर्णी";
 * undefined when what is left is not names. For lines read as credits by where they stand (reader.ts).
 */
export function creditNames(line: string): string[] | undefined {
  return creditOf(line)?.names;
}

/**
 * A credit line's names and what opens it: "by" for a by-word (BYLINE's or BY_WORDS'), the label
 * before a colon in lower case ("avtor", "fotos", "editor"), "" for names alone.
 */
/**
 * A by-word no list knows, in a script with case: a short word in lower case before two or more
 * capitalised ones ("de Bogdan Cozma", "na Wanjiru Kamau"), perhaps after a capitalised word ("Texto
 * de …", "Site n'aka …", "Yanditswe na …"), though not English's "by" there, whose writers' phrases
 * BYLINE names ("Written by") and the rest credit others ("Photos by", "Reviewed by"); not "at" or
 * "in", where the writer was ("at Brannock Lane"). Not read on a line that is a name as it stands: a name's particle stands before one ("de
 * Souza", "Ana de Souza Lima").
 */
const BY_PHRASE =
  /^(?!(?:at|in)\s)(?:\p{Lu}[\p{Ll}\p{M}]+\s+(?!by\s))?\p{Ll}[\p{Ll}\p{M}'’]{0,4}\s+(?<rest>\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*)+)$/u;

export function creditOf(line: string): { names: string[]; label: string } | undefined {
  const text = line.trim();
  if (/\p{N}/u.test(text) || /[.!?。।።]$/u.test(text.replace(/(?<!\p{L})\p{Lu}\.$/u, ""))) return undefined;
  const byRest =
    BYLINE.exec(text)?.groups?.rest ??
    BY_WORD.exec(text)?.groups?.rest ??
    (isNameInAnyScript(text) ? undefined : BY_PHRASE.exec(text)?.groups?.rest);
  const labelled = byRest === undefined ? CREDIT_LABEL.exec(text)?.groups : undefined;
  const rest = byRest ?? labelled?.rest ?? text;
  // A role or an outlet after a bar or a dash ("| Business Reporter", "- Showbuzz Reporter"), or in
  // brackets; where the writer was, after "at" or "in" ("Lachlan Byrne at Garrick Oval").
  const [names = ""] = rest
    .replace(/\s*\([^)]{1,40}\)\s*$/u, "")
    .split(/\s+[|·•]\s+|\s+[-–—]\s+|\s+(?:at|in)\s+(?=\p{Lu})/u);
  const parts = names
    .split(NAME_LIST)
    .map((part) => part.trim())
    .filter(Boolean);
  // Without "and", what follows a comma is a role or an outlet ("Priya Anand-Walsh, Consumer Affairs").
  const people = ENDS_NAME_LIST.test(names) ? parts : parts.slice(0, 1);
  if (people.length === 0 || people.length > 6 || !people.every(isNameInAnyScript)) return undefined;
  return {
    names: people.map(caseName),
    label: byRest !== undefined ? "by" : (labelled?.label?.toLowerCase() ?? ""),
  };
}

/** SAMIR OKONJO → Samir Okonjo; names already in mixed case stay as written. */
function caseName(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

// --- Datelines ----------------------------------------------------------------------------------

// Month names and their shortenings in the Latin-script languages of the corpus and the blind sets:
// English, Spanish, French, German, Portuguese, Italian, Dutch, Swedish, Polish, Catalan, Turkish and
// Indonesian. A word names a month when it is a name or the first three
// letters or more of one ("Sept", "janv", "dic").
const MONTH_NAMES = [
  "january enero janvier januar jänner janeiro gennaio januari gener stycznia styczeń ocak",
  "february febrero février februar fevereiro febbraio februari febrer lutego luty şubat pebruari",
  "march marzo mars märz março maart març marca marzec maret",
  "april abril avril aprile kwietnia kwiecień nisan",
  "may mayo mai maio maggio mei maj maig maja mayıs",
  "june junio juin juni junho giugno juny czerwca czerwiec haziran",
  "july julio juillet juli julho luglio juliol lipca lipiec temmuz",
  "august agosto août augustus augusti agost sierpnia sierpień ağustos agustus",
  "september septiembre setiembre septembre setembro settembre setembre września wrzesień eylül",
  "october octubre octobre oktober outubro ottobre októbre października październik ekim",
  "november noviembre novembre novembro listopada listopad kasım nopember",
  "december diciembre décembre dezember dezembro dicembre desembre grudnia grudzień aralık desember",
].map((names) => names.split(" "));
const monthOf = (word: string): number | undefined => {
  const short = word.toLowerCase().replace(/\.$/u, "");
  if (short.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((names) => names.some((name) => name.startsWith(short)));
  return index === -1 ? platformMonth(short) : index + 1;
};

/**
 * A month the platform names, or its name with an ending of one or two letters, as a page declines
 * it where the platform does not (Tajik "4 декабри 2026" for the platform's "декабр").
 */
function platformMonth(word: string): number | undefined {
  const { months } = platformDateWords();
  for (let cut = 0; cut <= 2 && word.length - cut >= 3; cut += 1) {
    const month = months.get(word.slice(0, word.length - cut));
    if (month !== undefined) return month;
  }
  return undefined;
}

/**
 * Text without its invisible format characters (Unicode's `Cf`): the zero-width joiner and non-joiner
 * the platform writes inside some words and pages leave out ("വെള്ളിയാഴ്‌ച" and "വെള്ളിയാഴ്ച" are one
 * weekday), and the direction marks it puts between an Arabic date's numbers.
 */
const withoutJoiners = (text: string): string => text.replace(/\p{Cf}/gu, "");

/**
 * The date words of every language the platform formats dates in (`Intl.DateTimeFormat`, CLDR's data):
 * month names (long and short, alone and in a date, where many languages decline them: "decembra",
 * "gruodžio"), weekday names, and the words its date-and-time patterns put between the numbers ("kl",
 * "gada", "m", "d", "у", "alle"). A month name two languages give different months is left out.
 * The locales are every two-letter language code the platform supports; built when first needed.
 */
let dateWords: { months: Map<string, number>; words: Set<string> } | undefined;
function platformDateWords(): { months: Map<string, number>; words: Set<string> } {
  if (dateWords) return dateWords;
  const codes = twoLetterCodes("abcdefghijklmnopqrstuvwxyz");
  const monthsOfName = new Map<string, Set<number>>();
  const words = new Set<string>();
  const wordsOf = (text: string) =>
    withoutJoiners(text)
      .toLowerCase()
      .split(/[^\p{L}\p{M}]+/u)
      .filter(Boolean);
  for (const locale of Intl.DateTimeFormat.supportedLocalesOf(codes)) {
    const formats = [
      { month: "long" },
      { month: "short" },
      { day: "numeric", month: "long" },
      { day: "numeric", month: "short" },
    ].map(
      (options) => new Intl.DateTimeFormat(locale, { ...(options as Intl.DateTimeFormatOptions), timeZone: "UTC" }),
    );
    for (let month = 0; month < 12; month += 1) {
      const at = new Date(Date.UTC(2026, month, 15, 12));
      for (const format of formats) {
        const parts = format.formatToParts(at);
        parts.forEach((part, index) => {
          if (part.type !== "month") return;
          const name = withoutJoiners(part.value).toLowerCase().replace(/\.$/u, "");
          if (/^\p{N}+$/u.test(name)) return;
          // A letter the pattern writes onto the month, as Hebrew's "ב" ("3 בדצמבר"): the month so written too.
          const prefix = /(?<=\s|^)[\p{L}\p{M}]{1,2}$/u.exec(parts[index - 1]?.value ?? "")?.[0];
          for (const written of prefix ? [name, prefix.toLowerCase() + name] : [name])
            (monthsOfName.get(written) ?? monthsOfName.set(written, new Set()).get(written))?.add(month + 1);
        });
      }
    }
    for (const weekday of ["long", "short"] as const) {
      const format = new Intl.DateTimeFormat(locale, { weekday, timeZone: "UTC" });
      for (let day = 0; day < 7; day += 1)
        for (const word of wordsOf(format.format(new Date(Date.UTC(2026, 0, 4 + day, 12))))) words.add(word);
    }
    for (const dateStyle of ["full", "long", "medium"] as const) {
      const parts = new Intl.DateTimeFormat(locale, { dateStyle, timeStyle: "short", timeZone: "UTC" }).formatToParts(
        new Date(Date.UTC(2026, 11, 5, 21, 40)),
      );
      for (const part of parts) if (part.type === "literal") for (const word of wordsOf(part.value)) words.add(word);
    }
  }
  const months = new Map<string, number>();
  for (const [name, of] of monthsOfName) {
    if (of.size === 1) months.set(name, [...of][0] ?? 0);
    for (const word of wordsOf(name)) words.add(word);
  }
  dateWords = { months, words };
  return dateWords;
}

/**
 * The periods of the day a 12-hour clock is read with, in every language the platform formats times
 * in (`Intl.DateTimeFormat` with `hourCycle: "h12"`, its `dayPeriod` narrow, short and long: "AM",
 * "Yamma", "सकाळ", "संध्याकाळ", "ከሰዓት", "jioni"), each with whether its hours are after noon; a word
 * some locale gives hours on both sides of noon ("usiku": night, before and after midnight) is left
 * out, as are words of one letter and of several words. Built when first needed.
 */
let dayPeriods: Map<string, boolean> | undefined;
function platformDayPeriods(): Map<string, boolean> {
  if (dayPeriods) return dayPeriods;
  const halves = new Map<string, Set<boolean>>();
  for (const locale of Intl.DateTimeFormat.supportedLocalesOf(twoLetterCodes("abcdefghijklmnopqrstuvwxyz"))) {
    const formats = [undefined, "narrow", "short", "long"].map(
      (dayPeriod) =>
        new Intl.DateTimeFormat(locale, {
          hour: "numeric",
          hourCycle: "h12",
          timeZone: "UTC",
          ...(dayPeriod ? { dayPeriod: dayPeriod as "long" } : {}),
        }),
    );
    for (let hour = 0; hour < 24; hour += 1)
      for (const format of formats) {
        const word = format
          .formatToParts(new Date(Date.UTC(2026, 0, 5, hour, 30)))
          .find((part) => part.type === "dayPeriod")
          ?.value.toLowerCase()
          .replace(/\.$/u, "");
        if (!word || /[\s.]/u.test(word) || [...word].length < 2) continue;
        (halves.get(word) ?? halves.set(word, new Set()).get(word))?.add(hour >= 12);
      }
  }
  dayPeriods = new Map();
  for (const [word, of] of halves) if (of.size === 1) dayPeriods.set(word, [...of][0] === true);
  return dayPeriods;
}

/**
 * A period of the day right before or after a time (at `at`, where the time was taken out of the line),
 * perhaps with a short word between ("na yamma"): one the platform names, or that word with a short
 * ending, as Marathi declines "सकाळ" to "सकाळी" (or the platform's word with such an ending, Punjabi's
 * "ਸ਼ਾਮੀਂ" for "ਸ਼ਾਮ"). Whether it is after noon, and the line without it.
 */
function dayPeriodBeside(rest: string, at: number): { afternoon: boolean; rest: string } | undefined {
  const periods = platformDayPeriods();
  const periodOf = (word: string) => {
    const lower = word.toLowerCase();
    let afternoon = periods.get(lower);
    for (let cut = 1; afternoon === undefined && cut <= 2 && lower.length - cut >= 3; cut += 1)
      afternoon = periods.get(lower.slice(0, -cut));
    if (afternoon === undefined && lower.length >= 3) {
      const declined = [...periods].filter(([period]) => period.startsWith(lower) && period.length - lower.length <= 2);
      const halves = new Set(declined.map(([, half]) => half));
      if (halves.size === 1) afternoon = [...halves][0];
    }
    return afternoon;
  };
  const after = /^\s*(?:[\p{L}\p{M}]{1,3}\s+)?([\p{L}\p{M}]+)/u.exec(rest.slice(at));
  const before = /([\p{L}\p{M}]+)\s*$/u.exec(rest.slice(0, at));
  for (const [match, start] of [
    [after, at],
    [before, 0],
  ] as const) {
    const word = match?.[1];
    const afternoon = word === undefined ? undefined : periodOf(word);
    if (!match || afternoon === undefined) continue;
    const from = start + match.index;
    return { afternoon, rest: `${rest.slice(0, from)} ${rest.slice(from + match[0].length)}` };
  }
  return undefined;
}

/** Zones outlets print after a time, as hours from UTC; ET and PT follow New York's and Los Angeles's summer time. */
const ZONES: Record<string, number | string> = {
  gmt: 0,
  utc: 0,
  z: 0,
  wet: 0,
  bst: 1,
  cet: 1,
  west: 1,
  cest: 2,
  eet: 2,
  eest: 3,
  edt: -4,
  est: -5,
  cdt: -5,
  cst: -6,
  pdt: -7,
  pst: -8,
  ist: 5.5,
  wib: 7,
  wita: 8,
  wit: 9,
  aest: 10,
  aedt: 11,
  nzst: 12,
  nzdt: 13,
  et: "America/New_York",
  pt: "America/Los_Angeles",
};

/**
 * Zone abbreviations the platform prints for a country's zones in that country's English ("EAT" in
 * en-KE, "WAT" in en-NG, "SAST", "SGT", "HKT"), as hours from UTC in January and July; one that two
 * zones give different hours ("IST": Ireland's summer, India) is left out. Read only in capitals, right
 * after a time, where ZONES names none; built when first needed.
 */
let abbreviations: Map<string, number> | undefined;
function platformZoneAbbreviations(): Map<string, number> {
  if (abbreviations) return abbreviations;
  const hoursOf = new Map<string, Set<number>>();
  for (const region of twoLetterCodes("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) {
    let zones: string[] = [];
    try {
      zones = zonesOf(region);
    } catch {
      continue;
    }
    for (const zone of zones)
      for (const at of [new Date(Date.UTC(2026, 0, 15)), new Date(Date.UTC(2026, 6, 15))]) {
        const name = new Intl.DateTimeFormat(`en-${region}`, { timeZone: zone, timeZoneName: "short" })
          .formatToParts(at)
          .find((part) => part.type === "timeZoneName")?.value;
        if (!name || !/^[A-Z]{2,5}$/u.test(name) || name === "GMT" || name === "UTC") continue;
        (hoursOf.get(name) ?? hoursOf.set(name, new Set()).get(name))?.add(offsetIn(zone, at));
      }
  }
  abbreviations = new Map();
  for (const [name, hours] of hoursOf) if (hours.size === 1) abbreviations.set(name, [...hours][0] ?? 0);
  return abbreviations;
}

/** An offset printed after "GMT" or "UTC" ("+7", "+05:30", "-0300"), as hours from UTC. */
function hoursOfOffset(offset: string): number {
  const [, sign = "+", hours = "0", minutes = "0"] = /([+-])(\d{1,2}):?(\d{2})?/u.exec(offset) ?? [];
  return (sign === "-" ? -1 : 1) * (Number(hours) + Number(minutes) / 60);
}

/** Hours from UTC in a named zone at an instant, from the platform's time-zone data. */
function offsetIn(zone: string, at: Date): number {
  const name = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  const [, sign = "+", hours = "0", minutes = "0"] = /GMT([+-])(\d{1,2})(?::(\d{2}))?/u.exec(name ?? "") ?? [];
  return (sign === "-" ? -1 : 1) * (Number(hours) + Number(minutes) / 60);
}

/** Digits of every script the platform numbers in ("۱۴۰۵", "๒๕๖๙", "২০২৬"), as ASCII digits; built when first needed. */
let digits: Map<string, string> | undefined;
function digitsOfScripts(): Map<string, string> {
  if (digits) return digits;
  digits = new Map();
  for (const system of Intl.supportedValuesOf("numberingSystem")) {
    const format = new Intl.NumberFormat(`en-u-nu-${system}`, { useGrouping: false });
    if (format.resolvedOptions().numberingSystem !== system) continue;
    for (let digit = 0; digit <= 9; digit += 1) {
      const shown = format.format(digit);
      if ([...shown].length === 1 && /\p{Nd}/u.test(shown)) digits.set(shown, String(digit));
    }
  }
  return digits;
}
const asciiDigits = (text: string): string =>
  /(?![0-9])\p{Nd}/u.test(text) ? text.replace(/\p{Nd}/gu, (digit) => digitsOfScripts().get(digit) ?? digit) : text;

/**
 * A calendar of the platform's: its year less the Gregorian's (near enough to start a search from),
 * and the Gregorian date of a date in it.
 */
function calendarOf(calendar: string) {
  const numeric = new Intl.DateTimeFormat(`en-u-ca-${calendar}-nu-latn`, {
    timeZone: "UTC",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  });
  const partsOf = (at: number) => {
    const parts = numeric.formatToParts(new Date(at));
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return { year: part("year"), month: part("month"), day: part("day") };
  };
  const yearOffset = partsOf(Date.UTC(2026, 5, 1)).year - 2026;
  /** The Gregorian date of a date in this calendar: the day among the Gregorian year's neighbours that the calendar names so. */
  const gregorian = (year: number, month: number, day: number) => {
    const start = Date.UTC(year - yearOffset - 1, 0, 1);
    for (let at = start; at < start + 3 * 366 * 86_400_000; at += 86_400_000) {
      const parts = partsOf(at);
      if (parts.year === year && parts.month === month && parts.day === day) {
        const date = new Date(at);
        return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
      }
    }
    return undefined;
  };
  return { partsOf, yearOffset, gregorian };
}

/**
 * The platform's calendars of numbered years other than the Gregorian (Persian, Islamic, Buddhist,
 * Ethiopic, Hebrew, Indian…: `Intl.supportedValuesOf("calendar")`), for a date of numbers whose year
 * no Gregorian page prints now ("۱۴۰۵/۰۹/۱۵"): the one calendar whose year now is within ten of it.
 * Built when first needed.
 */
let numberedCalendars: ReturnType<typeof calendarOf>[] | undefined;
function calendarOfYear(year: number): ReturnType<typeof calendarOf> | undefined {
  numberedCalendars ??= Intl.supportedValuesOf("calendar")
    .filter((calendar) => !["gregory", "iso8601", "chinese", "dangi", "japanese", "roc"].includes(calendar))
    .flatMap((calendar) => {
      try {
        return [calendarOf(calendar)];
      } catch {
        return [];
      }
    })
    .filter(({ yearOffset }) => Number.isFinite(yearOffset) && Math.abs(yearOffset) > 20);
  const near = numberedCalendars.filter(({ yearOffset }) => Math.abs(year - yearOffset - 2026) <= 10);
  const offsets = new Set(near.map(({ yearOffset }) => yearOffset));
  return offsets.size === 1 ? near[0] : undefined;
}

/**
 * Calendars other than the Gregorian that pages print dates in, with a language whose month names
 * the platform gives for them: Thai's Buddhist era ("4 ธันวาคม 2569", "4 ธ.ค. 2569"), Persian's
 * Solar Hijri ("۱۴ آذر ۱۴۰۵") and Amharic's Ethiopian calendar ("ኅዳር 28 ቀን 2019 ዓ.ም", thirteen
 * months). Month names (long and short) and the conversion come from Intl.
 */
const CALENDARS = [
  { calendar: "buddhist", locale: "th" },
  { calendar: "persian", locale: "fa" },
  { calendar: "ethiopic", locale: "am" },
].map(({ calendar, locale }) => {
  const { partsOf, gregorian } = calendarOf(calendar);
  const months = new Map<string, number>();
  const names = ["long", "short"].map(
    (month) => new Intl.DateTimeFormat(`${locale}-u-ca-${calendar}`, { timeZone: "UTC", month: month as "long" }),
  );
  for (let day = 0; day < 366; day += 7) {
    const at = Date.UTC(2026, 0, 1) + day * 86_400_000;
    for (const format of names) months.set(format.format(new Date(at)), partsOf(at).month);
  }
  const escaped = [...months.keys()].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.]/gu, "\\."));
  // Day, month and year ("4 ธันวาคม 2569"), or month, day and year with perhaps a word after the day
  // (Amharic's "ኅዳር 28 ቀን 2019").
  const forms = [
    `(?<day>\\d{1,2})\\s+(?<month>${escaped.join("|")})\\s+(?<year>\\d{4})`,
    `(?<month>${escaped.join("|")})\\s+(?<day>\\d{1,2})\\s+(?:[\\p{L}\\p{M}]{1,4}\\s+)?(?<year>\\d{4})`,
  ].map((form) => new RegExp(`(?<![\\p{L}\\p{N}])${form}(?![\\p{N}])`, "u"));
  return { months, forms, gregorian };
});
/**
 * Words a date line carries in the calendars' languages, in scripts whose words do not stand apart, or
 * written with dots inside: Amharic's "ዓ.ም." (the Ethiopian era).
 */
const CALENDAR_DATE_WORDS =
  /ዓ\.\s?ም\.?|ዓ\/ም|วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|ศุกร์|เสาร์|อาทิตย์)(?:ที่)?|เวลา|น\.|เผยแพร่|ปรับปรุง|(?:یک|دو|سه|چهار|پنج)?\s?شنبه|جمعه|ساعت|تاریخ انتشار|انتشار|به‌روزرسانی|بروزرسانی/gu;

const MONTH_WORD = "(?<month>[\\p{L}\\p{M}]{3,12}\\.?)";
/**
 * A short word between the day and the month: Spanish and Portuguese "de", Maltese "ta'" ("6 ta'
 * Diċembru 2026"), Hausa "ga" ("3 ga Disamba, 2026"); the month after it must still be a month.
 */
const LINKING_WORD = "[\\p{L}\\p{M}]{1,3}['’]?";
const DATE_FORMS = [
  // The day and the month, perhaps with a short word between, or a hyphen as the platform's Kyrgyz
  // pattern writes it ("2-декабрь 2026").
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?<day>\\d{1,2})(?:(?:st|nd|rd|th|º|°)?\\.?\\s+(?:${LINKING_WORD}\\s+)?|-)${MONTH_WORD},?\\s+(?:de\\s+)?(?<year>\\d{4})`,
    "iu",
  ),
  new RegExp(
    `(?<![\\p{L}\\p{N}])${MONTH_WORD}\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?:de\\s+)?(?<year>\\d{4})`,
    "iu",
  ),
  // Year first with a month name, as Lithuanian and Hungarian pages print it: "2026 m. gruodžio 5 d.", "2026. december 5.".
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?<year>\\d{4})\\.?\\s+(?:\\p{L}{1,4}\\.?\\s+)?${MONTH_WORD}\\s+(?<day>\\d{1,2})(?![\\p{N}])`,
    "iu",
  ),
  // Year first, then the day with a dot before the month, as Latvian pages print it: "2026. gada 6. decembris".
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?<year>\\d{4})\\.?\\s+(?:\\p{L}{1,4}\\.?\\s+)?(?<day>\\d{1,2})\\.\\s+${MONTH_WORD}(?![\\p{L}])`,
    "iu",
  ),
  // Year first, as Chinese, Japanese and Korean pages print it: "2026年12月4日", "2026년 12월 6일", "2026.12.06".
  /(?<!\p{N})(?<year>\d{4})\s*[年년]\s*(?<monthNumber>\d{1,2})\s*[月월]\s*(?<day>\d{1,2})\s*[日일]/u,
  /(?<!\p{N})(?<year>\d{4})(?<separator>[-./])(?<monthNumber>\d{1,2})\k<separator>(?<day>\d{1,2})(?![\p{N}])/u,
  /(?<![\p{L}\p{N}])(?<day>\d{1,2})(?<separator>[/.-])(?<monthNumber>\d{1,2})\k<separator>(?<year>\d{4})(?![\p{N}])/u,
  // A dot and a space between the numbers, as Slovak, Czech and Hungarian pages print them: "6. 12. 2026".
  /(?<![\p{L}\p{N}])(?<day>\d{1,2})\.\s(?<monthNumber>\d{1,2})\.\s(?<year>\d{4})(?![\p{N}])/u,
  // A two-digit year, as Dutch and Belgian pages print it: "05-12-26, 13:18", "02-12-26 à 06h00".
  /(?<![\p{L}\p{N}])(?<day>\d{1,2})(?<separator>[/.-])(?<monthNumber>\d{1,2})\k<separator>(?<shortYear>\d{2})(?![\p{N}:.])/u,
];
const TIME =
  /(?<![\p{L}\p{N}:])(?<hour>\d{1,2})(?:(?:[:.]|h(?=\d)|\sh\s(?=\d)|\s?[時시]\s?(?=\d))(?<minute>\d{2})[分분]?)?\s*(?<half>am|pm|a\.\s?m\.|p\.\s?m\.)?(?:\s*\(?(?:gmt|utc)(?<offset>[+-]\d{1,2}(?::?\d{2})?)\)?|\s*(?<zone>gmt|utc|z|wet|west|bst|cet|cest|eet|eest|edt|est|cdt|cst|pdt|pst|et|pt|ist|wib|wita|wit|aest|aedt|nzst|nzdt)\b)?/iu;
/** Words a date line may carry besides its date, time and zone, in the six languages. */
const DATE_WORDS = new RegExp(
  `(?<![\\p{L}])(?:${[
    "first|published|posted|date|on|at|the|\\d+\\s+min(?:ute)?s?\\s+read",
    "publicado|publicada|el|a\\s+las|las|hrs|h|de",
    "publié|le|à",
    "veröffentlicht|am|um|uhr",
    "em|às|as",
    "pubblicato|il|alle|ore",
    "gepubliceerd|op|om|publicerad|kl|opublikowano|publicat|a\\s+les|les|erstellt|publiziert",
    "mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?",
    "lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche",
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag",
    "segunda(?:-feira)?|terça(?:-feira)?|quarta(?:-feira)?|quinta(?:-feira)?|sexta(?:-feira)?",
    "lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica",
    "senin|selasa|rabu|kamis|jumat|sabtu|minggu|diterbitkan|diperbarui|pazartesi|salı|çarşamba|perşembe|cuma|cumartesi|pazar|yayınlanma|güncelleme",
    "입력|송고시간|기사입력|発信|公開|发布时间|发布",
  ].join("|")})(?![\\p{L}])\\.?`,
  "giu",
);
const UPDATED =
  /(?<![\p{L}])(?:last\s+)?(?:updated|actualizado|actualizada|mis\s+à\s+jour|modifié|aktualisiert|atualizado|atualizada|aggiornato|ultimo\s+aggiornamento|ultimo\s+agg\.|bijgewerkt|aangepast|uppdaterad|aktualizacja|actualitzat|수정|更新|ปรับปรุง|به‌روزرسانی|بروزرسانی)(?![\p{L}])/iu;
const PUBLISHED =
  /(?<![\p{L}])(?:first\s+)?(?:published|posted|publicado|publicada|publié|veröffentlicht|erstellt|publiziert|pubblicato|gepubliceerd|publicerad|opublikowano|publicat)(?![\p{L}])/iu;

/** When a story went up or was last changed: a line with a date and perhaps a time, and nothing else. */
export interface Dateline {
  /** The moment it names, in UTC. */
  moment: string;
  /** Only an update time ("Updated 14 March 2026, 11:02"): the first publication is given elsewhere, if at all. */
  updated: boolean;
}

/** "Published 14:12 GMT, 9 Feb 2026", "Publié le 14/03/2026 à 09h30, mis à jour à 11h02" → the first-publication time. */
export function readDateline(line: string, timeZone = "UTC"): Dateline | undefined {
  const updated = UPDATED.exec(line);
  if (!updated) {
    const moment = momentOf(line, timeZone);
    return moment ? { moment, updated: false } : undefined;
  }
  // A line giving both times: the first publication, before the update or after its own word.
  const published = PUBLISHED.exec(line);
  if (published && published.index > updated.index) {
    const moment = momentOf(line.slice(published.index), timeZone);
    const update = line.slice(updated.index + updated[0].length, published.index).replace(/[\s|•·,;–—-]+$/u, "");
    return moment && momentOf(update) ? { moment, updated: false } : undefined;
  }
  if (updated.index > 0) {
    const before = line.slice(0, updated.index).replace(/[\s|•·,;–—-]+$/u, "");
    const moment = momentOf(before, timeZone);
    const after = line.slice(updated.index + updated[0].length);
    return moment && (momentOf(after) || RELATIVE_OR_TIME.test(after.trim())) ? { moment, updated: false } : undefined;
  }
  const moment = momentOf(line.slice(updated[0].length), timeZone);
  return moment ? { moment, updated: true } : undefined;
}

/** What may follow an update word when only the first publication has a full date: "à 11h02", "há 2 horas". */
const RELATIVE_OR_TIME =
  /^(?:[:\s]*(?:à|at|um|às|alle|ore)?\s*\d{1,2}(?:[:.h]\d{2})?(?:\s*uhr)?|[:\s]*(?:há|hace|il y a|vor)?\s*\d+\s+\p{L}+(?:\s+ago)?)$/iu;

/** A line that is only a date (and perhaps a time): the moment it names, in UTC, else undefined. */
export function datelineMoment(line: string): string | undefined {
  return readDateline(line)?.moment;
}

/**
 * A date word of the platform's with a prefix of one or two letters, as Xhosa and Zulu write a weekday
 * with its noun's prefix ("UMvulo" for the platform's "Mvulo"); the word left four letters or more.
 */
const prefixedDateWord = (word: string, words: Set<string>): boolean =>
  [1, 2].some((cut) => word.length - cut >= 4 && words.has(word.slice(cut)));

/** The moment a date line names; a time printed without a zone is read in `timeZone` (an IANA name). */
function momentOf(line: string, timeZone = "UTC"): string | undefined {
  // A label before a colon ("Publikované:", "Avaldatud:", "Birt:"), in any language: what a date line opens with.
  let rest = asciiDigits(withoutJoiners(line))
    .replace(/^[\s:]+/u, "")
    .replace(/^[\p{L}\p{M}][\p{L}\p{M} ]{0,30}:\s+(?=\p{N}|[\p{L}\p{M}]+,?\s+\p{N})/u, "")
    // One capitalised word before a date of numbers and nothing else but a time, with no colon
    // ("Publisert 07.12.2026 09:12"); not in a script without capitals, whose words do not stand apart.
    .replace(/^\p{Lu}[\p{Ll}\p{M}]{2,}\s+(?=\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:,?\s+\d{1,2}[:.]\d{2})?\s*$)/u, "");
  let date: { year: number; month: number; day: number } | undefined;
  for (const { months, forms, gregorian } of CALENDARS) {
    const match = forms.map((form) => form.exec(rest)).find(Boolean);
    if (!match?.groups) continue;
    const { day = "", month = "", year = "" } = match.groups;
    date = gregorian(Number(year), months.get(month) ?? 0, Number(day));
    if (!date) return undefined;
    rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`.replace(
      CALENDAR_DATE_WORDS,
      " ",
    );
    break;
  }
  for (const form of date ? [] : DATE_FORMS) {
    const match = form.exec(rest);
    const groups = match?.groups;
    if (!match || !groups) continue;
    const month = groups.monthNumber ? Number(groups.monthNumber) : monthOf(groups.month ?? "");
    if (!month) continue;
    date = {
      year: groups.shortYear ? 2000 + Number(groups.shortYear) : Number(groups.year),
      month,
      day: Number(groups.day),
    };
    // A year of numbers no Gregorian page prints now, in the one other calendar it is this year of.
    if (groups.monthNumber && (date.year < 1900 || date.year > 2200)) {
      const calendar = calendarOfYear(date.year);
      date = calendar?.gregorian(date.year, date.month, date.day);
      if (!date) return undefined;
    }
    rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
    break;
  }
  if (!date) return undefined;
  let [hour, minute] = [0, 0];
  let zone: string | undefined;
  let printedHours: number | undefined;
  const time = TIME.exec(rest);
  if (time?.groups && (time.groups.minute !== undefined || time.groups.half !== undefined)) {
    hour = Number(time.groups.hour);
    minute = Number(time.groups.minute ?? 0);
    const half = time.groups.half;
    if (half && (hour < 1 || hour > 12)) return undefined;
    if (half) hour = (hour % 12) + (/^p/iu.test(half) ? 12 : 0);
    zone = time.groups.zone?.toLowerCase();
    // An offset from GMT or UTC printed after the time ("09:20 (GMT+7)"): those hours.
    if (time.groups.offset) [zone, printedHours] = [`gmt${time.groups.offset}`, hoursOfOffset(time.groups.offset)];
    rest = `${rest.slice(0, time.index)} ${rest.slice(time.index + time[0].length)}`;
    // A time of a 12-hour clock with the period of the day in words ("सकाळी १०:१५", "4:10 na yamma").
    const period = half ? undefined : dayPeriodBeside(rest, time.index);
    if (period && hour >= 1 && hour <= 12) {
      hour = (hour % 12) + (period.afternoon ? 12 : 0);
      rest = period.rest;
    }
    const printed = zone === undefined ? /^\s*([A-Z]{2,5})(?![\p{L}])/u.exec(rest.slice(time.index)) : null;
    const hours = printed?.[1] === undefined ? undefined : platformZoneAbbreviations().get(printed[1]);
    if (printed && hours !== undefined) {
      zone = printed[1]?.toLowerCase();
      printedHours = hours;
    }
    // One the platform does not print ("NPT"): a zone all the same, read as the page's clock.
    if (printed) rest = `${rest.slice(0, time.index)} ${rest.slice(time.index + printed[0].length)}`;
  } else {
    const bare = /(?<![\p{L}])(gmt|utc)(?![\p{L}])/iu.exec(rest);
    if (bare) {
      rest = rest.replace(bare[0], " ");
      zone = "utc";
    }
  }
  // Nothing else but the words a date line carries and separators.
  const left = rest.replace(DATE_WORDS, " ");
  if (/\p{N}/u.test(left)) return undefined;
  const { words } = platformDateWords();
  if (
    !left
      .toLowerCase()
      .split(/[^\p{L}\p{M}]+/u)
      .every((word) => word === "" || words.has(word) || prefixedDateWord(word, words))
  )
    return undefined;
  const { year, month, day } = date;
  if (day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (local.getUTCDate() !== day || local.getUTCMonth() !== month - 1) return undefined;
  const offset = zone === undefined ? timeZone : (ZONES[zone] ?? printedHours ?? 0);
  const hours = typeof offset === "number" ? offset : offsetIn(offset, local);
  return new Date(local.getTime() - hours * 3_600_000).toISOString();
}
