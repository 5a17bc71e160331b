// The learned header finder (headerFinder.ts): trained on a few labelled pages, it chooses the headline
// of a page it has not seen among the page's first lines, and --explain says why; the importer reads a
// story with either header finder, chosen in one place (keptReader.ts).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { publicImageSizer } from "../demoContent";
import { readStoryFile } from "../importFiles";
import { readCorpus } from "./corpus";
import { findHeader, headerPage, trainHeaderFinder } from "./headerFinder";
import { headerFinderFor, KEPT_HEADER, type KeptHeader, readerFor } from "./keptReader";
import { sourceLines } from "./sourceLines";
import { readPlainTextStory } from "./story";
import { compareHeaders, main } from "./train";

// Invented pages: a site's name, a menu, a kicker, the headline, a deck, then the credits and the text.
const page = (site: string, kicker: string, headline: string, deck: string) =>
  [
    "Skip to content",
    site,
    "Home | World | Sport | Culture",
    "",
    kicker,
    headline,
    deck,
    "",
    "By Ilse Marrow",
    "Published 3 December 2026, 08:15",
    "",
    "The first paragraph of the story runs on for a while, as first paragraphs do, with a fact or two in it.",
    "",
    "A second paragraph follows it, shorter, and ends the story.",
  ].join("\n");

const labelled = [
  [
    "The Ferrow Gazette",
    "WEATHER",
    "Frost closes three mountain passes overnight",
    "Crews expect the roads to open by noon.",
  ],
  [
    "Daily Lantern",
    "TRANSPORT",
    "Tram line to the harbour runs again after repairs",
    "The line was shut for six weeks.",
  ],
  [
    "Brask Evening Post",
    "HEALTH",
    "Clinic opens late on Thursdays from January",
    "Staff say the change answers a survey.",
  ],
  [
    "North Quay Herald",
    "SPORT",
    "Rowing club wins its first regional title",
    "The crew beat four others in the final.",
  ],
].map(([site, kicker, headline, deck]) => ({
  text: page(site as string, kicker as string, headline as string, deck as string),
  headline: headline as string,
  kicker: kicker as string,
}));

describe("the learned header finder", () => {
  const pages = labelled.flatMap(({ text, headline, kicker }) => {
    const labelledPage = headerPage(sourceLines(text), headline, kicker);
    return labelledPage ? [labelledPage] : [];
  });
  const finder = trainHeaderFinder(pages, { epochs: 100, l2: 1e-3 });

  it("labels each page's headline among its first lines, and its kicker above it", () => {
    expect(pages).toHaveLength(labelled.length);
    for (const labelledPage of pages) {
      expect(labelledPage.candidates[labelledPage.headline]?.line.text).toMatch(/^[A-Z][a-z]+ /);
      expect(labelledPage.kickerAbove).toBe(true);
    }
  });

  it("trains deterministically and chooses the headline and kicker of a page it has not seen", () => {
    expect(trainHeaderFinder(pages, { epochs: 100, l2: 1e-3 })).toEqual(finder);
    const unseen = page(
      "Calder Valley Voice",
      "SCHOOLS",
      "New library wing opens to pupils in March",
      "It holds twice the books.",
    );
    const choice = findHeader(sourceLines(unseen), finder);
    expect(choice?.headline.text).toBe("New library wing opens to pupils in March");
    expect(choice?.kicker?.text).toBe("SCHOOLS");
    const { story, readings } = readPlainTextStory(unseen, { header: finder });
    expect(story).toMatchObject({
      kicker: "SCHOOLS",
      headline: "New library wing opens to pupils in March",
      authors: ["Ilse Marrow"],
    });
    // --explain: why the line was taken as the headline, and the page's lines above it dropped as its chrome.
    const headline = readings.find((reading) => reading.became.includes("headline"));
    expect(headline?.why).toMatch(/learned header finder's headline, p \d\.\d\d of \d+ lines/);
    expect(readings.find((reading) => reading.text === "Calder Valley Voice")?.became).toBe("dropped");
  });
});

describe("the importer's header finder", () => {
  const sizeOf = publicImageSizer(resolve("public"));
  const file = resolve("src/import/corpus/tuning/20-press-play.txt");
  const text = readFileSync(file, "utf8");
  // Read with the kept role reader, as the importer reads.
  const reader = readerFor();
  const imported = (header?: KeptHeader) => {
    const result = readStoryFile(file, { section: "news", sizeOf, ...(header ? { header } : {}) });
    if ("error" in result) throw new Error(result.error);
    return result;
  };

  it("is the one kept, by default", () => {
    expect(headerFinderFor()).toBe(headerFinderFor(KEPT_HEADER));
    expect(imported().readings).toEqual(
      readPlainTextStory(text, { sizeOf, reader, header: headerFinderFor(KEPT_HEADER) }).readings,
    );
  });

  it("imports a story with either setting of the switch", () => {
    expect(headerFinderFor("hand")).toBeUndefined();
    const learned = headerFinderFor("learned");
    expect(learned?.headline.weights.length).toBe(learned?.headline.features.length);
    const hand = imported("hand");
    const withLearned = imported("learned");
    expect(hand.readings).toEqual(readPlainTextStory(text, { sizeOf, reader }).readings);
    expect(withLearned.readings).toEqual(readPlainTextStory(text, { sizeOf, reader, header: learned }).readings);
    for (const { story } of [hand, withLearned]) expect(story.headline.length).toBeGreaterThan(0);
    expect(withLearned.readings?.find((r) => r.became.includes("headline"))?.why).toMatch(/learned header finder/);
  });
});

describe("the header judging command (npm run train-reader -- --header --judge SET)", () => {
  const sizeOf = publicImageSizer(resolve("public"));
  const corpus = resolve("src/import/corpus");
  const sets = new Map([
    ["tuning", readCorpus(corpus, "tuning", sizeOf).slice(0, 12)],
    ["held-out", readCorpus(corpus, "held-out", sizeOf).slice(0, 4)],
  ]);

  it("trains the finder on the other sets and reads the one judged with both finders and both role readers", () => {
    const { tables, finder, rows } = compareHeaders(sets, { judged: ["held-out"], trainedOn: ["tuning", "held-out"] });
    expect(finder?.headline.features).toContain("hand");
    const measured = rows.get("held-out") ?? [];
    expect(measured.map((m) => `${m.header}/${m.reader}`)).toEqual([
      "hand/hand weights",
      "hand/trained",
      "learned/hand weights",
      "learned/trained",
    ]);
    for (const m of measured) expect(m.stories).toBe(4);
    // The hand finder and weights read the held-out set exactly (corpus.test.ts): so do they here.
    expect(measured[0]).toMatchObject({ headlines: 4, exact: 4 });
    expect(tables[0]).toContain("| learned | hand weights |");
  });

  it("refuses a set it does not know", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await main(["--header", "--judge", "no-such-set"])).toBe(2);
    expect(error).toHaveBeenCalledWith(expect.stringContaining("--header --judge SET"));
    error.mockRestore();
  });
});
