// A story's corrections as pages, feeds and JSON-LD list them. Types only from the schema: the
// browser renders corrections, and zod stays out of its bundle (docs/decisions/002).
import type { Block, CorrectionBlock } from "./story";

/** The story's corrections, oldest first, wherever they stand in its body. */
export const corrections = (body: Block[]): CorrectionBlock[] =>
  body
    .filter((block): block is CorrectionBlock => block.type === "correction")
    .sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
