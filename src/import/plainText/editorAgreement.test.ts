// Two editors on the same pages (src/import/editorAgreement): a second editor set a blind set's pages
// from the pages and the earlier sets' written conventions alone, without the first editor's labels
// (its README says how). The stories both set identically, and the first editor's lines the second
// found, are the ceiling an exact-story figure can reach on that set (decision 011), and the README
// reports them beside the reader's figures.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { publicImageSizer } from "../demoContent";
import { corpusSets, linesFound, readCorpus, readSecondEditor } from "./corpus";

const sizeOf = publicImageSizer(resolve("public"));
const agreementDir = resolve("src/import/editorAgreement");

/** Stories set identically, of the set's stories; the first editor's lines found in the second's setting, of them. */
const AGREED: Record<string, readonly [number, number, number, number]> = {
  "blind-2026-12-07d": [49, 52, 814, 818],
};

describe("two editors setting the same pages", () => {
  it.each(corpusSets(agreementDir))("agree on the %s set as the README reports", (set) => {
    const first = readCorpus(resolve("src/import/corpus"), set, sizeOf);
    const second = readSecondEditor(agreementDir, set, sizeOf);
    expect([...second.keys()].sort(), "the second editor set every page and no other").toEqual(
      first.map((story) => story.name),
    );
    let exact = 0;
    let found = 0;
    let lines = 0;
    for (const story of first) {
      const other = second.get(story.name);
      if (JSON.stringify(other) === JSON.stringify(story.expected)) exact += 1;
      const counted = linesFound(story.expected, other);
      found += counted.found;
      lines += counted.lines;
    }
    expect([exact, first.length, found, lines]).toEqual(AGREED[set]);
    expect(readFileSync(resolve("README.md"), "utf8")).toContain(
      `two editors agree on ${exact} of ${first.length} stories of the ${set} set, ${found} of ${lines} lines`,
    );
  });
});
