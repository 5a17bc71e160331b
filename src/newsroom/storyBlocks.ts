// How the editor sees a story's body: its blocks, each with a key of its own (so an editor keeps its
// place and focus as blocks move), in the model's shape (model/story.ts). A block being written may
// be incomplete (a picture not yet uploaded, a paragraph not yet typed): what goes to the server
// leaves those out and drops empty optional fields, so the server judges only what was written.
import type { Block } from "../model/story";

export interface EditedBlock {
  key: string;
  block: Block;
}

/** The block types the editor can add, in the order it offers them. */
export const ADDABLE = ["paragraph", "heading", "quote", "image", "video", "related", "embed", "correction"] as const;
export type AddableType = (typeof ADDABLE)[number];

let made = 0;
const newKey = () => `b${Date.now().toString(36)}-${made++}`;

export function editedBlocks(body: readonly Block[]): EditedBlock[] {
  return body.map((block) => ({ key: newKey(), block }));
}

/** An empty block of `type`, as the editor adds it. */
export function emptyBlock(type: AddableType, now: Date = new Date()): EditedBlock {
  const blocks: Record<AddableType, Block> = {
    paragraph: { type: "paragraph", text: "" },
    heading: { type: "heading", text: "" },
    quote: { type: "quote", text: "" },
    image: { type: "image", src: "", alt: "", width: 0, height: 0 },
    video: { type: "video", title: "", sources: [] },
    related: { type: "related", headline: "" },
    correction: { type: "correction", date: now.toISOString(), text: "" },
    // Its provider follows its address as it is typed (EmbeddedPostForm); the server checks both.
    embed: { type: "embed", url: "", provider: "x", text: "" },
  };
  return { key: newKey(), block: blocks[type] };
}

/** Whether the block has what it needs to be sent at all. */
function written(block: Block): boolean {
  switch (block.type) {
    case "paragraph":
    case "heading":
    case "quote":
    case "correction":
      return block.text.trim() !== "";
    case "image":
      return block.src !== "";
    case "related":
      return block.headline.trim() !== "";
    case "video":
      return block.title.trim() !== "" || block.sources.length > 0;
    // An address is pasted first, then the words: until they are there, saving by itself would
    // only be refused (a post's words are required).
    case "embed":
      return block.text.trim() !== "";
    default:
      return true;
  }
}

/** The block without its empty optional texts (a quote with no cite has none, not ""). */
function withoutEmpty(block: Block): Block {
  const copy: Record<string, unknown> = { ...block };
  if (copy.type === "embed" && typeof copy.url === "string") copy.url = copy.url.trim();
  for (const field of ["cite", "caption", "credit", "author"])
    if (typeof copy[field] === "string" && (copy[field] as string).trim() === "") delete copy[field];
  if (copy.caption === undefined) delete copy.captionRuns;
  return copy as Block;
}

export function storyBody(blocks: readonly EditedBlock[]): Block[] {
  return blocks.filter((edited) => written(edited.block)).map((edited) => withoutEmpty(edited.block));
}
