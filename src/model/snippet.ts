// A short passage of a story around the first words a search matched, as parts marked matched
// or not: the page highlights them with elements, never by writing HTML.
import type { Snippet } from "./search";

const WINDOW_WORDS = 28;

/** A query word matches a text word that starts like it (its stem, roughly: protests → protest…). */
function matcher(words: string[]): (word: string) => boolean {
  const stems = words.map((w) => w.slice(0, Math.max(3, w.length - 2)));
  return (word) => {
    const lower = word.toLowerCase();
    return stems.some((stem) => lower.startsWith(stem));
  };
}

export function snippet(text: string, words: string[]): Snippet {
  const isMatch = matcher(words);
  const tokens = text.replace(/\s+/g, " ").trim().split(" ");
  const first = Math.max(
    0,
    tokens.findIndex((token) => isMatch(token.replace(/^[^\p{L}\p{N}]+/u, ""))),
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
    push(word, word !== "" && isMatch(word));
    push(trail, false);
  });
  if (start + WINDOW_WORDS < tokens.length) push(" …", false);
  return parts.filter((part) => part.text !== "");
}
