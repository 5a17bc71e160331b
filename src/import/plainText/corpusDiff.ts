// npm run corpus:diff -- SET…: each story of a corpus set, expected against read, line by line in the
// corpus's own format (corpus.ts), and the missed lines counted by kind. The misses of a set at a
// glance, to find what is systematic (many stories) rather than one story's wording.
import { resolve } from "node:path";
import { diffArrays } from "diff";
import { type CorpusStory, linesFound, linesFoundText, storyLines } from "./corpus";
import { headerFinderFor, readerFor } from "./keptReader";
import { type PlainTextStory, parsePlainTextStory } from "./story";
import { corpusAndGenerated, corpusSetNames } from "./train";

/** A story as its .expected file writes it, one field or block a line. */
export const expectedLines = storyLines;

/** The kinds misses are counted by, from the field of a line missed ("-") or added ("+"). */
export function kindOf(line: string, sign: "-" | "+"): string {
  const field = /^(\w+)/u.exec(line)?.[1] ?? "";
  if (field === "published") return "date";
  if (["kicker", "headline", "deck", "author"].includes(field)) return "header fields";
  if (field === "related") return "related";
  if (field === "heading") return "headings";
  if (field === "video") return "video";
  if (sign === "+" && (field === "quote" || field === "cite")) return "quotes or embeds added";
  if (sign === "+") return "text added (boilerplate kept, lines split)";
  return "text missed (dropped, joined or misread)";
}

export interface SetDiff {
  stories: number;
  exact: number;
  /** Expected lines with no equal in the reading. */
  missedLines: number;
  /** The set's expected lines, and those found (corpus.ts, linesFound: expected lines less those missed). */
  lines: { lines: number; found: number };
  /** Per kind: stories with at least one such line, and the lines. */
  kinds: Map<string, { stories: number; lines: number }>;
  report: string[];
}

export function diffSet(stories: CorpusStory[], sizeOf?: Parameters<typeof parsePlainTextStory>[1]): SetDiff {
  const result: SetDiff = {
    stories: stories.length,
    exact: 0,
    missedLines: 0,
    lines: { lines: 0, found: 0 },
    kinds: new Map(),
    report: [],
  };
  for (const story of stories) {
    const expected = expectedLines(story.expected);
    let read: string[];
    let parsed: PlainTextStory | undefined;
    try {
      parsed = parsePlainTextStory(story.text, sizeOf);
      read = expectedLines(parsed);
    } catch (error) {
      read = [`error: ${(error as Error).message}`];
    }
    const { lines, found } = linesFound(story.expected, parsed);
    result.lines.lines += lines;
    result.lines.found += found;
    const changes = diffArrays(expected, read).filter((change) => change.added || change.removed);
    if (changes.length === 0) {
      result.exact += 1;
      continue;
    }
    result.report.push(`${story.name}`);
    const kinds = new Set<string>();
    for (const change of changes)
      for (const line of change.value) {
        const sign = change.added ? "+" : "-";
        const kind = kindOf(line, sign);
        kinds.add(kind);
        const counted = result.kinds.get(kind) ?? { stories: 0, lines: 0 };
        counted.lines += 1;
        result.kinds.set(kind, counted);
        if (sign === "-") result.missedLines += 1;
        result.report.push(`  ${sign} ${line.length > 160 ? `${line.slice(0, 159)}…` : line}`);
      }
    for (const kind of kinds) (result.kinds.get(kind) as { stories: number }).stories += 1;
  }
  return result;
}

export async function main(args: string[]): Promise<number> {
  const quiet = args.includes("--summary");
  const names = args.filter((arg) => !arg.startsWith("--"));
  // Only the sets named are read: a blind set is read by nothing until it is asked for.
  const sets = corpusAndGenerated(names);
  if (names.length === 0 || names.some((name) => !sets.has(name))) {
    console.error(`npm run corpus:diff -- [--summary] SET…, SET one of: ${corpusSetNames().join(", ")}`);
    return 2;
  }
  const { publicImageSizer } = await import("../demoContent");
  const sizeOf = publicImageSizer(resolve("public"));
  for (const name of names) {
    // Read as the importer reads (keptReader.ts).
    const diff = diffSet(sets.get(name) ?? [], { sizeOf, reader: readerFor(), header: headerFinderFor() });
    if (!quiet) console.log(diff.report.join("\n"));
    console.log(
      `\n${name}: ${diff.exact} of ${diff.stories} stories exact, ${linesFoundText(diff.lines)} found; ${diff.missedLines} expected lines missed. By kind (stories, lines):`,
    );
    for (const [kind, { stories, lines }] of [...diff.kinds].sort((a, b) => b[1].stories - a[1].stories))
      console.log(`  ${kind}: ${stories} stories, ${lines} lines`);
  }
  return 0;
}
