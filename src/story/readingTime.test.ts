import { describe, expect, it } from "vitest";
import type { Block } from "../model/story";
import { readingMinutes } from "./readingTime";

/** The count as it was first written: the body's text joined, split at white space. */
const splitCount = (texts: string[]) => texts.join(" ").split(/\s+/).filter(Boolean).length;

const SPACES = "\t\n\v\f\r \u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";
const NOT_SPACES = "a语é\u200b\u180e\u0085-\ud83d\ude00";

describe("readingMinutes", () => {
  it("counts words as splitting at white space does, every kind of it", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 200; round++) {
      const texts = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        Array.from({ length: Math.floor(random() * 3000) }, () => {
          const from = random() < 0.3 ? SPACES : NOT_SPACES;
          return from[Math.floor(random() * from.length)];
        }).join(""),
      );
      const words = splitCount(texts);
      const body = texts.map((text) => ({ type: "paragraph", text }) as Block);
      expect(readingMinutes(body)).toBe(Math.max(1, Math.round(words / 230)));
    }
  });

  it("reads a minute for a body with no words, and leaves blocks without text out", () => {
    expect(readingMinutes([])).toBe(1);
    const words = Array.from({ length: 690 }, () => "word").join(" ");
    expect(readingMinutes([{ type: "paragraph", text: words } as Block, { type: "divider" } as unknown as Block])).toBe(
      3,
    );
  });
});
