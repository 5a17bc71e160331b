// The scraped-text corpus (src/import/corpus): each NAME.txt as a scraper hands it over, and
// NAME.expected as an editor would set it, one field or block a line:
//   kicker: / headline: / deck: / author: / published: (ISO) / paragraph: / quote: / cite: (of the
//   quote before) / heading: / related: / video (a placeholder) / image: SRC | ALT / caption: (of
//   the picture before)
// The expected story is read from those lines alone, never from the reader's output.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
