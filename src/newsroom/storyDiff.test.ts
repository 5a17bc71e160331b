// What the history page marks as changed between a revision and the current text.
import { describe, expect, it } from "vitest";
import type { Block } from "../model/story";
import { storyChanges } from "./storyDiff";

const paragraph = (text: string): Block => ({ type: "paragraph", text });
const story = (headline: string, body: Block[]) => ({ headline, body });

/** A change as a line: removed words in [-…-], added ones in {+…+}. */
const marked = (parts: { value: string; added?: boolean; removed?: boolean }[]) =>
  parts.map((part) => (part.added ? `{+${part.value}+}` : part.removed ? `[-${part.value}-]` : part.value)).join("");

describe("storyChanges", () => {
  it("marks the words added and removed in a rewritten block, and leaves the same blocks out", () => {
    const before = story("Ferry strike", [paragraph("Crews walk out at noon."), paragraph("Buses replace the boats.")]);
    const after = story("Ferry strike", [paragraph("Crews walk out at six."), paragraph("Buses replace the boats.")]);
    const changes = storyChanges(before, after);
    expect(changes.map((change) => [change.field, marked(change.parts)])).toEqual([
      ["body", "Crews walk out at [-noon-]{+six+}."],
    ]);
  });

  it("shows a block added or removed whole, and a changed headline word by word", () => {
    const before = story("Ferry strike called", [paragraph("One."), paragraph("Two.")]);
    const after = story("Ferry strike off", [paragraph("One."), { type: "heading", text: "Later" }]);
    expect(storyChanges(before, after).map((change) => [change.field, marked(change.parts)])).toEqual([
      ["headline", "Ferry strike [-called-]{+off+}"],
      ["body", "[-Two.-]{+Later+}"],
    ]);
    expect(
      storyChanges(story("A", [paragraph("One.")]), story("A", [paragraph("One."), paragraph("Three.")])).map(
        (change) => marked(change.parts),
      ),
    ).toEqual(["{+Three.+}"]);
  });

  it("compares an embedded post by its address, words, author and day", () => {
    const post = (text: string): Block => ({
      type: "embed",
      url: "https://bsky.app/profile/harbour.bsky.social/post/3kferry",
      provider: "bluesky",
      text,
      author: "Harbour Council",
      date: "2026-12-06T18:05:00Z",
    });
    expect(
      storyChanges(story("A", [post("Pier 3 reopens.")]), story("A", [post("Pier 4 reopens.")])).map((change) =>
        marked(change.parts),
      ),
    ).toEqual([
      "https://bsky.app/profile/harbour.bsky.social/post/3kferry\nPier [-3-]{+4+} reopens.\nHarbour Council\n2026-12-06",
    ]);
  });

  it("finds nothing between two revisions that read the same", () => {
    const same = story("Ferry strike", [paragraph("One.")]);
    expect(storyChanges(same, same)).toEqual([]);
  });
});
