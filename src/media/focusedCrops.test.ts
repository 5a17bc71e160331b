// A picture's focus (model/picture.ts) in its crops: the address names it, the server reads it back,
// and the crop keeps that part of the picture in view, as near the middle as the edges allow.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { cropPath, parseRenditionPath } from "../model/picture";
import { blockSchema } from "../model/story";
import { deriveRendition } from "./renditions";

/** A wide picture, black on its left half and white on its right. */
const halves = () =>
  sharp({ create: { width: 800, height: 200, channels: 3, background: "#000000" } })
    .composite([
      {
        input: { create: { width: 400, height: 200, channels: 3, background: "#ffffff" } },
        left: 400,
        top: 0,
      },
    ])
    .png()
    .toBuffer();

const brightness = async (bytes: Buffer) => (await sharp(bytes).stats()).channels[0]?.mean ?? Number.NaN;

describe("a picture's focus", () => {
  const picture = { src: "/uploads/ab.jpg", version: "0123456789abcdef" };

  it("is named in a crop's address and read back from it; a picture without one keeps the plain name", () => {
    expect(cropPath(picture, "1x1")).toBe("/img/uploads/ab.jpg/0123456789abcdef/1x1.jpg");
    const path = cropPath({ ...picture, focus: { x: 0.25, y: 0.7 } }, "og");
    expect(path).toBe("/img/uploads/ab.jpg/0123456789abcdef/og-f25-70.jpg");
    expect(parseRenditionPath(path)).toEqual({ ...picture, crop: "og", focus: { x: 0.25, y: 0.7 }, format: "jpg" });
    expect(parseRenditionPath("/img/uploads/ab.jpg/0123456789abcdef/og-f250-70.jpg")).toBeUndefined();
    expect(parseRenditionPath("/img/uploads/ab.jpg/0123456789abcdef/w640-f25-70.jpg")).toBeUndefined();
  });

  it("is a point within the picture, or the story is refused", () => {
    const image = { type: "image", src: "/uploads/ab.jpg", alt: "Ferry", width: 800, height: 200 };
    expect(blockSchema.safeParse({ ...image, focus: { x: 0.1, y: 1 } }).success).toBe(true);
    expect(blockSchema.safeParse({ ...image, focus: { x: 1.5, y: 0 } }).success).toBe(false);
    expect(blockSchema.safeParse({ ...image, focus: { x: 0.5 } }).success).toBe(false);
  });

  it("keeps its part of the picture in the crop: the left edge, the right edge", async () => {
    const source = await halves();
    const left = await deriveRendition(source, { crop: "1x1", focus: { x: 0, y: 0.5 }, format: "jpg" });
    const right = await deriveRendition(source, { crop: "1x1", focus: { x: 1, y: 0.5 }, format: "jpg" });
    expect(await sharp(left).metadata()).toMatchObject({ width: 1200, height: 1200 });
    expect(await brightness(left)).toBeLessThan(10);
    expect(await brightness(right)).toBeGreaterThan(245);
    // The middle, when the focus is there: half and half.
    const middle = await deriveRendition(source, { crop: "1x1", focus: { x: 0.5, y: 0.5 }, format: "jpg" });
    expect(await brightness(middle)).toBeGreaterThan(100);
    expect(await brightness(middle)).toBeLessThan(155);
  });
});
