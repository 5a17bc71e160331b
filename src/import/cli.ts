// npm run import -- [--dry-run] [--json] [--video-src URL] [--section SLUG] PATH…
// Imports story files into the store named by DATABASE_URL, the accepted files in transactions of
// IMPORT_BATCH_SIZE stories, so a server running on the same store can still write meanwhile.
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { readConfig } from "../config";
import { findStoryByHeadline } from "../model/headlineMatch";
import type { StoryInput } from "../model/story";
import { openStore } from "../store/openStore";
import type { SaveReport, StoryStore } from "../store/storyStore";
import { publicImageSizer } from "./demoContent";
import { listStoryFiles, readStoryFile } from "./importFiles";

const usage = `Usage: npm run import -- [--dry-run] [--json] [--video-src URL] [--section SLUG] PATH…
  PATH          story files (.txt scraped text, .md Markdown, .json Story) or folders of them
  --dry-run     parse and report, write nothing
  --json        print the parsed stories as JSON (with --dry-run)
  --video-src   video for plain-text stories that mark one and have no <name>.video.json beside them
  --section     section of plain-text stories (default: the first section)`;

export interface ImportRun {
  exitCode: number;
  output: string;
}

export async function runImport(argv: string[], store: StoryStore, publicUrl: string): Promise<ImportRun> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    return { exitCode: 2, output: `${(error as Error).message}\n${usage}` };
  }
  const { values, positionals } = args;
  if (positionals.length === 0) return { exitCode: 2, output: usage };

  const sections = await store.listSections();
  const section = values.section ?? sections[0]?.slug;
  if (!section || !sections.some((s) => s.slug === section))
    return { exitCode: 2, output: `There is no section ${JSON.stringify(section ?? "")} in the store.` };

  const { files, missing } = listStoryFiles(positionals);
  const results = files.map((file) =>
    readStoryFile(file, { section, videoSrc: values["video-src"], sizeOf: publicImageSizer(resolve("public")) }),
  );
  const rejected = [
    ...missing.map((file) => ({ file, error: "no such file or folder" })),
    ...results.flatMap((r) => ("error" in r ? [r] : [])),
  ];
  const accepted = results.flatMap((r) => ("story" in r ? [r] : []));
  const stories = accepted.map((r) => r.story);
  for (const [slug, count] of countBy(stories.map((s) => s.slug)))
    if (count > 1)
      rejected.push({ file: `${count} files`, error: `all make the story ${slug}; only the last is kept` });
  const unique = [...new Map(stories.map((s) => [s.slug, s])).values()];

  const lines: string[] = [];
  let linked: StoryInput[];
  if (values["dry-run"]) {
    linked = await linkInMemory(unique, store);
    if (values.json) return { exitCode: rejected.length ? 1 : 0, output: JSON.stringify(linked, null, 2) };
    lines.push("Dry run: nothing was written.");
  } else {
    const outcomes = await saveInBatches(store, unique);
    const count = (outcome: string) => outcomes.filter((o) => o.outcome === outcome).length;
    lines.push(`Stories: ${count("created")} created, ${count("updated")} updated, ${count("unchanged")} unchanged.`);
    linked = await Promise.all(
      unique.map(async (s) => ({ ...s, body: (await store.getStory(s.slug))?.body ?? s.body })),
    );
  }

  const related = linked.flatMap((s) => s.body.flatMap((b) => (b.type === "related" ? [{ story: s.slug, ...b }] : [])));
  const unresolved = related.filter((r) => !r.slug);
  lines.push(`Related headlines: ${related.length - unresolved.length} resolved, ${unresolved.length} unresolved.`);
  for (const r of unresolved) lines.push(`  unresolved in ${r.story}: ${r.headline}`);
  for (const story of linked) lines.push(`  ${new URL(`/stories/${story.slug}`, publicUrl).href}`);
  for (const r of rejected) lines.push(`Rejected ${r.file}: ${r.error.replaceAll("\n", " ")}`);
  return { exitCode: rejected.length ? 1 : 0, output: lines.join("\n") };
}

/**
 * Stories per transaction. Each batch is all or none and holds SQLite's write lock only while it
 * is written, so a running server's writes wait a moment rather than for the whole import
 * (docs/decisions/012-the-store-survives-its-database.md). Links across batches are made as the
 * later story arrives, as they would be for stories imported one run after another.
 */
export const IMPORT_BATCH_SIZE = 100;
/** The pause between batches: longer than a waiting writer sleeps between tries (store/storeFaults.ts). */
const BATCH_PAUSE_MS = 100;

async function saveInBatches(store: StoryStore, stories: StoryInput[]): Promise<SaveReport["outcomes"]> {
  const outcomes: SaveReport["outcomes"] = [];
  for (let start = 0; start < stories.length; start += IMPORT_BATCH_SIZE) {
    if (start > 0) await sleep(BATCH_PAUSE_MS);
    const batch = stories.slice(start, start + IMPORT_BATCH_SIZE);
    outcomes.push(...(await store.saveStories(batch, { linkHeadlines: findStoryByHeadline })).outcomes);
  }
  return outcomes;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      "video-src": { type: "string" },
      section: { type: "string" },
    },
  });
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** What linking would do, without writing: against the store's stories and the batch itself. */
async function linkInMemory(stories: StoryInput[], store: StoryStore): Promise<StoryInput[]> {
  const known = new Map((await store.listHeadlines()).map((s) => [s.slug, s.headline]));
  for (const s of stories) known.set(s.slug, s.headline);
  const candidates = [...known].map(([slug, headline]) => ({ slug, headline }));
  return stories.map((story) => ({
    ...story,
    body: story.body.map((block) => {
      if (block.type !== "related" || block.slug) return block;
      const slug = findStoryByHeadline(block.headline, candidates);
      return slug && slug !== story.slug ? { ...block, slug } : block;
    }),
  }));
}

/** Run from the command line (scripts/import.ts). */
export async function main(argv: string[]): Promise<number> {
  const config = readConfig();
  // The import waits its turn behind a running server's writes: they are short.
  const store = await openStore(config.databaseUrl, { busyWaitMs: 60_000 });
  try {
    const { exitCode, output } = await runImport(argv, store, config.publicUrl);
    (exitCode === 2 ? console.error : console.log)(output);
    return exitCode;
  } finally {
    await store.close();
  }
}
