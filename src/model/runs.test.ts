import { describe, expect, it } from "vitest";
import { isRunHref, linkGroups, linkRel, MAX_RUNS } from "./runs";
import { blockSchema, storyInputSchema } from "./story";

const paragraph = (text: string, runs: unknown) => ({ type: "paragraph", text, runs });
const refusal = (block: unknown) => {
  const result = blockSchema.safeParse(block);
  expect(result.success, JSON.stringify(block)).toBe(false);
  return result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") ?? "";
};

describe("a passage's runs", () => {
  it("take links, emphasis and strong, and keep the plain text beside them", () => {
    const block = paragraph("The council's report, Harbour Walls, was leaked.", [
      { text: "The council's " },
      { text: "report", href: "https://council.example/reports/walls?year=2026#summary" },
      { text: ", " },
      { text: "Harbour Walls", marks: ["em"], href: "/stories/harbour-walls-report" },
      { text: ", was " },
      { text: "leaked", marks: ["strong", "em"] },
      { text: "." },
    ]);
    expect(blockSchema.parse(block)).toEqual(block);
    const quote = {
      type: "quote",
      text: "Never again.",
      runs: [{ text: "Never", marks: ["em"] }, { text: " again." }],
    };
    expect(blockSchema.parse({ ...quote, cite: "The mayor" })).toEqual({ ...quote, cite: "The mayor" });
  });

  it("are optional: a passage of plain text stays valid and reads back as it was", () => {
    expect(blockSchema.parse({ type: "paragraph", text: "Plain." })).toEqual({ type: "paragraph", text: "Plain." });
  });

  it("must be the passage's text exactly, and come only with it", () => {
    expect(refusal(paragraph("What search reads.", [{ text: "Something else." }]))).toMatch(
      /runs: the runs' texts joined must be text exactly/,
    );
    // The text is trimmed; runs are not: their spaces are the text's.
    expect(refusal(paragraph(" Padded. ", [{ text: " Padded. " }]))).toMatch(/runs:/);
    expect(refusal({ type: "paragraph", runs: [{ text: "No text." }] })).toMatch(/text/);
    const picture = { type: "image", src: "https://pictures.example/a.jpg", alt: "A quay", width: 10, height: 10 };
    expect(refusal({ ...picture, captionRuns: [{ text: "No caption." }] })).toMatch(
      /captionRuns: comes only with caption/,
    );
    expect(
      blockSchema.safeParse({
        ...picture,
        caption: "Quay.",
        captionRuns: [{ text: "Quay", marks: ["em"] }, { text: "." }],
      }).success,
    ).toBe(true);
  });

  it("refuse links that are not http(s) or a story of this site", () => {
    for (const href of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "java\tscript:alert(1)",
      " https://example.com",
      "https://exa mple.com",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox",
      "mailto:desk@example.com",
      "//evil.example/x",
      "https:\\\\evil.example",
      "https://user:secret@example.com/",
      "https:example.com",
      "/admin",
      "/stories/../api/accounts",
      "/stories/Harbour",
      "stories/harbour",
      `https://example.com/${"x".repeat(2_100)}`,
    ])
      expect(isRunHref(href), href).toBe(false);
    for (const href of [
      "https://example.com",
      "http://example.com/a?b=c#d",
      "/stories/harbour-wall",
      "/stories/harbour-wall#p-3",
    ])
      expect(isRunHref(href), href).toBe(true);
    expect(refusal(paragraph("Click.", [{ text: "Click.", href: "javascript:alert(1)" }]))).toMatch(
      /runs.0.href: an http\(s\) URL, or a story of this site/,
    );
  });

  it("refuse unknown, repeated or empty marks, empty runs, unknown keys and control characters", () => {
    expect(refusal(paragraph("A.", [{ text: "A.", marks: ["underline"] }]))).toMatch(/runs.0.marks.0/);
    expect(refusal(paragraph("A.", [{ text: "A.", marks: ["em", "em"] }]))).toMatch(/each mark at most once/);
    expect(refusal(paragraph("A.", [{ text: "A.", marks: [] }]))).toMatch(/runs.0.marks/);
    expect(refusal(paragraph("A.", [{ text: "" }, { text: "A." }]))).toMatch(/runs.0.text/);
    expect(refusal(paragraph("A.", []))).toMatch(/runs/);
    expect(refusal(paragraph("A.", [{ text: "A.", html: "<b>A.</b>" }]))).toMatch(/html/);
    expect(refusal(paragraph("A\u202eB", [{ text: "A\u202eB" }]))).toMatch(/bidi control U\+202E/);
    expect(refusal(paragraph("AB", [{ text: "A\u0000" }, { text: "B" }]))).toMatch(/control character U\+0000/);
    const many = Array.from({ length: MAX_RUNS + 1 }, () => ({ text: "a" }));
    expect(refusal(paragraph("a".repeat(MAX_RUNS + 1), many))).toMatch(/runs/);
  });

  it("cannot nest or overlap: a run is flat, and a word both emphasised and strong is one run with both marks", () => {
    expect(refusal(paragraph("A.", [{ text: "A.", runs: [{ text: "A.", marks: ["em"] }] }]))).toMatch(/runs/);
    expect(refusal(paragraph("A.", [{ text: "A.", marks: [{ mark: "em", from: 0, to: 5 }] }]))).toMatch(/marks/);
  });

  it("hold in a whole story, and their place in the body is named when wrong", () => {
    const story = {
      slug: "runs-story",
      headline: "Runs",
      section: "city",
      authors: [],
      tags: [],
      publishedAt: "2026-12-01T00:00:00Z",
      updatedAt: "2026-12-01T00:00:00Z",
      body: [{ type: "paragraph", text: "Fine." }, paragraph("Wrong.", [{ text: "Right." }])],
    };
    const result = storyInputSchema.safeParse(story);
    expect(result.error?.issues[0]?.path).toEqual(["body", 1, "runs"]);
  });
});

describe("links as pages and feeds write them", () => {
  it("join runs in a row with the same link into one link", () => {
    const groups = linkGroups([
      { text: "see " },
      { text: "the ", href: "https://a.example" },
      { text: "report", href: "https://a.example", marks: ["em"] },
      { text: "here", href: "https://b.example" },
      { text: "." },
      { text: "!" },
    ]);
    expect(groups.map((group) => [group.href, group.runs.map((run) => run.text).join("")])).toEqual([
      [undefined, "see "],
      ["https://a.example", "the report"],
      ["https://b.example", "here"],
      [undefined, "."],
      [undefined, "!"],
    ]);
  });

  it("give other sites' links noopener, nofollow when asked, and the site's own stories neither", () => {
    expect(linkRel("https://a.example", {})).toBe("noopener");
    expect(linkRel("https://a.example", { nofollowLinks: true })).toBe("noopener nofollow");
    expect(linkRel("/stories/harbour-wall", { nofollowLinks: true })).toBeUndefined();
  });
});
