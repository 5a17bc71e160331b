// npm run import -- [--dry-run] [--json] [--video-src URL] [--section SLUG] [--time-zone ZONE] [--header hand|learned] [--reader hand|trained] PATH…
// Imports story files into the store named by DATABASE_URL, the accepted files in transactions of
// IMPORT_BATCH_SIZE stories, so a server running on the same store can still write meanwhile.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { ImportError, importNewsroom, isExportFolder } from "../backup/importNewsroom";
import { readConfig } from "../config";
import { type MediaStore, openMediaStore } from "../media/mediaStore";
import { PictureError, SitePictures } from "../media/sitePictures";
import { versionStoryPictures } from "../media/storyPictures";
import { findStoryByHeadline, headlineFinder } from "../model/headlineMatch";
import { type Section, type StoryInput, slugSchema } from "../model/story";
import { engineOf } from "../store/engine";
import { connect, openStore, sqliteFile } from "../store/openStore";
import type { SaveReport, StoryStore } from "../store/storyStore";
import { publicImageSizer, readDemoSections } from "./demoContent";
import { listStoryFiles, readStoryFile } from "./importFiles";
import { explainReadings, unsureCount } from "./plainText/explain";
import type { LineReading } from "./plainText/story";

const usage = `Usage: npm run import -- [--dry-run] [--json] [--explain] [--video-src URL] [--section SLUG] [--time-zone ZONE] [--header hand|learned] [--reader hand|trained] PATH…
       npm run import -- [--replace] EXPORT
  PATH          story files (.txt scraped text, .md Markdown, .json Story) or folders of them
  EXPORT        a folder written by npm run export (it has a manifest.json): the whole newsroom, into an
                empty store (--replace: replacing the stories it holds)
  --dry-run     parse and report, write nothing
  --json        print the parsed stories as JSON (with --dry-run)
  --explain     for each line of scraped text, what it became and why; unsure lines are marked ?
  --video-src   video for plain-text stories that mark one and have no <name>.video.json beside them
  --section     section of plain-text stories (default: the store's first section); a section the
                store lacks is created, and an empty store gets those of content/site.yaml
  --time-zone   where times printed without a zone in scraped text are meant, as an IANA name
                (the outlet's: Europe/Madrid); default: guessed from the page's language
                (Europe/Berlin for German…), else UTC
  --header      how the headline of scraped text is found: "hand" (the hand rules) or "learned" (the
                finder learned from labelled pages); default: the one kept (plainText/keptReader.ts)
  --reader      how the lines of scraped text get their roles: "hand" (the hand weights) or "trained"
                (the reader trained on labelled pages); default: the one kept (plainText/keptReader.ts)`;

export interface ImportRun {
  exitCode: number;
  output: string;
}

/**
 * `store` is undefined on a dry run against a store that does not exist yet: nothing is read or
 * written, and related headlines are matched among the files themselves.
 */
export async function runImport(
  argv: string[],
  store: StoryStore | undefined,
  publicUrl: string,
  contentDir = resolve("content"),
  publicDir = resolve("public"),
  /** Where uploads are (MEDIA_URL), for stories that name one ("/uploads/<id>.jpg"). */
  media?: MediaStore,
): Promise<ImportRun> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    return { exitCode: 2, output: `${(error as Error).message}\n${usage}` };
  }
  const { values, positionals } = args;
  if (positionals.length === 0) return { exitCode: 2, output: usage };

  if (values.section !== undefined && !slugSchema.safeParse(values.section).success)
    return {
      exitCode: 2,
      output: `--section ${JSON.stringify(values.section)} is not a section slug (lowercase letters, digits and single hyphens).`,
    };
  const timeZone = values["time-zone"];
  if (timeZone !== undefined && !isTimeZone(timeZone))
    return {
      exitCode: 2,
      output: `--time-zone ${JSON.stringify(timeZone)} is not a time zone (an IANA name such as Europe/Madrid or America/Mexico_City).`,
    };
  const header = values.header;
  if (header !== undefined && header !== "hand" && header !== "learned")
    return { exitCode: 2, output: `--header ${JSON.stringify(header)} is not a header finder: "hand" or "learned".` };
  const readerName = values.reader;
  if (readerName !== undefined && readerName !== "hand" && readerName !== "trained")
    return { exitCode: 2, output: `--reader ${JSON.stringify(readerName)} is not a reader: "hand" or "trained".` };
  const sections = await sectionsFor(store, values.section, contentDir, Boolean(values["dry-run"]));
  const section = values.section ?? sections[0]?.slug ?? "";

  const { files, missing } = listStoryFiles(positionals);
  const knownHeadlines = store ? await store.listHeadlines() : [];
  const sizeOf = publicImageSizer(publicDir);
  const pictures = new SitePictures(publicDir, media);
  // A story whose picture under public/ (or uploaded) is missing or damaged is rejected, and none of it written.
  const results = await Promise.all(
    files.map(async (file) => {
      const result = readStoryFile(file, {
        section,
        videoSrc: values["video-src"],
        sizeOf,
        knownHeadlines,
        timeZone,
        ...(header === undefined ? {} : { header }),
        ...(readerName === undefined ? {} : { reader: readerName === "hand" ? "hand weights" : "trained" }),
      });
      if (!("story" in result)) return result;
      try {
        return { ...result, story: await versionStoryPictures(result.story, pictures) };
      } catch (error) {
        if (!(error instanceof PictureError)) throw error;
        return { file, error: error.message };
      }
    }),
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

  const lines: string[] = values.explain ? explainFiles(accepted) : [];
  let linked: StoryInput[];
  if (values["dry-run"] || !store) {
    // Without a store (a dry run on a store not created yet) linking is among the files alone.
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
  const readings = accepted.flatMap((r) => r.readings ?? []);
  if (readings.length > 0) {
    const unsure = unsureCount(readings);
    const dropped = readings.filter((r) => r.became === "dropped").length;
    lines.push(
      `Scraped text: ${readings.length} units read, ${unsure} unsure, ${dropped} dropped (page furniture, social posts)${unsure > 0 && !values.explain ? " (--explain shows them)" : ""}.`,
    );
  }
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
      explain: { type: "boolean", default: false },
      "video-src": { type: "string" },
      section: { type: "string" },
      "time-zone": { type: "string" },
      header: { type: "string" },
      reader: { type: "string" },
    },
  });
}

/** A zone the platform knows ("Europe/Madrid"). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** --explain: per scraped file, each unit of lines, what it became and why. */
function explainFiles(accepted: { file: string; readings?: LineReading[] }[]): string[] {
  return accepted.flatMap(({ file, readings }) =>
    readings
      ? [`${file}: ${readings.length} units, ${unsureCount(readings)} unsure`, ...explainReadings(readings)]
      : [],
  );
}

function countBy(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** What linking would do, without writing: against the store's stories and the batch itself. */
async function linkInMemory(stories: StoryInput[], store: StoryStore | undefined): Promise<StoryInput[]> {
  const known = new Map((store ? await store.listHeadlines() : []).map((s) => [s.slug, s.headline]));
  for (const s of stories) known.set(s.slug, s.headline);
  const find = headlineFinder([...known].map(([slug, headline]) => ({ slug, headline })));
  return stories.map((story) => ({
    ...story,
    body: story.body.map((block) => {
      if (block.type !== "related" || block.slug) return block;
      const slug = find(block.headline);
      return slug && slug !== story.slug ? { ...block, slug } : block;
    }),
  }));
}

/**
 * The sections plain-text stories may go to. A store with none gets the default sections of
 * content/site.yaml, and a --section it lacks is added after its own; a dry run only reads.
 */
async function sectionsFor(
  store: StoryStore | undefined,
  requested: string | undefined,
  contentDir: string,
  dryRun: boolean,
): Promise<Section[]> {
  const stored = store ? await store.listSections() : [];
  const sections = stored.length > 0 ? stored : readDemoSections(contentDir);
  const wanted =
    requested === undefined || sections.some((s) => s.slug === requested)
      ? sections
      : [...sections, { slug: requested, name: sectionName(requested) }];
  if (store && !dryRun && wanted.length !== stored.length) await store.saveSections(wanted);
  return wanted;
}

/** "city-hall" → "City hall": a name an editor can change later. */
const sectionName = (slug: string): string => {
  const words = slug.replaceAll("-", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Run from the command line (npm run import). A dry run does not create a store that is not there. */
export async function main(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const config = readConfig(env);
  const folder = argv.filter((arg) => !arg.startsWith("--"));
  if (folder.length === 1 && folder[0] && isExportFolder(folder[0])) return importExport(argv, folder[0], config);
  const dryRun = argv.includes("--dry-run");
  const missing = engineOf(config.databaseUrl) === "sqlite" && !existsSync(sqliteFile(config.databaseUrl));
  // The import waits its turn behind a running server's writes: they are short.
  const store = dryRun && missing ? undefined : await openStore(config.databaseUrl, { busyWaitMs: 60_000 });
  try {
    const media = openMediaStore(config.mediaUrl);
    const { exitCode, output } = await runImport(argv, store, config.publicUrl, undefined, undefined, media);
    (exitCode === 2 ? console.error : console.log)(output);
    return exitCode;
  } finally {
    await store?.close();
  }
}

/**
 * `npm run import -- [--replace] DIR` where DIR is an export (it has a manifest): the whole
 * newsroom restored (src/backup/importNewsroom.ts, docs/decisions/041). Into an empty store only,
 * unless --replace.
 */
async function importExport(argv: string[], dir: string, config: ReturnType<typeof readConfig>): Promise<number> {
  const unknown = argv.filter((arg) => arg.startsWith("--") && arg !== "--replace");
  if (unknown.length > 0) {
    console.error(`${unknown.join(" ")}: an export is imported whole; only --replace applies\n${usage}`);
    return 2;
  }
  // Opened through the store first, so a new store gets its schema; then written as one transaction.
  await (await openStore(config.databaseUrl, { busyWaitMs: 60_000 })).close();
  const db = connect(config.databaseUrl);
  try {
    const summary = await importNewsroom({
      db,
      engine: engineOf(config.databaseUrl),
      media: openMediaStore(config.mediaUrl),
      publicDir: resolve("public"),
      dir,
      replace: argv.includes("--replace"),
    });
    console.log(
      `imported ${summary.stories} stories (${summary.published} published, ${summary.held} held), ` +
        `${summary.accounts} accounts, ${summary.uploads} uploads and ${summary.publicFiles} site pictures from ${resolve(dir)}`,
    );
    if (summary.accounts > 0)
      console.log("accounts come without passwords or passkeys: npm run account -- invite --email E lets each back in");
    return 0;
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    console.error(`import: ${error.message}`);
    return 1;
  } finally {
    await db.destroy();
  }
}
