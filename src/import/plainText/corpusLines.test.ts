// Lines found (corpus.ts), the figure reported beside exact stories: expected lines with an equal in
// the reading, in order; lines added cost nothing, lines missed or changed each cost one.
import { describe, expect, it } from "vitest";
import { linesFound, linesFoundText, storyLines } from "./corpus";
import type { PlainTextStory } from "./story";

const expected: PlainTextStory = {
  kicker: "Tides",
  headline: "Harbour wall to be raised",
  authors: ["Ana Ferreira"],
  body: [
    { type: "paragraph", text: "The wall goes up a metre." },
    { type: "quote", text: "We waited long enough.", cite: "Ola Dunn" },
    { type: "related", headline: "Ferry times change" },
  ],
};

describe("lines found", () => {
  it("counts each field and block a line, a quote's cite one more", () => {
    expect(storyLines(expected)).toEqual([
      "kicker: Tides",
      "headline: Harbour wall to be raised",
      "author: Ana Ferreira",
      "paragraph: The wall goes up a metre.",
      "quote: We waited long enough.",
      "cite: Ola Dunn",
      "related: Ferry times change",
    ]);
    expect(linesFound(expected, expected)).toEqual({ lines: 7, found: 7 });
  });

  it("finds every line of a reading that only adds one, and misses a line read as another kind", () => {
    const added = { ...expected, body: [{ type: "paragraph", text: "Advertisement" } as const, ...expected.body] };
    expect(linesFound(expected, added)).toEqual({ lines: 7, found: 7 });
    const misread: PlainTextStory = {
      ...expected,
      body: [...expected.body.slice(0, 2), { type: "paragraph", text: "Ferry times change" }],
    };
    expect(linesFound(expected, misread)).toEqual({ lines: 7, found: 6 });
    expect(linesFound(expected, undefined)).toEqual({ lines: 7, found: 0 });
    expect(linesFoundText({ lines: 818, found: 684 })).toBe("684 of 818 lines (84%)");
  });
});
