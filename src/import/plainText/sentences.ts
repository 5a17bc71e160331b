// Sentences per script: Latin, Greek and Cyrillic prose by full stops followed by a capital (minding
// "Mr." and initials), Greek questions by ";" and a capital, and scripts without capitals through
// Intl.Segmenter, which knows the Japanese 。. Long texts are cut at sentence breaks so nothing exceeds the model's limits.

const ABBREVIATIONS = new Set(
  "mr mrs ms dr st jr sr prof gov sen rep gen col capt lt sgt no vs etc inc ltd co corp mt ft ave rd".split(" "),
);

interface SentenceBreak {
  /** Where the sentence ends (after its punctuation and closing quotes). */
  end: number;
  /** Where the next sentence starts (after the whitespace). */
  next: number;
}

/** Places where one sentence ends and a capitalised (or numbered) one starts; "Mr. Lee" and "J. Lee" are not breaks. */
export function sentenceBreaks(text: string): SentenceBreak[] {
  const breaks: SentenceBreak[] = [];
  for (const match of text.matchAll(/(?<stop>[.!?…]+)["'”’»)\]]*(?<space>\s+)(?=["“‘'«„([]?[\p{Lu}\p{N}])/gu)) {
    const { stop = "", space = "" } = match.groups ?? {};
    const next = match.index + match[0].length;
    if (stop === "." && endsWithAbbreviation(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    breaks.push({ end: next - space.length, next });
  }
  return breaks;
}

function endsWithAbbreviation(before: string): boolean {
  const word = /[\p{L}]+$/u.exec(before)?.[0] ?? "";
  return word.length === 1 || ABBREVIATIONS.has(word.toLowerCase());
}

const segmenter = new Intl.Segmenter("und", { granularity: "sentence" });
const CASELESS_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}]/u;

/** How many sentences the text holds: the larger of the two readings, so either script's breaks count. */
export function sentenceCount(text: string): number {
  // Greek asks with ";" (the Greek question mark is the same character once normalised), which
  // Intl.Segmenter does not take for a sentence end: a capital after it starts the next sentence.
  const greekQuestions = /\p{Script=Greek}/u.test(text) ? (text.match(/[;\u037E]\s+(?=\p{Lu})/gu) ?? []).length : 0;
  const latin = sentenceBreaks(text).length + 1 + greekQuestions;
  if (!CASELESS_SCRIPT.test(text)) return latin;
  const segments = [...segmenter.segment(text)].filter((s) => s.segment.trim()).length;
  return Math.max(latin, segments);
}

/** Splits text longer than `max` at sentence breaks (else at a space, else anywhere) so nothing is cut off. */
export function splitLongText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const [head, tail] = cutNear(rest, max);
    chunks.push(head);
    rest = tail;
  }
  return [...chunks, rest];
}

function cutNear(text: string, max: number): [string, string] {
  const sentence = sentenceBreaks(text).findLast((candidate) => candidate.end <= max);
  if (sentence) return [text.slice(0, sentence.end), text.slice(sentence.next)];
  const space = text.slice(0, max + 1).search(/\s\S*$/u);
  if (space > 0) return [text.slice(0, space).trimEnd(), text.slice(space).trimStart()];
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return [text.slice(0, cut), text.slice(cut)];
}
