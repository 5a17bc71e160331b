// No reader-visible words written in components: the source of every .tsx outside tests is read
// for text between tags, a word in a name-giving attribute (aria-label, title, alt, placeholder,
// aria-valuetext, label) and a capitalised phrase chosen by a condition (`ok ? "Saved" : "Save"`),
// so a word that only appears once the page runs (a button's label after hydration, a notice),
// which the pseudo-locale test's server render cannot see, is caught too. Words go through
// useWords() and the catalogue (src/words/catalogue.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });

/** Platforms a story is shared to keep their names in every language. */
const NAMES = new Set(["X", "Facebook", "LinkedIn", "WhatsApp", "Bluesky"]);

/** A key of the catalogue ("save.saved"), which is what a component should name. */
const KEY = /^[a-z]+\.[A-Za-z]+$/;

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");

/** Text between tags with a letter in it (not an expression, not a generic's angle brackets). */
const TEXT = /(?<![=-])>([^<>{}`;=()]*\p{L}[^<>{}`;=()]*)<\/?[A-Za-z]/gu;
const ATTRIBUTE = /\b(aria-label|aria-valuetext|title|alt|placeholder|label)="([^"]*\p{L}[^"]*)"/gu;
const CHOSEN = /[?:]\s*(["`])([^"`]*)\1/gu;

function wordsIn(source: string): string[] {
  const code = withoutComments(source);
  const found: string[] = [];
  for (const [, text = ""] of code.matchAll(TEXT))
    if (!NAMES.has(text.trim())) found.push(`text ${JSON.stringify(text.trim())}`);
  for (const [, name, value] of code.matchAll(ATTRIBUTE)) found.push(`${name}="${value}"`);
  for (const [, , literal = ""] of code.matchAll(CHOSEN)) {
    const words = literal.replace(/\$\{[^}]*\}/g, " ");
    if (/\p{Lu}\p{Ll}/u.test(words) && !/:\/\/|^mailto:/.test(literal) && !NAMES.has(literal) && !KEY.test(literal))
      found.push(`literal ${JSON.stringify(literal)}`);
  }
  return found;
}

const components = walk(join(root, "src")).filter(
  (path) => path.endsWith(".tsx") && !path.includes(".test.") && !path.includes("/src/test/"),
);

describe("components write no words of their own", () => {
  it.each(components.map((path) => [relative(root, path), path]))("%s", (_name, path) => {
    expect(wordsIn(readFileSync(path, "utf8"))).toEqual([]);
  });

  it("finds words written in code (the check can fail)", () => {
    expect(
      wordsIn(
        [
          "<p>\n  Nothing saved yet.\n</p>",
          '<nav aria-label="Sections">',
          '{saved ? "Saved" : words.text("save.save")}',
          "// a comment saying <b>Hello</b> is not code",
          `<a href={"https://x.com/intent/post?url=" + u}>X</a>`,
        ].join("\n"),
      ),
    ).toEqual(['text "Nothing saved yet."', 'aria-label="Sections"', 'literal "Saved"']);
  });
});
