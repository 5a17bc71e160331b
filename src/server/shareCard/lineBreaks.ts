// Where a card's lines may break in Thai, which is written without spaces between words: satori
// finds no break inside a run of it, so a long one broke anywhere its box ran out (inside a word,
// by overflow-wrap). A zero-width space between the words the platform's segmenter finds gives
// satori the breaks a browser would take.
const THAI_RUN = /\p{Script=Thai}+/gu;
const ZERO_WIDTH_SPACE = "\u200b";

let thaiWords: Intl.Segmenter | undefined;

export function withWordBreaks(text: string): string {
  return text.replace(THAI_RUN, (run) => {
    thaiWords ??= new Intl.Segmenter("th", { granularity: "word" });
    return [...thaiWords.segment(run)].map((part) => part.segment).join(ZERO_WIDTH_SPACE);
  });
}
