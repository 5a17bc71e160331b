// Fitting a headline to the card: satori cannot shrink text to fit a box, so the size is chosen
// ahead, from the headline's length and an average character width of the serif.

const HEADLINE_LINE_HEIGHT = 1.1;
const SMALLEST_HEADLINE = 38;
const HEADLINE_SIZES = [88, 76, 68, 60, 54, 48, 42, SMALLEST_HEADLINE] as const;
/** Source Serif 4 Bold: the width of an average headline character, in ems (measured on the demo headlines). */
const SERIF_CHAR_WIDTH = 0.5;
/** Lines break between words, so they run short of the full measure. */
const WRAP_SLACK = 1.15;

export interface FittedHeadline {
  text: string;
  fontSize: number;
  /** The most lines the box holds at this size. */
  lines: number;
}

/**
 * The headline at the largest size at which it is expected to fit its box, cut at a word with an
 * ellipsis when it fits at no size. Satori cannot shrink text to fit, so the length is estimated
 * from an average character width; the line clamp still guards the box if an estimate runs short.
 */
export function fitHeadline(headline: string, box: { width: number; height: number }): FittedHeadline {
  const length = headlineLength(headline);
  const at = (fontSize: number) => {
    const lines = Math.max(1, Math.floor(box.height / headlineLineHeight(fontSize)));
    const charsPerLine = box.width / (fontSize * SERIF_CHAR_WIDTH);
    return { fontSize, lines, capacity: Math.floor((lines * charsPerLine) / WRAP_SLACK) };
  };
  const fitting = HEADLINE_SIZES.map(at).find((size) => length <= size.capacity);
  if (fitting) return { text: headline, fontSize: fitting.fontSize, lines: fitting.lines };
  const smallest = at(SMALLEST_HEADLINE);
  return { text: cutAtWord(headline, smallest.capacity), fontSize: smallest.fontSize, lines: smallest.lines };
}

/** Chinese, Japanese and Korean characters (and full-width forms) are a whole em wide: two average characters. */
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uff60]/u;

/** The headline's length in average characters. */
const headlineLength = (headline: string) =>
  [...headline].reduce((length, character) => length + (WIDE.test(character) ? 2 : 1), 0);

export const headlineLineHeight = (fontSize: number) => Math.round(fontSize * HEADLINE_LINE_HEIGHT);

function cutAtWord(text: string, maxChars: number): string {
  let units = 0;
  const kept = [...text].filter((character) => {
    units += WIDE.test(character) ? 2 : 1;
    return units <= Math.max(1, maxChars - 1);
  });
  const cut = kept.join("");
  const lastSpace = cut.lastIndexOf(" ");
  // A cut inside one very long word keeps the word's start rather than losing the whole line.
  const words = lastSpace > cut.length * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${words.trimEnd()}\u2026`;
}
