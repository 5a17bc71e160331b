// The kept comparison of decision 011 (npm run train-reader): a reader trained on labelled units reads
// stories through the same importer, and says why as the hand weights do.
import { resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { publicImageSizer } from "../demoContent";
import { readCorpus } from "./corpus";
import { readUnits } from "./reader";
import { readPlainTextStory } from "./story";
import { compare, main, measure, pageSamplesOf, type Sample, samplesOf, train, unsureMarginOf } from "./train";
import type { TrainedReader } from "./trained";

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

describe("the judging command (npm run train-reader -- --judge SET)", () => {
  const heldOut = readCorpus(resolve("src/import/corpus"), "held-out", sizeOf).slice(0, 3);
  const sets = new Map([
    ["tuning", tuning.slice(0, 8)],
    ["generated", tuning.slice(8, 12)],
    ["held-out", heldOut],
  ]);
  const settings = [
    { inputs: "own" as const, epochs: 3, l2: 1e-4 },
    { inputs: "neighbours" as const, epochs: 3, l2: 1e-4 },
  ];

  it("trains on the real pages and the generated stories, and reads the set judged with each reader", () => {
    const log: string[] = [];
    const { tables, readers } = compare(sets, {
      judged: ["held-out"],
      trainedOn: ["tuning", "held-out"],
      settings,
      log: (line) => log.push(line),
    });
    expect(readers.map((reader) => reader.name)).toEqual([
      "softmax, 3 epochs, L2 0.0001",
      "softmax + neighbours, 3 epochs, L2 0.0001",
      "softmax + neighbours, 3 epochs, L2 0.0001, Viterbi",
    ]);
    // The judged set is not trained on: 8 real pages, and the generated stories' units.
    expect(log[0]).toBe("trained on tuning, generated; read: held-out");
    expect(log[1]).toMatch(/^training on \d+ generated units and \d+ units of 8 real pages/u);
    const [table = ""] = tables;
    expect(table).toContain("held-out (judged, 3 stories):");
    // The hand weights read the held-out set exactly: every line found.
    const hand = measure(heldOut);
    expect(table).toContain(`| hand weights | 3 | ${hand.lines.found} of ${hand.lines.lines} lines (100%) |`);
    expect(table.split("\n").filter((line) => line.startsWith("| softmax"))).toHaveLength(3);
  });

  it("refuses a set it does not know before reading or training anything", async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    try {
      expect(await main(["--judge", "blind-2099"])).toBe(2);
      expect(await main(["--judge"])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(errors[0]).toMatch(/^--judge SET\[,SET…\], SET one of: tuning, held-out, generated, generated hold-out, /u);
  });

  it("labels a real page's units from its expected lines, and those labels read it back", () => {
    const { samples, labelsExact, how } = pageSamplesOf(tuning.slice(0, 8));
    expect(labelsExact).toBe(8);
    expect(how.whole).toBeGreaterThan(how.dropped);
    expect(samples.length).toBeGreaterThan(40);
  });

  it("reads a trained reader's path as one sequence when it decodes by Viterbi", () => {
    const [, neighbours, viterbi] = compare(sets, { judged: ["held-out"], trainedOn: ["tuning"], settings }).readers;
    expect(viterbi?.decode).toBe("viterbi");
    expect(viterbi?.weights).toEqual(neighbours?.weights);
    expect(measure(heldOut, viterbi).stories).toBe(3);
  });
});

describe("a trained reader decoding by Viterbi", () => {
  // Only the role before counts: after the headline, paragraph is a little likelier (0.6); after a
  // paragraph, either role is as likely (0.5); after furniture, a paragraph is all but certain.
  const reader: TrainedReader = {
    name: "test",
    inputs: "neighbours",
    roles: ["furniture", "paragraph"],
    features: ["after.headline", "after.paragraph", "after.furniture"],
    bias: [0, 0],
    weights: [
      [0, 0, 0],
      [0.4, 0, 10],
    ],
    unsureMargin: 1,
  };
  const text = "Harbour wall to be raised\n\nThe wall goes up a metre.\n\nWork starts in May.";
  const roles = (decode?: "viterbi") =>
    readUnits(text, { reader: { ...reader, decode } })
      .filter((unit) => unit.role !== "headline")
      .map((unit) => unit.role);

  it("gets an unsure margin that marks the units it misreads and not those it reads right", () => {
    // After the headline furniture is labelled, and paragraph leads it by 0.4: misread, so unsure
    // from 0.5 up. After furniture a paragraph leads by 10 and is right: unsure only from 10.25.
    const samples: Sample[] = [
      { inputs: { "after.headline": 1 }, role: "furniture" },
      { inputs: { "after.furniture": 1 }, role: "paragraph" },
    ];
    expect(unsureMarginOf(reader, samples)).toBe(0.5);
  });

  it("chooses the likeliest path of roles, where reading unit by unit takes the likeliest role each time", () => {
    expect(roles()[0]).toBe("paragraph"); // 0.6, then 0.5 at best: 0.3
    expect(roles("viterbi")).toEqual(["furniture", "paragraph"]); // 0.4, then ~1: 0.4
  });
});
