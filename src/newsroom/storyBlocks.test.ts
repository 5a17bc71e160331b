// What the editor sends of the blocks it holds: blocks not yet written are left out, empty optional
// texts are dropped (a caption's runs with them), and the editor's keys never leave it.
import { describe, expect, it } from "vitest";
import { publishedStorySchema } from "../model/story";
import { editedBlocks, emptyBlock, storyBody } from "./storyBlocks";

describe("the story body the editor sends", () => {
  it("leaves out every kind of block not yet written, and keeps the written in their order", () => {
    const written = editedBlocks([
      { type: "paragraph", text: "First." },
      { type: "quote", text: "Ready.", cite: "" },
      { type: "image", src: "/uploads/ab.jpg", alt: "A ferry", width: 800, height: 600, caption: " ", credit: "" },
    ]);
    const empty = ["paragraph", "heading", "quote", "image", "video", "related", "embed", "correction"] as const;
    const addressOnly = editedBlocks([{ type: "embed", url: "https://x.com/a/status/1", provider: "x", text: "" }]);
    const body = storyBody([...empty.map((type) => emptyBlock(type)), ...addressOnly, ...written]);
    expect(body).toEqual([
      { type: "paragraph", text: "First." },
      { type: "quote", text: "Ready." },
      { type: "image", src: "/uploads/ab.jpg", alt: "A ferry", width: 800, height: 600 },
    ]);
    expect(JSON.stringify(body)).not.toContain("key");
  });

  it("sends what the server takes: a story of the blocks written passes the publishing schema", () => {
    const body = storyBody([
      emptyBlock("paragraph"),
      ...editedBlocks([
        { type: "related", headline: "Ferry back", slug: "ferry-back" },
        // As the editor holds a post being written: its address as pasted, no author yet.
        {
          type: "embed",
          url: " https://www.tiktok.com/@harbour/video/7300000000000000000 ",
          provider: "tiktok",
          text: "Back.",
          author: " ",
        },
      ]),
    ]);
    expect(body[1]).toEqual({
      type: "embed",
      url: "https://www.tiktok.com/@harbour/video/7300000000000000000",
      provider: "tiktok",
      text: "Back.",
    });
    const story = {
      slug: "a-story",
      headline: "A story",
      section: "city",
      authors: [],
      tags: [],
      publishedAt: "2026-12-07T09:00:00Z",
      updatedAt: "2026-12-07T09:00:00Z",
      body,
    };
    expect(publishedStorySchema.safeParse(story).success).toBe(true);
  });
});
