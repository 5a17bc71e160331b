import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findStoryByHeadline,
  HEADLINE_MATCH_THRESHOLD,
  headlineFinder,
  headlineSimilarity,
  matchWords,
  normalizeHeadline,
} from "./headlineMatch";

const fares = "Port Merrow ferry fares to rise in January";

describe("normalizeHeadline", () => {
  it.each([
    ["curly and straight quotes", "Mayor’s “last word” on the ‘wall’", `Mayor's "last word" on the 'wall'`],
    ["case", "MAYOR OPENS FOOTBRIDGE", "Mayor opens footbridge"],
    ["trailing punctuation", "Mayor opens footbridge!", "Mayor opens footbridge"],
    ["extra and odd spaces", "  Mayor \u00a0opens\t footbridge ", "Mayor opens footbridge"],
    ["dashes and hyphens", "Great-grandmother — 90 — walks the pier", "Great grandmother – 90 - walks the pier"],
    ["diacritics", "Café Élan reopens on the quay", "Cafe Elan reopens on the quay"],
    ["number words", "Five things to know about the wall", "5 Things to know about the wall"],
    ["ampersands", "Fish & chips shop closes", "Fish and chips shop closes"],
  ])("makes headlines that differ only in %s equal", (_case, a, b) => {
    expect(normalizeHeadline(a)).toBe(normalizeHeadline(b));
  });

  it("gives lower-case words separated by single spaces", () => {
    expect(normalizeHeadline("  WATCH: Mayor’s “Footbridge” Opens… ")).toBe("watch mayors footbridge opens");
  });

  it("gives an empty string for a headline with no letters or digits", () => {
    expect(normalizeHeadline(" … — “” ")).toBe("");
  });
});

describe("headlineSimilarity", () => {
  it.each([
    ["a word added", fares, "Port Merrow ferry fares to rise again in January"],
    ["the place dropped from the front", fares, "Ferry fares to rise in January"],
    ["one word changed", fares, "Port Merrow ferry fares will rise in January"],
    ["a word added to a two-word headline", "Mayor resigns", "Mayor resigns today"],
  ])("scores the same story with %s at or above the threshold", (_case, a, b) => {
    expect(headlineSimilarity(a, b)).toBeGreaterThanOrEqual(HEADLINE_MATCH_THRESHOLD);
  });

  it.each([
    ["the opposite decision", "Council approves new harbour wall", "Council rejects new harbour wall"],
    ["the same place and month", fares, "Port Merrow ferry workers to strike in January"],
    ["one shared word", "Mayor resigns", "Mayor returns"],
    ["a few shared words", "Harbour wall vote set for Friday", "Harbour wall vote delayed until Friday"],
  ])("scores different stories sharing %s below the threshold", (_case, a, b) => {
    expect(headlineSimilarity(a, b)).toBeLessThan(HEADLINE_MATCH_THRESHOLD);
  });

  it("scores headlines equal after normalisation 1 and headlines with no words 0", () => {
    expect(headlineSimilarity("Mayor’s footbridge opens.", "mayor's FOOTBRIDGE opens")).toBe(1);
    expect(headlineSimilarity("", "")).toBe(0);
    expect(headlineSimilarity("…", fares)).toBe(0);
  });

  it("is symmetric and between 0 and 1 for any headlines", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), fc.lorem({ maxCount: 8 }), (a, b) => {
        const score = headlineSimilarity(a, b);
        expect(score).toBe(headlineSimilarity(b, a));
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        if (normalizeHeadline(b)) expect(headlineSimilarity(b, b)).toBe(1);
      }),
    );
  });
});

describe("findStoryByHeadline", () => {
  const stories = [
    { slug: "ferry-fares-rise", headline: fares },
    { slug: "ferry-strike", headline: "Port Merrow ferry workers to strike in January" },
    { slug: "wall-approved", headline: "Council approves new harbour wall" },
    { slug: "mayor-quote", headline: "Mayor’s “last word” on the wall" },
    { slug: "five-things", headline: "5 Things to know about the harbour wall" },
  ];

  it("finds a story whose headline is the same after normalisation", () => {
    expect(findStoryByHeadline(`  MAYOR'S "LAST WORD"  ON THE WALL. `, stories)).toBe("mayor-quote");
    expect(findStoryByHeadline("Five things to know about the harbour wall", stories)).toBe("five-things");
  });

  it("finds a story whose headline has a word added or dropped", () => {
    expect(findStoryByHeadline("Port Merrow ferry fares to rise again in January", stories)).toBe("ferry-fares-rise");
    expect(findStoryByHeadline("Five things to know about the new harbour wall", stories)).toBe("five-things");
  });

  it("prefers an exact match over a close one", () => {
    const close = [{ slug: "close", headline: `${fares} again` }, ...stories];
    expect(findStoryByHeadline(fares, close)).toBe("ferry-fares-rise");
  });

  it("finds no story for a different story sharing a few words", () => {
    expect(findStoryByHeadline("Council rejects new harbour wall", stories)).toBeUndefined();
    expect(findStoryByHeadline("Port Merrow ferry timetable changes in January", stories)).toBeUndefined();
  });

  it("finds no story when two stories match equally well, rather than guess", () => {
    const twins = [
      { slug: "weather-monday", headline: "Weather: rain and wind on the coast" },
      { slug: "weather-tuesday", headline: "Weather — rain and wind on the coast" },
    ];
    expect(findStoryByHeadline("Weather rain and wind on the coast", twins)).toBeUndefined();
    expect(findStoryByHeadline("Weather rain and wind on the coast today", twins)).toBeUndefined();
    const listedTwice = [...twins.slice(0, 1), ...twins.slice(0, 1)];
    expect(findStoryByHeadline("Weather rain and wind on the coast", listedTwice)).toBe("weather-monday");
  });

  it("finds no story in an empty list or for a headline with no words", () => {
    expect(findStoryByHeadline(fares, [])).toBeUndefined();
    expect(findStoryByHeadline(" — ", stories)).toBeUndefined();
  });
});

describe("headlineFinder", () => {
  const word = fc.constantFrom(
    "port",
    "ferry",
    "fares",
    "new",
    "wall",
    "mayor",
    "rise",
    "the",
    "to",
    "in",
    "five",
    "5",
    "bridge",
  );
  const headline = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(" "));
  const stories = fc
    .array(headline, { maxLength: 30 })
    .map((headlines) => headlines.map((h, index) => ({ slug: `story-${index}`, headline: h })));

  it("answers as findStoryByHeadline does, for any stories and any headline", () => {
    fc.assert(
      fc.property(stories, fc.array(headline, { minLength: 1, maxLength: 10 }), (known, wanted) => {
        const find = headlineFinder(known);
        for (const h of wanted) expect(find(h)).toBe(findStoryByHeadline(h, known));
      }),
      { numRuns: 300 },
    );
  });

  it("finds exact and close matches, and none for twins or another story", () => {
    const find = headlineFinder([
      { slug: "ferry-fares-rise", headline: fares },
      { slug: "ferry-strike", headline: "Port Merrow ferry workers to strike in January" },
      { slug: "weather-monday", headline: "Weather: rain and wind on the coast" },
      { slug: "weather-tuesday", headline: "Weather — rain and wind on the coast" },
    ]);
    expect(find("PORT MERROW FERRY FARES TO RISE IN JANUARY.")).toBe("ferry-fares-rise");
    expect(find("Port Merrow ferry fares to rise again in January")).toBe("ferry-fares-rise");
    expect(find("Port Merrow ferry timetable changes in January")).toBeUndefined();
    expect(find("Weather rain and wind on the coast")).toBeUndefined();
    expect(find(" — ")).toBeUndefined();
  });
});

describe("matchWords", () => {
  const shared = (a: string, b: string) => {
    const words = new Set(matchWords(b).words);
    return matchWords(a).words.filter((word) => words.has(word)).length;
  };

  it("gives a headline's distinct normalised words and the least any match shares", () => {
    expect(matchWords("Port Merrow ferry fares to rise in January")).toEqual({
      words: ["port", "merrow", "ferry", "fares", "to", "rise", "in", "january"],
      needed: 5,
    });
    expect(matchWords("Mayor resigns")).toEqual({ words: ["mayor", "resigns"], needed: 2 });
    expect(matchWords("!!!")).toEqual({ words: [], needed: 1 });
  });

  it("never asks more shared words than a real match has (the measured pairs)", () => {
    for (const [a, b] of [
      [fares, "Port Merrow ferry fares to rise again in January"],
      [fares, "Ferry fares to rise in January"],
      [fares, "Port Merrow ferry fares will rise in January"],
      ["Mayor resigns", "Mayor resigns today"],
    ] as const) {
      expect(headlineSimilarity(a, b)).toBeGreaterThanOrEqual(HEADLINE_MATCH_THRESHOLD);
      expect(shared(a, b)).toBeGreaterThanOrEqual(matchWords(a).needed);
    }
  });

  it("holds for any pair of headlines that match, repeated words included", () => {
    const word = fc.constantFrom("port", "ferry", "new", "wall", "mayor", "rise", "the", "to", "in", "5", "bridge");
    const words = fc.array(word, { minLength: 1, maxLength: 10 });
    // b is a with up to two words added, dropped or changed: most such pairs match, some do not.
    const edit = fc.tuple(fc.constantFrom("add", "drop", "change"), fc.nat(), word);
    let matches = 0;
    fc.assert(
      fc.property(words, fc.array(edit, { maxLength: 2 }), (a, edits) => {
        const b = [...a];
        for (const [kind, at, replacement] of edits) {
          const i = at % (b.length + 1);
          if (kind === "add") b.splice(i, 0, replacement);
          else if (kind === "drop" && b.length > 1) b.splice(i % b.length, 1);
          else b[i % b.length] = replacement;
        }
        const [x, y] = [a.join(" "), b.join(" ")];
        if (headlineSimilarity(x, y) < HEADLINE_MATCH_THRESHOLD) return;
        matches++;
        expect(shared(x, y)).toBeGreaterThanOrEqual(matchWords(x).needed);
      }),
      { numRuns: 5_000 },
    );
    expect(matches).toBeGreaterThan(1_000);
  });
});
