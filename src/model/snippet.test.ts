// Snippets mark what a reader searched for however it was typed: an Arabic word with or without
// its vowels or hamza, a Greek or Spanish one without accents, a Japanese word inside a sentence.
import { describe, expect, it } from "vitest";
import { snippet } from "./snippet";

const marked = (text: string, words: string[]) =>
  snippet(text, words)
    .filter((part) => part.match)
    .map((part) => part.text);

describe("a search snippet", () => {
  it("marks an English word by its stem, as before", () => {
    expect(marked("Readers protested the closing of the reading room.", ["protests"])).toEqual(["protested"]);
  });

  it("marks an Arabic word written with vowels and hamza when the reader typed it without", () => {
    expect(marked("انتظر القرّاء أمام أبوابِها منذ الصباح", ["ابوابها"])).toEqual(["أبوابِها"]);
  });

  it("marks Greek and Spanish words whatever their accents", () => {
    expect(marked("Η πόλη άνοιξε νέα βιβλιοθήκη δίπλα στο λιμάνι", ["βιβλιοθηκη"])).toEqual(["βιβλιοθήκη"]);
    expect(marked("La canción del coro sonó", ["cancion"])).toEqual(["canción"]);
  });

  it("marks a Japanese or Chinese word inside unspaced text, and only it", () => {
    expect(snippet("東京都の新しい図書館は朝九時に開き、", ["図書館"])).toEqual([
      { text: "東京都の新しい", match: false },
      { text: "図書館", match: true },
      { text: "は朝九時に開き、", match: false },
    ]);
    expect(marked("市长说，读者从清晨就开始排队。", ["读者", "排队"])).toEqual(["读者", "排队"]);
  });
});
