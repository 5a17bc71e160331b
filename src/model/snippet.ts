// A short passage of a story around the first words a search matched, as parts marked matched
// or not: the page highlights them with elements, never by writing HTML.
import type { Snippet } from "./search";
import { foldLetters } from "./searchTerms";

const WINDOW_WORDS = 28;

/** Scripts written without spaces, where a query word is found inside a text "word" (a run). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

/**
 * A query word matches a text word that starts like it (its stem, roughly: protests → protest…),
 * both folded as search folds them (accents, Arabic vowels and letter forms: searchTerms.ts).
 */
function matcher(words: string[]): (word: string) => boolean {
  const stems = words.map(foldLetters).map((w) => w.slice(0, Math.max(3, w.length - 2)));
  return (word) => {
    const folded = foldLetters(word);
    return stems.some((stem) => folded.startsWith(stem));
  };
}

/**
 * Where the query's words are inside a run of unspaced text, as [start, end) offsets of the
 * word; none when folding changed the run's length (the offsets would not hold).
 */
function inside(word: string, words: string[]): [number, number][] {
  if (!UNSPACED.test(word)) return [];
  const folded = foldLetters(word);
  if (folded.length !== word.length) return [];
  const found: [number, number][] = [];
  for (const query of words.map(foldLetters).filter((query) => UNSPACED.test(query))) {
    for (let at = folded.indexOf(query); at >= 0; at = folded.indexOf(query, at + query.length))
      found.push([at, at + query.length]);
  }
  return found.sort((a, b) => a[0] - b[0]).filter((range, i, all) => i === 0 || range[0] >= (all[i - 1]?.[1] ?? 0));
}

export function snippet(text: string, words: string[]): Snippet {
  const isMatch = matcher(words);
  const tokens = text.replace(/\s+/g, " ").trim().split(" ");
  const first = Math.max(
    0,
    tokens.findIndex((token) => isMatch(token.replace(/^[^\p{L}\p{N}]+/u, "")) || inside(token, words).length > 0),
  );
  const start = Math.max(0, first - 8);
  const slice = tokens.slice(start, start + WINDOW_WORDS);
  const parts: Snippet = [];
  const push = (text: string, match: boolean) => {
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  if (start > 0) push("… ", false);
  slice.forEach((token, index) => {
    const [, lead = "", word = "", trail = ""] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(token) ?? [];
    if (index > 0) push(" ", false);
    push(lead, false);
    if (word !== "" && isMatch(word)) push(word, true);
    else {
      let from = 0;
      for (const [start, end] of inside(word, words)) {
        push(word.slice(from, start), false);
        push(word.slice(start, end), true);
        from = end;
      }
      push(word.slice(from), false);
    }
    push(trail, false);
  });
  if (start + WINDOW_WORDS < tokens.length) push(" …", false);
  return parts.filter((part) => part.text !== "");
}
