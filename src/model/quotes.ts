// The passages a reader can link to and share: the story's paragraphs and quotes, numbered
// together from 1 in reading order. `#p-N` anchors and `?quote=N` URLs use these numbers, so they
// must stay stable: they depend on nothing but the order of those blocks.
import type { Block } from "./story";

export type Passage = Extract<Block, { type: "paragraph" | "quote" }>;

/** The passage number of each block that is one, by the block's index in the body. */
export function passageNumbers(body: Block[]): Map<number, number> {
  const numbers = new Map<number, number>();
  body.forEach((block, index) => {
    if (block.type === "paragraph" || block.type === "quote") numbers.set(index, numbers.size + 1);
  });
  return numbers;
}

export function passage(body: Block[], number: number): Passage | undefined {
  const passages = body.filter((block): block is Passage => block.type === "paragraph" || block.type === "quote");
  return passages[number - 1];
}

/** `?quote=N` as a passage number, or undefined when it is not one. */
export function quoteParam(value: string | null): number | undefined {
  return value && /^[1-9]\d{0,4}$/.test(value) ? Number(value) : undefined;
}
