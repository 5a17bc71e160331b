// The editor's format: Markdown with YAML front matter (see README, "Story files").
// The body is a small Markdown subset that maps one-to-one onto story blocks; within a paragraph
// or a quote, CommonMark's links, emphasis and strong become the passage's runs (model/runs.ts).
import type { PhrasingContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { MARKS, type Mark, type Run } from "../model/runs";
import { slugify } from "../model/slug";
import { type Block, type StoryInput, storyInputSchema } from "../model/story";

export interface ImageSize {
  width: number;
  height: number;
}
/** Tells the size of an image the story names, when the importer can see the file. */
export type ImageSizer = (src: string) => ImageSize | undefined;

/**
 * An author or a tag: a name, whose slug is made from it, or a name with its slug, for a name
 * in a script with no Latin letters ("سلمى الحداد" makes no slug).
 */
const namedSchema = z.union([z.string(), z.object({ name: z.string(), slug: z.string() })]);
const named = (entry: z.infer<typeof namedSchema>) =>
  typeof entry === "string" ? { slug: slugify(entry), name: entry } : entry;

const frontMatterSchema = z.object({
  slug: z.string().optional(),
  kicker: z.string().optional(),
  /** BCP 47, when the story is not in the site's language. */
  language: z.string().optional(),
  headline: z.string(),
  deck: z.string().optional(),
  section: z.string(),
  authors: z.array(namedSchema).default([]),
  tags: z.array(namedSchema).default([]),
  publishedAt: z.union([z.string(), z.date()]),
  updatedAt: z.union([z.string(), z.date()]).optional(),
  /** Corrections, each a date and a text: shown at the story's end whatever their order here. */
  corrections: z.array(z.object({ date: z.union([z.string(), z.date()]), text: z.string() })).default([]),
  image: z
    .object({
      src: z.string(),
      alt: z.string(),
      width: z.int().optional(),
      height: z.int().optional(),
      caption: z.string().optional(),
      credit: z.string().optional(),
    })
    .optional(),
  video: z
    .object({
      title: z.string(),
      poster: z.string(),
      sources: z.array(z.object({ src: z.string(), type: z.string() })),
      captions: z.array(z.object({ src: z.string(), srclang: z.string(), label: z.string() })).optional(),
      durationS: z.number().optional(),
      width: z.int().optional(),
      height: z.int().optional(),
    })
    .optional(),
});

export class StoryFormatError extends Error {}

export function parseMarkdownStory(source: string, sizeOf: ImageSizer = () => undefined): StoryInput {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new StoryFormatError("the file must start with YAML front matter between --- lines");
  const [, yaml = "", body = ""] = match;
  const front = frontMatterSchema.safeParse(parseYaml(yaml));
  if (!front.success) throw new StoryFormatError(`front matter: ${z.prettifyError(front.error)}`);
  const meta = front.data;

  const sized = (src: string, width?: number, height?: number) => {
    const size = width && height ? { width, height } : sizeOf(src);
    if (!size) throw new StoryFormatError(`cannot tell the size of image ${src}: give width and height`);
    return size;
  };
  const video = meta.video && ({ type: "video", ...meta.video } as Block);
  const blocks = parseBody(body, video, sized);
  if (video && !blocks.includes(video)) blocks.push(video);

  const iso = (value: string | Date) => {
    const date = value instanceof Date ? value : new Date(value);
    // An unreadable date is left as written, for the story's schema to refuse by name.
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
  };
  const publishedAt = iso(meta.publishedAt);
  const corrections = meta.corrections.map((c) => ({ type: "correction" as const, date: iso(c.date), text: c.text }));
  // Without an updatedAt, the story was last updated by its latest correction, if any.
  const lastChange = [publishedAt, ...corrections.map((c) => c.date)].sort().at(-1);
  const story = storyInputSchema.safeParse({
    slug: meta.slug ?? slugify(meta.headline),
    kicker: meta.kicker,
    ...(meta.language ? { language: meta.language } : {}),
    headline: meta.headline,
    deck: meta.deck,
    section: meta.section,
    authors: meta.authors.map(named),
    tags: meta.tags.map(named),
    publishedAt,
    updatedAt: meta.updatedAt ? iso(meta.updatedAt) : lastChange,
    image: meta.image && {
      src: meta.image.src,
      alt: meta.image.alt,
      ...sized(meta.image.src, meta.image.width, meta.image.height),
      ...(meta.image.caption ? { caption: meta.image.caption } : {}),
      ...(meta.image.credit ? { credit: meta.image.credit } : {}),
    },
    body: [...blocks, ...corrections],
  });
  if (!story.success) throw new StoryFormatError(z.prettifyError(story.error));
  return story.data;
}

function parseBody(body: string, video: Block | undefined, sized: (src: string) => ImageSize): Block[] {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk): Block => {
      const lines = chunk.split(/\r?\n/).map((line) => line.trim());
      if (chunk === "::video") {
        if (!video) throw new StoryFormatError("::video marks a place for a video, but the front matter has none");
        return video;
      }
      const heading = /^#{2,6}\s+(.+)$/.exec(chunk);
      if (heading && lines.length === 1) return { type: "heading", text: heading[1] ?? "" };
      if (lines.every((line) => line.startsWith(">"))) return quote(lines.map((l) => l.replace(/^>\s?/, "")));
      const image = /^!\[([^\]]*)\]\(\s*(\S+?)(?:\s+"([^"]*)")?\s*\)$/.exec(chunk);
      if (image) {
        const [, alt = "", src = "", caption] = image;
        return { type: "image", src, alt, ...(caption ? { caption } : {}), ...sized(src) };
      }
      const related = /^\[([^\]]+)\]\(\/stories\/([a-z0-9-]+)\)$/.exec(chunk);
      if (related) return { type: "related", slug: related[2] ?? "", headline: related[1] ?? "" };
      return { type: "paragraph", ...passage(lines.join(" ")) };
    });
}

function quote(lines: string[]): Block {
  const last = lines.at(-1) ?? "";
  const cite = /^(?:—|--)\s*(.+)$/.exec(last);
  const text = (cite ? lines.slice(0, -1) : lines).join(" ").trim();
  return { type: "quote", ...passage(text), ...(cite?.[1] ? { cite: cite[1] } : {}) };
}

/**
 * A paragraph's or quote's Markdown as its text and, when it has any links or marks, its runs.
 * Escapes and entities are read (`\*` is an asterisk); code spans and raw HTML are kept as text;
 * a picture inside a line gives its alt text. A link the model refuses (javascript:, say) is left
 * for the story's schema to refuse by name.
 */
export function passage(markdown: string): { text: string; runs?: Run[] } {
  const [first] = fromMarkdown(markdown).children;
  const runs = mergeRuns(first?.type === "paragraph" ? first.children.flatMap((node) => toRuns(node, [])) : []);
  const text = runs.map((run) => run.text).join("");
  // What Markdown cannot read as one paragraph (a list, say) stays as it was written.
  if (first?.type !== "paragraph" || text !== text.trim() || !text) return { text: markdown };
  return runs.some((run) => run.marks || run.href) ? { text, runs } : { text };
}

function toRuns(node: PhrasingContent, marks: Mark[], href?: string): Run[] {
  const run = (text: string): Run[] => [
    { text, ...(marks.length ? { marks: MARKS.filter((m) => marks.includes(m)) } : {}), ...(href ? { href } : {}) },
  ];
  switch (node.type) {
    case "text":
    case "inlineCode":
    case "html":
      return run(node.value);
    case "break":
      return run(" ");
    case "image":
      return node.alt ? run(node.alt) : [];
    case "emphasis":
      return node.children.flatMap((child) => toRuns(child, [...marks, "em"], href));
    case "strong":
      return node.children.flatMap((child) => toRuns(child, [...marks, "strong"], href));
    case "link":
      return node.children.flatMap((child) => toRuns(child, marks, node.url));
    default:
      return "children" in node ? node.children.flatMap((child) => toRuns(child as PhrasingContent, marks, href)) : [];
  }
}

/** Runs next to each other with the same marks and link, as one. */
function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && last.href === run.href && String(last.marks) === String(run.marks)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}
