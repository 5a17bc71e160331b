// Share cards in every script a newsroom might write in: each headline's every character is in the
// fonts the card chooses (read from the font files' own character maps, not from the packages'
// ranges the choice is made by), and the card is drawn with them: without them it looks different,
// an Arabic headline joins its letters and starts at the right.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as fontkit from "fontkit";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { readSiteConfig } from "../../site/siteConfig";
import { serifFiles } from "./fonts";
import { withWordBreaks } from "./lineBreaks";
import { renderShareCard, type ShareCardContent, scriptSlicesFor } from "./ShareCard";
import { slicesFor } from "./scriptFonts";
import { PADDING, SHARE_CARD } from "./styles";

/** Headlines written for this test, one per script. */
const headlines = {
  Arabic: "المدينة تفتح مكتبتها الجديدة أمام القرّاء في الصباح",
  Hebrew: "העירייה פותחת ספרייה חדשה ליד הנמל",
  Devanagari: "शहर में नई लाइब्रेरी सुबह से खुली",
  Thai: "เมืองเปิดห้องสมุดใหม่ริมท่าเรือ",
  Chinese: "城市新图书馆今早在港口旁开放，读者排起长队",
  Japanese: "港の近くに新しい図書館が開館、朝から読者が列を作った",
  Korean: "항구 옆 새 도서관이 오늘 문을 열었다",
  Cyrillic: "Город открыл новую библиотеку у гавани",
  Greek: "Η πόλη άνοιξε νέα βιβλιοθήκη δίπλα στο λιμάνι",
} as const;

/** The demo site's name and accent (content/site.yaml), as its cards carry them. */
const demo = readSiteConfig(join(import.meta.dirname, "../../../content/site.yaml"));

const card = (headline: string): ShareCardContent => ({
  section: "City",
  headline,
  hasVideo: false,
  host: "news.example",
  brand: { name: demo.name, accent: demo.colors.accent },
});

type Glyphs = { hasGlyphForCodePoint(codePoint: number): boolean };
const openFont = (file: string) => fontkit.create(readFileSync(file)) as unknown as Glyphs;

/** The rows and columns of the headline's box on a card without a picture: between masthead and footer. */
const HEADLINE_AREA = { left: 0, top: 150, width: SHARE_CARD.width, height: 330 };

/** How many pixels of the headline's area are ink (darker than mid grey). */
async function inkColumns(png: Buffer): Promise<{ count: number; first: number; last: number }> {
  const { data, info } = await sharp(png)
    .extract(HEADLINE_AREA)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let count = 0;
  let first = info.width;
  let last = -1;
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++) {
      if ((data[y * info.width + x] ?? 255) >= 128) continue;
      count++;
      first = Math.min(first, x);
      last = Math.max(last, x);
    }
  return { count, first, last };
}

/** How many pixels of the headline's area differ between two cards. */
async function differingPixels(a: Buffer, b: Buffer): Promise<number> {
  const grey = (png: Buffer) => sharp(png).extract(HEADLINE_AREA).greyscale().raw().toBuffer();
  const [x, y] = await Promise.all([grey(a), grey(b)]);
  let count = 0;
  for (let i = 0; i < x.length; i++) if (Math.abs((x[i] ?? 0) - (y[i] ?? 0)) > 64) count++;
  return count;
}

describe("a share card in each script", () => {
  const serif = serifFiles().map(openFont);

  it.each(Object.entries(headlines))("has every character of a %s headline in its fonts", (_script, headline) => {
    const fonts = [...serif, ...slicesFor(headline).map((slice) => openFont(slice.file))];
    const missing = [...new Set(headline.replace(/\s/gu, ""))].filter(
      (character) => !fonts.some((font) => font.hasGlyphForCodePoint(character.codePointAt(0) ?? 0)),
    );
    expect(missing).toEqual([]);
  });

  it("reads no other font for a headline its own typefaces draw", () => {
    expect(scriptSlicesFor(card("Harbour library opens its doors"))).toEqual([]);
    expect(scriptSlicesFor(card(headlines.Greek))).toEqual([]);
    expect(scriptSlicesFor(card(headlines.Cyrillic))).toEqual([]);
  });

  it.each(Object.entries(headlines).filter(([script]) => script !== "Greek" && script !== "Cyrillic"))(
    "draws a %s headline with its script's font, not the boxes of a card without it",
    async (_script, headline) => {
      const drawn = await renderShareCard(card(headline));
      const withoutFont = await renderShareCard(card(headline), undefined, []);
      const ink = await inkColumns(drawn);
      expect(ink.count).toBeGreaterThan(3000);
      // A font's missing-glyph boxes are a different drawing from the glyphs.
      expect(await differingPixels(drawn, withoutFont)).toBeGreaterThan(ink.count / 4);
    },
  );

  it("joins an Arabic headline's letters and sets it from the right", async () => {
    const headline = "افتتاح المكتبة";
    const drawn = await inkColumns(await renderShareCard(card(headline)));
    // The same letters kept apart by zero-width non-joiners: isolated forms, wider than joined ones.
    const apart = await inkColumns(await renderShareCard(card([...headline].join("\u200c"))));
    expect(apart.last - apart.first).toBeGreaterThan((drawn.last - drawn.first) * 1.1);
    // One short line, ending at the text panel's right edge and starting far from its left one.
    expect(SHARE_CARD.width - PADDING - drawn.last).toBeLessThan(12);
    expect(drawn.first).toBeGreaterThan(SHARE_CARD.width / 2);
  });

  it("sets a Latin headline from the left", async () => {
    const drawn = await inkColumns(await renderShareCard(card("Library opens")));
    expect(drawn.first - PADDING).toBeLessThan(12);
    expect(SHARE_CARD.width - PADDING - drawn.last).toBeGreaterThan(200);
  });

  it("lets a Thai headline break between its words only", () => {
    expect(withWordBreaks("เมืองเปิดห้องสมุด ใหม่")).toBe("เมือง\u200bเปิด\u200bห้อง\u200bสมุด ใหม่");
    expect(withWordBreaks(headlines.Greek)).toBe(headlines.Greek);
  });
});
