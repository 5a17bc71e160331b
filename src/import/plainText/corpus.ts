// The scraped-text corpus (src/import/corpus): each NAME.txt as a scraper hands it over, and
// NAME.expected as an editor would set it, one field or block a line:
//   kicker: / headline: / deck: / author: / published: (ISO) / paragraph: / quote: / cite: (of the
//   quote before) / heading: / related: / video (a placeholder) / image: SRC | ALT / caption: (of
//   the picture before)
// The expected story is read from those lines alone, never from the reader's output.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { diffArrays } from "diff";
import type { Block } from "../../model/story";
import type { ImageBlockSize, PlainTextStory } from "./story";

/**
 * The sets of the corpus: every folder of it ("tuning", "held-out", and any set added later, such as
 * a blind set), in name order. A new set is a new folder; nothing here names them.
 */
export function corpusSets(corpusDir: string): string[] {
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export interface CorpusStory {
  name: string;
  text: string;
  expected: PlainTextStory;
}

export function readCorpus(
  corpusDir: string,
  set: string,
  sizeOf: (src: string) => ImageBlockSize | undefined,
): CorpusStory[] {
  const dir = join(corpusDir, set);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((file) => {
      const name = file.slice(0, -".txt".length);
      const expected = readFileSync(join(dir, `${name}.expected`), "utf8");
      return { name, text: readFileSync(join(dir, file), "utf8"), expected: expectedStory(expected, sizeOf) };
    });
}

/**
 * A second editor's setting of a corpus set's pages (src/import/editorAgreement/SET/NAME.expected, in
 * the same format), read as the first editor's is, by story name: what two editors agree on is the
 * ceiling an exact-story figure can reach.
 */
export function readSecondEditor(
  agreementDir: string,
  set: string,
  sizeOf: (src: string) => ImageBlockSize | undefined,
): Map<string, PlainTextStory> {
  const dir = join(agreementDir, set);
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith(".expected"))
      .map((file) => [
        file.slice(0, -".expected".length),
        expectedStory(readFileSync(join(dir, file), "utf8"), sizeOf),
      ]),
  );
}

function expectedStory(source: string, sizeOf: (src: string) => ImageBlockSize | undefined): PlainTextStory {
  const story: PlainTextStory = { headline: "", body: [] };
  for (const line of source.split("\n").filter((l) => l.trim())) {
    const [, field = line.trim(), value = ""] = /^(\w+):\s?(.*)$/u.exec(line) ?? [];
    const last = story.body.at(-1);
    if (field === "kicker") story.kicker = value;
    else if (field === "headline") story.headline = value;
    else if (field === "deck") story.deck = value;
    else if (field === "author") story.authors = [...(story.authors ?? []), value];
    else if (field === "published") {
      // One instant, however an editor wrote it (2026-03-19T10:48Z, +01:00): the reader writes UTC with milliseconds.
      const at = new Date(value);
      if (Number.isNaN(at.getTime())) throw new Error(`corpus: "published: ${value}" is not an ISO time`);
      story.publishedAt = at.toISOString();
    } else if (field === "video") story.body.push({ type: "video", title: story.headline, sources: [] });
    else if (field === "cite" && last?.type === "quote") last.cite = value;
    else if (field === "caption" && last?.type === "image") last.caption = value;
    else if (field === "image") {
      const [src = "", alt = ""] = value.split("|").map((part) => part.trim());
      const size = sizeOf(src);
      if (!size) throw new Error(`corpus: no picture at ${src}`);
      story.body.push({ type: "image", src, alt, ...size });
    } else if (field === "paragraph" || field === "quote" || field === "heading")
      story.body.push({ type: field, text: value } as Block);
    else if (field === "related") story.body.push({ type: "related", headline: value });
    else throw new Error(`corpus: an expected line says ${JSON.stringify(line)}`);
  }
  return story;
}

/** A story as its .expected file writes it, one field or block a line (the lines of the corpus's format). */
export function storyLines(story: PlainTextStory): string[] {
  const blockLines = (block: Block): string[] => {
    switch (block.type) {
      case "paragraph":
      case "heading":
        return [`${block.type}: ${block.text}`];
      case "quote":
        return [`quote: ${block.text}`, ...(block.cite === undefined ? [] : [`cite: ${block.cite}`])];
      case "related":
        return [`related: ${block.headline}`];
      case "video":
        return ["video"];
      case "image":
        return [`image: ${block.src}`, ...(block.caption === undefined ? [] : [`caption: ${block.caption}`])];
      default:
        return [`${block.type}: ${JSON.stringify(block)}`];
    }
  };
  return [
    ...(story.kicker === undefined ? [] : [`kicker: ${story.kicker}`]),
    `headline: ${story.headline}`,
    ...(story.deck === undefined ? [] : [`deck: ${story.deck}`]),
    ...(story.authors ?? []).map((author) => `author: ${author}`),
    ...(story.publishedAt === undefined ? [] : [`published: ${story.publishedAt}`]),
    ...story.body.flatMap(blockLines),
  ];
}

/**
 * Lines found, the figure reported beside exact stories (README, corpus.test.ts, corpus:diff, train-reader):
 * of a story's expected lines (storyLines: each field or block a line, a quote's cite and a picture's
 * caption lines of their own), those with an equal line in the reading, matched in order (the longest
 * common subsequence of the two lists of lines, as `diff` finds it). A line read that the editor did not
 * set (boilerplate kept) costs nothing here; it costs the story its exactness. A reading that fails
 * (no headline) finds none.
 */
export function linesFound(
  expected: PlainTextStory,
  read: PlainTextStory | undefined,
): { lines: number; found: number } {
  const lines = storyLines(expected);
  if (!read) return { lines: lines.length, found: 0 };
  const missed = diffArrays(lines, storyLines(read))
    .filter((change) => change.removed)
    .reduce((sum, change) => sum + change.value.length, 0);
  return { lines: lines.length, found: lines.length - missed };
}

/** "684 of 818 lines (84%)": lines found as the README writes them. */
export const linesFoundText = ({ lines, found }: { lines: number; found: number }): string =>
  `${found} of ${lines} lines (${Math.round((found / Math.max(lines, 1)) * 100)}%)`;
