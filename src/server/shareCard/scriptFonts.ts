// Fonts for the scripts the card's own typefaces lack: Noto Sans per script, from @fontsource
// packages (SIL Open Font License). Each package is cut into slices by Unicode range (its
// unicode.json says which); a card loads only the slices holding characters its text uses, so an
// English card reads no other file and a Japanese one reads a few of Noto Sans JP's 120 slices.
// See docs/decisions/033-card-fonts-per-script.md.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Font } from "satori";

const require = createRequire(import.meta.url);

/** The slices of the card's own typefaces: what they hold needs no other font. */
const OWN_SLICES = ["latin", "latin-ext", "greek", "cyrillic", "vietnamese"];

interface ScriptFamily {
  family: string;
  pkg: string;
  /** When the text has one of these characters, this family goes first for the ones both could draw (Han). */
  prefer?: RegExp;
}

/**
 * In order of fallback: a character goes to the first family with a slice for it. Han characters
 * are drawn in Japanese forms beside kana, Korean beside hangul, and simplified Chinese otherwise.
 */
const FAMILIES: ScriptFamily[] = [
  { family: "Noto Sans Arabic", pkg: "noto-sans-arabic" },
  { family: "Noto Sans Hebrew", pkg: "noto-sans-hebrew" },
  { family: "Noto Sans Devanagari", pkg: "noto-sans-devanagari" },
  { family: "Noto Sans Thai", pkg: "noto-sans-thai" },
  { family: "Noto Sans JP", pkg: "noto-sans-jp", prefer: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
  { family: "Noto Sans KR", pkg: "noto-sans-kr", prefer: /\p{Script=Hangul}/u },
  { family: "Noto Sans SC", pkg: "noto-sans-sc" },
];

type Ranges = [number, number][];

/** "U+0600-06FF,U+200C" as code point ranges. */
export function parseUnicodeRange(value: string): Ranges {
  return value.split(",").map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, "").split("-");
    return [Number.parseInt(from ?? "", 16), Number.parseInt(to ?? "", 16)];
  });
}

const covers = (ranges: Ranges, codePoint: number) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to);

function slicesOf(pkg: string): Map<string, Ranges> {
  const file = require.resolve(`@fontsource/${pkg}/unicode.json`);
  const table = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  return new Map(Object.entries(table).map(([slice, range]) => [slice, parseUnicodeRange(range)]));
}

let tables: { own: Ranges; families: (ScriptFamily & { slices: Map<string, Ranges> })[] } | undefined;

function rangeTables() {
  tables ??= {
    own: [...slicesOf("source-serif-4")].filter(([slice]) => OWN_SLICES.includes(slice)).flatMap(([, r]) => r),
    families: FAMILIES.map((family) => ({
      ...family,
      // The slices for scripts the card's own typefaces hold are never needed from these.
      slices: new Map([...slicesOf(family.pkg)].filter(([slice]) => !OWN_SLICES.includes(slice))),
    })),
  };
  return tables;
}

/** One slice of a script's font: the file it is read from, and the name satori knows it by. */
export interface ScriptSlice {
  family: string;
  name: string;
  file: string;
}

/**
 * The slices a text needs beyond the card's own typefaces, in fallback order. Characters no
 * slice holds are left to the card's own fonts (the test finds them).
 */
export function slicesFor(text: string): ScriptSlice[] {
  const { own, families } = rangeTables();
  const preferred = families.filter((family) => family.prefer?.test(text));
  const order = [...preferred, ...families.filter((family) => !preferred.includes(family))];
  const chosen = new Map<string, ScriptSlice>();
  for (const character of new Set(text)) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint < 0x80 || /\s/u.test(character) || covers(own, codePoint)) continue;
    for (const { family, pkg, slices } of order) {
      const slice = [...slices].find(([, ranges]) => covers(ranges, codePoint))?.[0];
      if (slice === undefined) continue;
      const file = slice.replace(/^\[(\d+)\]$/, "$1");
      const name = `${family} ${file}`;
      chosen.set(name, { family, name, file: sliceFile(pkg, file) });
      break;
    }
  }
  // Fallback order is the families' order (then slice by slice), whatever order characters came in.
  const rank = (slice: ScriptSlice) => order.findIndex((family) => family.family === slice.family);
  return [...chosen.values()].sort((a, b) => rank(a) - rank(b));
}

/** Bold only: the card's headline, kicker and section are bold, and its footer is the host's name. */
const sliceFile = (pkg: string, slice: string) =>
  join(dirname(require.resolve(`@fontsource/${pkg}/unicode.json`)), "files", `${pkg}-${slice}-700-normal.woff2`);

const loaded = new Map<string, Promise<Buffer>>();

/** The slices' fonts, each file read once per thread. */
export function loadSlices(slices: ScriptSlice[]): Promise<Font[]> {
  return Promise.all(
    slices.map(async ({ name, file }) => {
      let data = loaded.get(file);
      if (!data) {
        data = readFile(file);
        loaded.set(file, data);
        data.catch(() => loaded.delete(file));
      }
      return { name, data: await data, weight: 700, style: "normal" } satisfies Font;
    }),
  );
}

/** A CSS font-family that falls back from `stack` to the slices, in order. */
export const withSlices = (stack: string, slices: ScriptSlice[]) =>
  [stack, ...slices.map((slice) => `"${slice.name}"`)].join(", ");
