// Bylines and datelines: the lines that say who wrote the story and when, which an editor moves
// into the story's authors and date rather than leaving them as paragraphs.

const BYLINE = /^(?:by|words\s+by|written\s+by|words|text)\s*[:\s]\s*(?<rest>\S.*)$/iu;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|(?:de|da|van|von|der|den|del|la|le|al|bin|ibn)|\p{Lu}\.)$/u;

/** "By Ana Ferreira and Sam Lee | Staff" → the names; undefined when the line is not a byline. */
export function bylineNames(line: string): string[] | undefined {
  const rest = BYLINE.exec(line)?.groups?.rest;
  if (!rest) return undefined;
  // What follows a bar, or a comma and a single word, is a role or an outlet, not a name.
  const [names = ""] = rest.split(/\s+\|\s+|\s+[-–—]\s+/u);
  const parts = names
    .split(/\s*,\s*|\s+(?:and|&)\s+/iu)
    .map((part) => part.trim())
    .filter(Boolean);
  const people = parts.filter((part, index) => index === 0 || part.split(/\s+/).length >= 2);
  if (people.length === 0 || people.length > 6) return undefined;
  if (!people.every(isPersonName)) return undefined;
  return people.map(caseName);
}

function isPersonName(name: string): boolean {
  const words = name.split(/\s+/);
  // Latin letters: a name must give an author page its slug.
  return words.length >= 2 && words.length <= 4 && words.every((word) => NAME_WORD.test(word)) && /[a-z]/iu.test(name);
}

/** SAMIR OKONJO → Samir Okonjo; names already in mixed case stay as written. */
function caseName(name: string): string {
  if (/\p{Ll}/u.test(name)) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

// --- Datelines ----------------------------------------------------------------------------------

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const monthOf = (word: string): number | undefined => {
  const index = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return index === -1 ? undefined : index + 1;
};
const LEAD = /^(?:(?:first\s+)?published|(?:last\s+)?updated|posted|date)\s*(?:on|at)?\s*:?\s*/iu;
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/iu;
const MONTH =
  "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DATE_FORMS = [
  new RegExp(`^(?<day>\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(?<year>\\d{4})`, "iu"),
  new RegExp(`^${MONTH}\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})`, "iu"),
  /^(?<year>\d{4})-(?<monthNumber>\d{2})-(?<day>\d{2})/u,
];
const TIME =
  /^(?:,|\s)*(?:at\s+|[-–—]\s*)?(?<hour>\d{1,2})(?:[:.](?<minute>\d{2}))?\s*(?<half>am|pm|a\.m\.|p\.m\.)?\s*(?:gmt|utc|z)?$/iu;

/** A line that is only a date (and perhaps a time): the moment it names, in UTC, else undefined. */
export function datelineMoment(line: string): string | undefined {
  const text = line.replace(LEAD, "").replace(WEEKDAY, "").trim();
  for (const form of DATE_FORMS) {
    const match = form.exec(text);
    const groups = match?.groups;
    if (!match || !groups) continue;
    const month = groups.monthNumber ? Number(groups.monthNumber) : monthOf(groups.month ?? "");
    const [year, day] = [Number(groups.year), Number(groups.day)];
    const rest = text.slice(match[0].length).trim();
    let hour = 0;
    let minute = 0;
    if (rest && !/^(?:,\s*)?(?:gmt|utc)?$/iu.test(rest)) {
      const time = TIME.exec(rest)?.groups;
      if (!time) return undefined;
      hour = Number(time.hour);
      minute = Number(time.minute ?? 0);
      if (time.half && (hour < 1 || hour > 12)) return undefined;
      if (time.half) hour = (hour % 12) + (/^p/i.test(time.half) ? 12 : 0);
    }
    if (!month || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined;
    const moment = new Date(Date.UTC(year, month - 1, day, hour, minute));
    if (moment.getUTCDate() !== day) return undefined;
    return moment.toISOString();
  }
  return undefined;
}
