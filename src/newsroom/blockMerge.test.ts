// How the merge after a collision lines up two bodies and what it takes unless the writer says otherwise.
import { describe, expect, it } from "vitest";
import type { Block } from "../model/story";
import { type BodyPart, blockKey, bodyParts, fieldPart, mergedBody } from "./blockMerge";

const p = (text: string): Block => ({ type: "paragraph", text });
const texts = (blocks: readonly (Block | null)[]) =>
  blocks.map((block) => (block && "text" in block ? block.text : null));
const summary = (parts: BodyPart[]) =>
  parts.map((part) => [
    texts([part.mine])[0],
    texts([part.theirs])[0],
    part.same ? "same" : part.choice,
    part.changedByBoth,
  ]);

describe("bodyParts", () => {
  it("takes each side's change where the two changed different blocks", () => {
    const base = [p("One."), p("Two."), p("Three.")];
    const mine = [p("One."), p("Two, said mine."), p("Three.")];
    const theirs = [p("One, said theirs."), p("Two."), p("Three.")];
    const parts = bodyParts(base, mine, theirs);
    expect(summary(parts)).toEqual([
      ["One.", "One, said theirs.", "theirs", false],
      ["Two, said mine.", "Two.", "mine", false],
      ["Three.", "Three.", "same", false],
    ]);
    expect(texts(mergedBody(parts))).toEqual(["One, said theirs.", "Two, said mine.", "Three."]);
  });

  it("keeps blocks either side added, drops what either removed, and says where both changed one", () => {
    const base = [p("Lead."), p("Middle."), p("Old end.")];
    const mine = [p("Lead, mine."), p("Added by mine."), p("Middle.")];
    const theirs = [p("Lead, theirs."), p("Middle."), p("Old end."), p("Added by theirs.")];
    const parts = bodyParts(base, mine, theirs);
    expect(summary(parts)).toEqual([
      ["Lead, mine.", "Lead, theirs.", "mine", true],
      ["Added by mine.", null, "mine", false],
      ["Middle.", "Middle.", "same", false],
      [null, "Old end.", "mine", false],
      [null, "Added by theirs.", "theirs", false],
    ]);
    expect(texts(mergedBody(parts))).toEqual(["Lead, mine.", "Added by mine.", "Middle.", "Added by theirs."]);
    const both = parts.map((part, at) => (at === 0 ? { ...part, choice: "both" as const } : part));
    expect(texts(mergedBody(both)).slice(0, 2)).toEqual(["Lead, mine.", "Lead, theirs."]);
  });

  it("sees a block as the same whatever order its fields were written in, and marks as a difference", () => {
    const linked: Block = { type: "paragraph", text: "See the minutes.", runs: [{ text: "See the minutes." }] };
    const reordered = { runs: [{ text: "See the minutes." }], text: "See the minutes.", type: "paragraph" } as Block;
    expect(blockKey(linked)).toBe(blockKey(reordered));
    const emphasised: Block = {
      type: "paragraph",
      text: "See the minutes.",
      runs: [{ text: "See the minutes.", marks: ["em"] }],
    };
    expect(summary(bodyParts([linked], [reordered], [emphasised]))).toEqual([
      ["See the minutes.", "See the minutes.", "theirs", false],
    ]);
  });
});

describe("fieldPart", () => {
  it("takes the side that changed a field, and marks one both changed", () => {
    expect(fieldPart("Gates close", "Gates close", "Gates open")).toMatchObject({ same: false, choice: "theirs" });
    expect(fieldPart("Gates close", "Gates shut", "Gates close")).toMatchObject({ same: false, choice: "mine" });
    expect(fieldPart("Gates close", "Gates shut", "Gates open")).toMatchObject({ choice: "mine", changedByBoth: true });
    expect(fieldPart("", "Harbour ", "Harbour")).toMatchObject({ same: true });
  });
});
