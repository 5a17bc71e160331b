// What changed between a revision of a story and its current text, as the history page shows it:
// the kicker, headline and deck, then the body block by block (blocks matched in order by what a
// reader reads in them), words added and removed within each changed block. The diffing is the
// `diff` library's (jsdiff); this file only says what a block's text is and pairs the blocks.
import { type Change, diffArrays, diffWords } from "diff";
import type { Block } from "../model/story";

/** The parts of a story the history compares. */
export interface ComparedStory {
  kicker?: string;
  headline: string;
  deck?: string;
  body: readonly Block[];
}

/** One changed field or block: its words, each kept, added or removed. */
export interface ChangedText {
  field: "kicker" | "headline" | "deck" | "body";
  parts: Change[];
}

/** What a reader reads in a block, as one text (lines apart). */
export function blockText(block: Block): string {
  switch (block.type) {
    case "paragraph":
    case "heading":
      return block.text;
    case "quote":
      return [block.text, block.cite].filter(Boolean).join("\n");
    case "correction":
      return `${block.date.slice(0, 10)}\n${block.text}`;
    case "image":
      return [block.alt, block.caption, block.credit].filter(Boolean).join("\n");
    case "related":
      return block.headline;
    case "video":
      return block.title;
    case "embed":
      return [block.url, block.text, block.author, block.date?.slice(0, 10)].filter(Boolean).join("\n");
  }
}

const words = (before: string, after: string): Change[] => diffWords(before, after);
const whole = (text: string, change: "added" | "removed"): Change[] => [
  { value: text, added: change === "added", removed: change === "removed", count: 1 },
];

/** The changes from `revision` to `current`, in reading order; empty when the two read the same. */
export function storyChanges(revision: ComparedStory, current: ComparedStory): ChangedText[] {
  const changed: ChangedText[] = [];
  for (const field of ["kicker", "headline", "deck"] as const) {
    const before = revision[field] ?? "";
    const after = current[field] ?? "";
    if (before !== after) changed.push({ field, parts: words(before, after) });
  }
  const runs = diffArrays(revision.body.map(blockText), current.body.map(blockText));
  for (let at = 0; at < runs.length; at++) {
    const run = runs[at];
    if (!run || (!run.added && !run.removed)) continue;
    const next = runs[at + 1];
    // A block removed where another was added is one block rewritten: its words are compared.
    if (run.removed && next?.added) {
      const pairs = Math.max(run.value.length, next.value.length);
      for (let i = 0; i < pairs; i++) {
        const before = run.value[i];
        const after = next.value[i];
        changed.push({
          field: "body",
          parts:
            before === undefined
              ? whole(after ?? "", "added")
              : after === undefined
                ? whole(before, "removed")
                : words(before, after),
        });
      }
      at += 1;
      continue;
    }
    for (const text of run.value) changed.push({ field: "body", parts: whole(text, run.added ? "added" : "removed") });
  }
  return changed;
}
