// The kept comparison of decision 011 (npm run train-reader): a reader trained on labelled units reads
// stories through the same importer, and says why as the hand weights do.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { publicImageSizer } from "../demoContent";
import { readCorpus } from "./corpus";
import { readPlainTextStory } from "./story";
import { samplesOf, train } from "./train";

const sizeOf = publicImageSizer(resolve("public"));
const tuning = readCorpus(resolve("src/import/corpus"), "tuning", sizeOf);

describe("a trained reader", () => {
  const { samples, stories } = samplesOf(tuning);
  const reader = train(samples, { inputs: "neighbours", epochs: 40, l2: 1e-4 });

  it("learns from the units of the stories the hand weights read exactly, with the same seed the same weights", () => {
    expect(stories).toBe(tuning.length);
    expect(samples.length).toBeGreaterThan(200);
    expect(train(samples, { inputs: "neighbours", epochs: 40, l2: 1e-4 })).toEqual(reader);
    expect(reader.features).toEqual(expect.arrayContaining(["byline", "prev.byline", "next.embedCite", "after.quote"]));
  });

  it("reads a story's roles in place of the hand weights and names the features that counted", () => {
    const exact = tuning.filter(
      (story) =>
        JSON.stringify(readPlainTextStory(story.text, { sizeOf, reader }).story) === JSON.stringify(story.expected),
    );
    expect(exact.length).toBeGreaterThan(tuning.length / 2);
    const { readings } = readPlainTextStory(tuning[0]?.text ?? "", { sizeOf, reader });
    expect(readings.some((reading) => /^\w+ -?\d+\.\d \(.+\) vs \w+ /u.test(reading.why))).toBe(true);
  });
});
