// How the editor sees a story's body: its blocks, of which paragraphs are edited as plain text and
// every other block is kept as it is. The one place blocks map to what the editor shows, so the
// `marks` work (a paragraph's runs) and more block types slot in here.
import type { Block } from "../model/story";

export type EditedBlock = { kind: "paragraph"; text: string } | { kind: "kept"; block: Block };

export function editedBlocks(body: readonly Block[]): EditedBlock[] {
  return body.map((block) =>
    block.type === "paragraph" && "text" in block && typeof block.text === "string"
      ? { kind: "paragraph", text: block.text }
      : { kind: "kept", block },
  );
}

export function storyBody(blocks: readonly EditedBlock[]): Block[] {
  return blocks.map((edited) =>
    edited.kind === "paragraph" ? ({ type: "paragraph", text: edited.text } as Block) : edited.block,
  );
}
