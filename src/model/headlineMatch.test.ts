import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findStoryByHeadline, HEADLINE_MATCH_THRESHOLD, headlineSimilarity, normalizeHeadline } from "./headlineMatch";

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
