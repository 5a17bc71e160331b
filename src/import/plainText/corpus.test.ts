// The reader against the corpus of scraped stories (src/import/corpus): every story of the tuning
// set parses exactly as the editor set it, and the held-out set, never used to tune the weights,
// parses at least as well as the README reports.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { publicImageSizer } from "../demoContent";
import { readCorpus } from "./corpus";
import { parsePlainTextStory } from "./story";

const sizeOf = publicImageSizer(resolve("public"));
const corpusDir = resolve("src/import/corpus");
const tuning = readCorpus(corpusDir, "tuning", sizeOf);
const heldOut = readCorpus(corpusDir, "held-out", sizeOf);

/** Exactly as the README says: "tuning set: 40 of 40", "held-out set: 21 of 22". */
const REPORTED = { tuning: [40, 40], heldOut: [21, 22] } as const;

const parse = (text: string) => JSON.parse(JSON.stringify(parsePlainTextStory(text, { sizeOf })));
const parsesExactly = ({ text, expected }: (typeof tuning)[number]) => {
  try {
    expect(parse(text)).toEqual(expected);
    return true;
  } catch {
    return false;
  }
};

describe("the scraped-text corpus", () => {
  it("has at least 60 stories, split once into a tuning set and a held-out set", () => {
    expect(tuning.length + heldOut.length).toBeGreaterThanOrEqual(60);
    expect([tuning.length, heldOut.length]).toEqual([REPORTED.tuning[1], REPORTED.heldOut[1]]);
    const names = new Set(tuning.map((story) => story.name));
    expect(heldOut.some((story) => names.has(story.name))).toBe(false);
  });

  it.each(tuning.map((story) => [story.name, story] as const))(
    "reads tuning story %s as the editor did",
    (_, story) => {
      expect(parse(story.text)).toEqual(story.expected);
    },
  );

  it("reads at least as many held-out stories exactly as the README reports", () => {
    const exact = heldOut.filter(parsesExactly).length;
    expect(exact).toBeGreaterThanOrEqual(REPORTED.heldOut[0]);
  });

  it("is reported in the README with these figures", () => {
    const readme = readFileSync(resolve("README.md"), "utf8");
    expect(readme).toContain(`tuning set: ${REPORTED.tuning[0]} of ${REPORTED.tuning[1]}`);
    expect(readme).toContain(`held-out set: ${REPORTED.heldOut[0]} of ${REPORTED.heldOut[1]}`);
  });
});
