// The stylesheets name sides and sizes logically (inline/block, start/end), never physically
// (left/right/top/bottom, width/height), so a right-to-left page mirrors itself: the quote rule,
// the share bar, arrows and pagination move to the other side with the text. This holds every
// .css file in src/ and the offline page's styles to it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

const cssFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? cssFiles(join(dir, entry.name)) : entry.name.endsWith(".css") ? [join(dir, entry.name)] : [],
  );

/** Each physical property or value, and the logical one to use instead. */
const PHYSICAL: [RegExp, string][] = [
  [
    /^(margin|padding|border|scroll-margin|scroll-padding)-(left|right|top|bottom)(-\w+)?$/,
    "…-inline-start/end, …-block-start/end",
  ],
  [/^(left|right|top|bottom)$/, "inset-inline-start/end, inset-block-start/end"],
  [/^border-(top|bottom)-(left|right)-radius$/, "border-start-start-radius and the like"],
  [/^(min-|max-)?(width|height)$/, "inline-size, block-size (min-/max-)"],
  [/^overflow-(x|y)$/, "overflow-inline, overflow-block"],
  [/^contain-intrinsic-(width|height)$/, "contain-intrinsic-inline-size/block-size"],
];
const PHYSICAL_VALUES: [RegExp, RegExp, string][] = [
  [/^(text-align|float|clear)$/, /^(left|right)$/, "start, end (inline-start/inline-end)"],
  [/^resize$/, /^(horizontal|vertical)$/, "inline, block"],
  [
    /^(transform-origin|background-position|object-position)$/,
    /\b(left|right)\b/,
    "a logical layout, or sizes that grow from the start",
  ],
];

/** The declarations of a stylesheet, with their line numbers (comments left out). */
function declarations(css: string): { property: string; value: string; line: number }[] {
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, " "));
  return [...plain.matchAll(/(?<=[{;]\s*)([a-z-]+)\s*:\s*([^;{}]+)(?=;|})/g)].map((match) => ({
    property: match[1] ?? "",
    value: (match[2] ?? "").trim(),
    line: plain.slice(0, match.index).split("\n").length,
  }));
}

function physicalIn(css: string): string[] {
  return declarations(css).flatMap(({ property, value, line }) => {
    const named = PHYSICAL.find(([pattern]) => pattern.test(property));
    if (named) return [`line ${line}: ${property} (use ${named[1]})`];
    const valued = PHYSICAL_VALUES.find(([pattern, values]) => pattern.test(property) && values.test(value));
    if (valued) return [`line ${line}: ${property}: ${value} (use ${valued[2]})`];
    // Four sides in a shorthand are top, right, bottom, left: physical when right and left differ.
    if (/^(margin|padding|inset|border-width|border-style|border-color)$/.test(property)) {
      const sides = value.split(/\s+(?![^(]*\))/);
      if (sides.length === 4 && sides[1] !== sides[3])
        return [`line ${line}: ${property}: ${value} (right and left differ: use ${property}-inline and -block)`];
    }
    return [];
  });
}

describe("stylesheets use logical properties only", () => {
  const files = cssFiles(join(root, "src"));

  it("finds the stylesheets", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((file) => [relative(root, file), file]))("%s", (_name, file) => {
    expect(physicalIn(readFileSync(file, "utf8"))).toEqual([]);
  });

  it("public/offline.html", () => {
    const html = readFileSync(join(root, "public/offline.html"), "utf8");
    expect(physicalIn(html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? "")).toEqual([]);
  });

  it("catches what it is meant to", () => {
    expect(
      physicalIn(
        ".a { margin-left: 1rem; top: 0; width: 2px; text-align: right; padding: 0 1rem 0 2rem; border-top-left-radius: 2px }",
      ),
    ).toHaveLength(6);
    expect(
      physicalIn(
        ".a { margin-inline-start: 1rem; inset-block-start: 0; inline-size: 2px; text-align: end; padding: 0 1rem; margin: 1px 2px 3px 2px }",
      ),
    ).toEqual([]);
  });
});
