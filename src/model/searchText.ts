// The words of a story that search looks through besides its headline: deck and body text.
import type { StoryInput } from "./story";

export function searchText(story: Pick<StoryInput, "deck" | "body">): string {
  const parts = story.body.flatMap((block) => {
    switch (block.type) {
      case "paragraph":
      case "heading":
        return [block.text];
      case "quote":
        return [block.text, block.cite ?? ""];
      case "image":
        return [block.caption ?? "", block.alt];
      case "related":
        return [block.headline];
      case "video":
        return [block.title];
      case "correction":
        return [block.text];
      case "embed":
        return [block.text, block.author ?? ""];
      default:
        return [];
    }
  });
  return [story.deck ?? "", ...parts].filter(Boolean).join("\n");
}

/** The words of a reader's query, as plain text: operators, quotes and symbols are not syntax. */
export function queryWords(query: string): string[] {
  return (
    (
      query
        .normalize("NFKC")
        .toLowerCase()
        // Marks belong to their word: Arabic vowels, Devanagari and Thai vowel signs.
        .match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
    ).slice(0, 12)
  );
}
