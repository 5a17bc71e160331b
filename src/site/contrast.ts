// Contrast between two colours as WCAG 2 defines it: the ratio of their relative luminances, from
// 1 (the same) to 21 (black on white). AA asks 4.5:1 of text.
export const AA_TEXT_CONTRAST = 4.5;

/** A colour's relative luminance, from "#rgb" or "#rrggbb". */
function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join("") : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((at) => {
    const channel = Number.parseInt(digits.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours ("#b3261e" on "#fbfaf7" is about 6.3). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
