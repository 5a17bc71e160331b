import type { Block } from "../model/story";

/** Words a minute of an adult reading news on a screen: a usual, middling figure. */
const WORDS_PER_MINUTE = 230;

export function readingMinutes(body: Block[]): number {
  const words = body
    .map((block) => ("text" in block ? block.text : ""))
    .join(" ")
    .split(/\s+/)
    .filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
