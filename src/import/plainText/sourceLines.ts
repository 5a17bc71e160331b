// The lines of scraped text as an editor sees them: numbered from 1, with the invisible and odd
// whitespace of web pages (tabs, no-break spaces, zero-width spaces, a byte-order mark) made plain.
// Blank lines separate blocks; a block is a run of non-blank lines. Characters no story may hold
// (control characters, bidi overrides: model/story.ts) are removed, as scraped text cannot be sent
// again clean.
import { withoutUnsafeCharacters } from "../../model/story";

export interface SourceLine {
  /** 1-based line number in the file. */
  number: number;
  /** The line with whitespace made plain: single spaces, trimmed. */
  text: string;
  /** Which block (run of non-blank lines) the line is in, from 0. */
  block: number;
}

// Zero-width space, word joiner and byte-order mark carry nothing; the zero-width joiner and
// non-joiner are kept, as they shape Persian words and emoji.
const INVISIBLE = /[\u200B\u2060\uFEFF]/g;
// Tabs, no-break and other spaces, line and paragraph separators inside a line; not the ideographic
// space (U+3000), which Chinese and Japanese pages set between a headline's phrases as a character.
const ANY_SPACE = /(?:(?!\u3000)[\s\p{Zs}])+/gu;

export const plainLine = (raw: string): string =>
  withoutUnsafeCharacters(raw.replace(INVISIBLE, "").replace(ANY_SPACE, " ")).trim();

export function sourceLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let block = 0;
  let previousBlank = true;
  for (const [index, raw] of text.split(/\r\n|\r|\n/).entries()) {
    const plain = plainLine(raw);
    if (!plain) {
      if (!previousBlank) block += 1;
      previousBlank = true;
      continue;
    }
    lines.push({ number: index + 1, text: plain, block });
    previousBlank = false;
  }
  return lines;
}
