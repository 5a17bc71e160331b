// The importer's default reader is chosen in one place (keptReader.ts): the hand weights, or the
// trained reader kept in trainedReader.json. Either reads a scraped file through the same importer.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { publicImageSizer } from "../demoContent";
import { readStoryFile } from "../importFiles";
import { headerFinderFor, KEPT_READER, readerFor } from "./keptReader";
import { readPlainTextStory } from "./story";

const sizeOf = publicImageSizer(resolve("public"));
// The header is found by the kept header finder whichever role reader is kept (KEPT_HEADER).
const header = headerFinderFor();
const file = resolve("src/import/corpus/tuning/20-press-play.txt");
const { readFileSync } = await import("node:fs");
const text = readFileSync(file, "utf8");
const imported = (reader?: "hand weights" | "trained") => {
  const result = readStoryFile(file, { section: "news", sizeOf, ...(reader ? { reader } : {}) });
  if ("error" in result) throw new Error(result.error);
  return result;
};

describe("the importer's reader", () => {
  it("is the one kept, by default", () => {
    const kept = readPlainTextStory(text, { sizeOf, header, reader: readerFor(KEPT_READER) });
    expect(imported().readings).toEqual(kept.readings);
    expect(readerFor()).toBe(readerFor(KEPT_READER));
  });

  it("reads with the hand weights when they are kept", () => {
    expect(readerFor("hand weights")).toBeUndefined();
    const hand = readPlainTextStory(text, { sizeOf, header });
    const { readings, story } = imported("hand weights");
    expect(readings).toEqual(hand.readings);
    expect(story.headline).toBe(hand.story.headline);
  });

  it("reads with the trained reader when it is kept, and says why by its weights", () => {
    const trained = readerFor("trained");
    expect(trained?.weights.length).toBe(trained?.roles.length);
    const { readings } = imported("trained");
    expect(readings).toEqual(readPlainTextStory(text, { sizeOf, header, reader: trained }).readings);
    // Its reasons name its own inputs: the neighbours' ("prev.", "next.") or the role before ("after.").
    const why = (readings ?? []).map((reading) => reading.why).join("\n");
    expect(why).not.toEqual(
      readPlainTextStory(text, { sizeOf, header })
        .readings.map((reading) => reading.why)
        .join("\n"),
    );
  });
});
