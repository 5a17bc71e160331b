// Text as the search index holds it, the same on both engines, and a reader's words as they are
// looked up in it (docs/decisions/034-search-per-language.md). The engines' own tokenizers then
// split it at spaces and stem English:
// - accents and other marks are dropped: Spanish "canción" and "cancion", Greek "πόλη" and "πολη"
//   are one word; so are Arabic words with and without their short vowels (harakat) and tatweel;
// - Arabic letters that writers interchange are one letter: alef with hamza or madda and alef
//   wasla are alef, alef maksura is yeh, teh marbuta is heh; Greek final sigma is sigma;
// - Chinese and Japanese (and Korean) runs are written without spaces between words, so they are
//   indexed as overlapping pairs of characters, and a word is found as the phrase of its pairs;
// - Thai, also unspaced, is cut into words by the platform's word segmenter.

/** Marks dropped after canonical decomposition: Latin, Greek and Cyrillic accents, Arabic vowels and hamza. */
const DROPPED_MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/gu;

const FOLDED_LETTERS: Record<string, string> = {
  "\u0671": "\u0627", // alef wasla → alef (alef with hamza or madda lose them with the marks)
  "\u0649": "\u064a", // alef maksura → yeh
  "\u0629": "\u0647", // teh marbuta → heh
  "\u03c2": "\u03c3", // final sigma → sigma
};
const FOLDED = new RegExp(`[${Object.keys(FOLDED_LETTERS).join("")}]`, "gu");

/** Scripts written without spaces between words, indexed by pairs of characters. */
const PAIRED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u3005]+/gu;
const THAI_RUN = /\p{Script=Thai}+/gu;

let thaiWords: Intl.Segmenter | undefined;

/** Letters folded as the index folds them, before any splitting: what both sides are compared in. */
export function foldLetters(text: string): string {
  return text
    .normalize("NFKD")
    .replace(DROPPED_MARKS, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(FOLDED, (letter) => FOLDED_LETTERS[letter] ?? letter);
}

/** A run of an unspaced script as overlapping pairs ("東京都" → "東京 京都"); one character stays itself. */
function pairs(run: string): string {
  const characters = [...run];
  if (characters.length < 2) return run;
  return characters
    .slice(1)
    .map((character, i) => `${characters[i]}${character}`)
    .join(" ");
}

/** The text the index is built from (a headline, or a story's text). */
export function searchTerms(text: string): string {
  thaiWords ??= new Intl.Segmenter("th", { granularity: "word" });
  const segmenter = thaiWords;
  return foldLetters(text)
    .replace(PAIRED_RUN, (run) => ` ${pairs(run)} `)
    .replace(THAI_RUN, (run) =>
      [...segmenter.segment(run)]
        .filter((part) => part.isWordLike)
        .map((part) => part.segment)
        .join(" "),
    );
}

/**
 * One of a reader's words (letters and digits: see queryWords) as the index's terms: most words
 * are one term, a Chinese or Japanese word is the phrase of its pairs, a Thai one of its words.
 */
export function wordTerms(word: string): string[] {
  return searchTerms(word)
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);
}
