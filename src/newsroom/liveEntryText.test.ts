// A live entry's text as the live console shows it and writes it back.
import { describe, expect, it } from "vitest";
import type { Block } from "../model/story";
import { entryBody, entryText } from "./liveEntryText";

const paragraph = (text: string): Block => ({ type: "paragraph", text });

describe("a live entry's text", () => {
  it("is its paragraphs a blank line apart, and keeps other blocks and unchanged marks when edited", () => {
    const quote: Block = { type: "quote", text: "Stay off the wall.", cite: "The coastguard" };
    const linked: Block = {
      type: "paragraph",
      text: "Read the warning.",
      runs: [{ text: "Read the " }, { text: "warning", href: "https://example.com/" }, { text: "." }],
    };
    const body = [paragraph("Gales close the quay."), linked, quote];
    expect(entryText(body)).toBe("Gales close the quay.\n\nRead the warning.");
    expect(entryBody("Gales close the quay and the pier.\n\n  Read the warning.  \n\n\n", body)).toEqual([
      paragraph("Gales close the quay and the pier."),
      linked,
      quote,
    ]);
    expect(entryBody("  \n\n ")).toEqual([]);
  });
});
