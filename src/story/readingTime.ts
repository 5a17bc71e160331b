import type { Block } from "../model/story";

/** Words a minute of an adult reading news on a screen: a usual, middling figure. */
const WORDS_PER_MINUTE = 230;

/**
 * The story's words (runs of characters between white space, as `split(/\s+/)` finds them), counted
 * block by block: joining the body's text and splitting the whole made every render copy the body
 * twice over (2.2-2.6% of a story page's render on the server by its own samples).
 */
export function readingMinutes(body: Block[]): number {
  let words = 0;
  for (const block of body) if ("text" in block) words += block.text.match(/\S+/g)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
