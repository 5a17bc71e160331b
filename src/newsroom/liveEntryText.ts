// A live entry as the console writes it: plain paragraphs, a blank line apart. An entry's other
// blocks (a quote, a picture), and the marks of a paragraph whose words are unchanged, are kept
// as they were when its text is edited.
import type { Block } from "../model/story";

type Paragraph = Extract<Block, { type: "paragraph" }>;

/** The entry's paragraphs as the console's text box shows them. */
export const entryText = (body: readonly Block[]): string =>
  body
    .filter((block): block is Paragraph => block.type === "paragraph")
    .map((block) => block.text)
    .join("\n\n");

/** The body for `text`: its paragraphs (those unchanged keep their marks), then `was`'s other blocks. */
export function entryBody(text: string, was: readonly Block[] = []): Block[] {
  const before = new Map(
    was.filter((block): block is Paragraph => block.type === "paragraph").map((block) => [block.text, block]),
  );
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part): Block => before.get(part) ?? { type: "paragraph", text: part });
  return [...paragraphs, ...was.filter((block) => block.type !== "paragraph")];
}
