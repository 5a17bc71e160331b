// npm run seed -- --stories N [--reset]: fills the store with N synthetic stories, so Dispatch can
// be measured at newsroom scale. Seeding is deterministic: story i is made from its index alone
// (PRNG streams seeded by i), so the same N always writes the same stories, a second run changes
// nothing, and a million stories never need more than one batch in memory.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readConfig } from "../config";
import { pictureVersion } from "../media/sitePictures";
import { slugify } from "../model/slug";
import type { Block, Image, NamedRef, Section, StoryInput, VideoBlock } from "../model/story";
import { openStore } from "../store/openStore";
import type { StoryStore } from "../store/storyStore";
import { publicImageSizer, readDemoSections } from "./demoContent";
import * as words from "./seedWords";

/** The most stories one run may seed. */
export const MAX_SEED_STORIES = 1_000_000;
/** The statistics are refreshed when the stories seeded reach this many, and each time they double. */
const FIRST_ANALYZE = 1_000;
/** Stories per saveStories call: one transaction each. */
export const DEFAULT_BATCH_SIZE = 500;

/** Seeded stories are dated in the five years before this instant (fixed, so runs agree; in the past, so none is dated ahead). */
const REFERENCE_TIME = Date.UTC(2026, 10, 1);
const SPAN_MINUTES = Math.round(5 * 365.25 * 24 * 60);
/** A related block links one of the this-many stories seeded just before it. */
const RELATED_WINDOW = 2_000;
const SEED = 0x5eed_d15a;

// ── Randomness ──────────────────────────────────────────────────────────────────────────────

/** mulberry32: a tiny 32-bit PRNG, the same numbers from the same seed on every machine. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Independent streams per story, so a story's headline can be made without making its body. */
const Stream = { plan: 1, meta: 2, body: 3 } as const;
type Stream = (typeof Stream)[keyof typeof Stream];

/** The seed of one stream of one story, mixed by murmur3's finaliser so neighbours differ wildly. */
function streamSeed(index: number, stream: Stream): number {
  let h = (Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(stream, 0x85ebca6b) ^ SEED) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }
  /** `count` different items (count ≤ items.length). */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.int(0, items.length - 1));
    return [...chosen].map((i) => items[i] as T);
  }
  /** The items in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

// ── Pools ───────────────────────────────────────────────────────────────────────────────────

const ref = (name: string): NamedRef => ({ slug: slugify(name), name });

/** About 300 tags: each topic on its own, and seven topics per place ("Dunmere schools"). */
export const TAG_POOL: readonly NamedRef[] = [
  ...words.TOPICS.map(ref),
  ...words.PLACES.flatMap((place, p) =>
    Array.from({ length: 7 }, (_, k) =>
      ref(`${place} ${words.TOPICS[(p * 7 + k * 3) % words.TOPICS.length]?.toLowerCase()}`),
    ),
  ),
];

/** 150 bylines: five surnames per first name. */
export const AUTHOR_POOL: readonly NamedRef[] = words.FIRST_NAMES.flatMap((first, f) =>
  Array.from({ length: 5 }, (_, k) => ref(`${first} ${words.SURNAMES[(f * 7 + k * 11) % words.SURNAMES.length]}`)),
);

// ── Media ───────────────────────────────────────────────────────────────────────────────────

/** The demo media seeded stories show, as found in the public folder (true sizes). */
export interface SeedMedia {
  images: Image[];
  video: Omit<VideoBlock, "type" | "title" | "captions"> & { captions: NonNullable<VideoBlock["captions"]> };
}

export function loadSeedMedia(publicDir: string): SeedMedia {
  const sizeOf = publicImageSizer(publicDir);
  const sized = (src: string) => {
    const size = sizeOf(src);
    if (!size) throw new Error(`npm run seed needs ${join(publicDir, src)}, an image it can read`);
    return size;
  };
  // Versioned as an import would (media/sitePictures.ts), so seeded pages offer renditions too.
  const images = words.LEAD_IMAGES.map(({ src, alt }) => ({
    src,
    alt,
    ...sized(src),
    version: pictureVersion(readFileSync(join(publicDir, src))),
  }));
  const { poster, mp4, webm, captions } = words.DEMO_VIDEO;
  sized(poster);
  for (const src of [webm, captions])
    if (!existsSync(join(publicDir, src))) throw new Error(`npm run seed needs ${join(publicDir, src)}`);
  const movie = readMp4(readFileSync(join(publicDir, mp4)));
  return {
    images,
    // In the schema's key order, as the store's parse gives it back (see generateStory).
    video: {
      poster,
      sources: [
        { type: "video/mp4", src: mp4 },
        { type: "video/webm", src: webm },
      ],
      captions: [{ src: captions, srclang: "en", label: "English" }],
      ...(movie.durationS ? { durationS: movie.durationS } : {}),
      ...(movie.width && movie.height ? { width: movie.width, height: movie.height } : {}),
    },
  };
}

interface Mp4Facts {
  width?: number;
  height?: number;
  durationS?: number;
}

/** The length (mvhd) and picture size (the first track that has one, tkhd) of an MP4 file. */
export function readMp4(file: Buffer): Mp4Facts {
  const found: Mp4Facts = {};
  const walk = (start: number, end: number) => {
    for (let at = start; at + 8 <= end; ) {
      let size = file.readUInt32BE(at);
      const type = file.toString("latin1", at + 4, at + 8);
      let header = 8;
      if (size === 1 && at + 16 <= end) {
        size = Number(file.readBigUInt64BE(at + 8));
        header = 16;
      } else if (size === 0) size = end - at;
      if (size < header || at + size > end) return;
      const content = at + header;
      const long = file[content] === 1;
      if (type === "moov" || type === "trak") walk(content, at + size);
      else if (type === "mvhd") {
        const timescale = file.readUInt32BE(content + (long ? 20 : 12));
        const duration = long ? Number(file.readBigUInt64BE(content + 24)) : file.readUInt32BE(content + 16);
        if (timescale > 0 && duration > 0) found.durationS = Math.round((duration / timescale) * 10) / 10;
      } else if (type === "tkhd" && found.width === undefined) {
        const sizeAt = content + (long ? 88 : 76);
        const width = Math.round(file.readUInt32BE(sizeAt) / 65_536);
        const height = Math.round(file.readUInt32BE(sizeAt + 4) / 65_536);
        if (width > 0 && height > 0) Object.assign(found, { width, height });
      }
      at += size;
    }
  };
  walk(0, file.length);
  return found;
}

// ── Stories ─────────────────────────────────────────────────────────────────────────────────

export interface SeedContext {
  /** Section slugs stories are spread over. */
  sections: string[];
  media: SeedMedia;
}

interface Plan {
  kicker?: string;
  headline: string;
  hasVideo: boolean;
  hasImage: boolean;
  place: string;
  place2: string;
  body: string;
  body2: string;
  project: readonly [string, boolean];
  project2: string;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What story i is about and its headline: cheap, so a story can name another by its headline. */
function planOf(index: number): Plan {
  const d = new Dice(streamSeed(index, Stream.plan));
  const [place, place2] = d.sample(words.PLACES, 2) as [string, string];
  const [body, body2] = d.sample(words.BODIES, 2) as [string, string];
  const [project, other] = d.sample(words.PROJECTS, 2) as [readonly [string, boolean], readonly [string, boolean]];
  const hasVideo = d.chance(0.08);
  const hasImage = d.chance(0.4);
  const [what, plural] = project;
  let kicker: string | undefined;
  let headline: string;
  const kind = d.next();
  if (kind < 0.28) headline = `${place} ${body} ${d.pick(words.ACTIONS)} ${what}`;
  else if (kind < 0.43) headline = `${place} ${body} ${d.pick(words.ACTIONS)} ${what}, ${d.pick(words.TAILS)}`;
  else if (kind < 0.58) {
    const status = d.pick(words.STATUSES)[plural ? 1 : 0];
    headline = d.chance(0.5) ? `${place} ${what} ${status}` : `${capitalise(what)} in ${place} ${status}`;
  } else if (kind < 0.68)
    headline = `${d.pick(words.CROWDS)} ${d.pick(words.GROUPS)} ${d.pick(words.MISHAP_OUTCOMES)} in ${place} after ${d.pick(words.MISHAPS)}`;
  else if (kind < 0.78) {
    kicker = d.pick(words.ANALYSIS_KICKERS);
    const theme = d.pick(words.THEMES);
    headline = d.pick([
      `What the ${what} row says about ${theme}`,
      `Why ${place} cannot agree on its ${what}`,
      `How ${place} paid for its ${what}`,
      `The long fight over ${place}'s ${what}`,
      `Is ${place} ready for ${theme}?`,
      `Five questions about the ${place} ${what}`,
      `Inside the ${place} ${body}'s year of ${theme}`,
    ]);
  } else if (kind < 0.9) headline = `${place} ${d.pick(words.PEOPLE_DESCRIPTIONS)} ${d.pick(words.FEATS)}`;
  else if (kind < 0.95) {
    kicker = "LIVE";
    const [event, follow] = d.pick(words.LIVE_EVENTS);
    headline = `${event} ${place}: ${follow}`;
  } else {
    const said = d.pick(["We are not finished", "It is now or never", "Give us a date", "Nobody asked us"]);
    headline = `“${said}”: ${place} ${body} on the ${what}`;
  }
  if (hasVideo && d.chance(0.75)) kicker = "WATCH";
  else if (!kicker && d.chance(0.05)) kicker = d.pick(words.NEWS_KICKERS);
  return {
    ...(kicker ? { kicker } : {}),
    headline,
    hasVideo,
    hasImage,
    place,
    place2,
    body,
    body2,
    project,
    project2: other[0],
  };
}

/** Story i's slug: `seed-000123-` and its headline's, within the model's 120 characters. */
export function seedSlug(index: number, headline = planOf(index).headline): string {
  return `seed-${String(index).padStart(6, "0")}-${slugify(headline)}`.slice(0, 120).replace(/-+$/, "");
}

/** Fills a template's {slots}: a capitalised slot ({Place}) gives its value capitalised. */
function filler(plan: Plan, d: Dice): (template: string) => string {
  const [what, plural] = plan.project;
  const person = () => `${d.pick(words.FIRST_NAMES)} ${d.pick(words.SURNAMES)}`;
  const slots: Record<string, () => string> = {
    place: () => plan.place,
    place2: () => plan.place2,
    body: () => plan.body,
    body2: () => plan.body2,
    project: () => what,
    project2: () => plan.project2,
    isAre: () => (plural ? "are" : "is"),
    hasHave: () => (plural ? "have" : "has"),
    person,
    role: () => fill(d.pick(words.ROLES)),
    crowd: () => d.pick(words.CROWDS),
    groups: () => d.pick(words.GROUPS),
    number: () => String(d.int(4, 95) * 10),
    small: () => String(d.int(2, 14)),
    years: () => String(d.int(6, 60)),
    thousands: () => `${d.int(1, 9)},${d.int(1, 9)}00`,
    pct: () => String(d.int(8, 72)),
    money: () => (d.chance(0.5) ? `${d.int(2, 90)}` : `${d.int(1, 19)}.${d.int(1, 9)}`),
    year: () => String(d.int(2008, 2021)),
  };
  function fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_, key: string) => {
      const lower = key.charAt(0).toLowerCase() + key.slice(1);
      const fillers = words.FILLERS[lower];
      const slot = slots[lower] ?? (fillers && (() => d.pick(fillers)));
      if (!slot) throw new Error(`seed: no value for {${key}} in "${template}"`);
      const value = slot();
      return key === lower ? value : capitalise(value);
    });
  }
  return fill;
}

/** `count` different indices below `index`, most of them recent. */
function relatedTargets(index: number, count: number, d: Dice): number[] {
  const window = Math.min(index, RELATED_WINDOW);
  const targets = new Set<number>();
  while (targets.size < Math.min(count, window)) targets.add(index - 1 - d.int(0, window - 1));
  return [...targets];
}

/** Up to `count` places (paragraph numbers from `from` to `to`) for extra blocks. */
function positions(d: Dice, count: number, from: number, to: number): Set<number> {
  const at = new Set<number>();
  for (let i = 0; i < count; i++) at.add(d.int(from, Math.max(from, to)));
  return at;
}

/**
 * Synthetic story number `index` (0-based): a valid StoryInput, the same on every call and
 * machine, made without making any other story in full. Blocks are built in the schema's key
 * order, which is how the store reads them back: a body it re-links then reads as unchanged.
 */
export function generateStory(index: number, { sections, media }: SeedContext): StoryInput {
  const plan = planOf(index);

  const meta = new Dice(streamSeed(index, Stream.meta));
  const minutesBefore = meta.int(1, SPAN_MINUTES);
  const published = REFERENCE_TIME - minutesBefore * 60_000;
  const edited = meta.chance(0.3) ? published + meta.int(5, 60 * 24 * 20) * 60_000 : published;
  const section = meta.pick(sections);
  const authors = meta.sample(AUTHOR_POOL, meta.chance(0.25) ? 2 : 1);
  const tags = meta.sample(TAG_POOL, meta.int(1, 4));
  const image = plan.hasImage ? meta.pick(media.images) : undefined;

  const d = new Dice(streamSeed(index, Stream.body));
  const fill = filler(plan, d);
  const deck = d.chance(0.8) ? fill(d.pick(words.DECKS)) : undefined;
  const paragraphs = d.int(4, 12);
  const order = d.shuffle(words.SENTENCES);
  let next = 0;
  const sentence = () => fill(order[next++ % order.length] as string);

  const none = new Set<number>();
  const headingsBefore = paragraphs >= 5 && d.chance(0.35) ? positions(d, d.int(1, 2), 2, paragraphs - 1) : none;
  const quotesAfter = d.chance(0.55) ? positions(d, d.int(1, 2), 1, paragraphs - 1) : none;
  const imageAfter = paragraphs > 4 && d.chance(0.1) ? 3 : -1;
  const related = index > 0 && d.chance(0.25) ? relatedTargets(index, d.int(1, 3), d) : [];
  const relatedAfter = [...related.entries()].map(([k]) => Math.min(paragraphs, 2 + k * 2 + d.int(0, 1)));

  const body: Block[] = [];
  for (let p = 0; p < paragraphs; p++) {
    if (headingsBefore.has(p)) body.push({ type: "heading", text: fill(d.pick(words.HEADINGS)) });
    const text = Array.from({ length: d.int(1, 4) }, sentence).join(" ");
    body.push({ type: "paragraph", text });
    const after = p + 1;
    if (after === 1 && plan.hasVideo) {
      const { poster, sources, captions, ...size } = media.video;
      const { durationS, width, height } = size;
      body.push({
        type: "video",
        title: fill(d.pick(words.VIDEO_TITLES)),
        poster,
        sources,
        ...(d.chance(0.6) ? { captions } : {}),
        ...(durationS ? { durationS } : {}),
        ...(width && height ? { width, height } : {}),
      });
    }
    if (quotesAfter.has(after)) {
      const text = fill(d.pick(words.QUOTES));
      body.push(d.chance(0.9) ? { type: "quote", text, cite: fill("{person}, {role}") } : { type: "quote", text });
    }
    if (after === imageAfter) {
      const { src, alt, width, height, version } = d.pick(media.images);
      body.push({ src, alt, width, height, version, caption: fill(d.pick(words.IMAGE_CAPTIONS)), type: "image" });
    }
    for (const [k, target] of related.entries())
      if (relatedAfter[k] === after) {
        const { headline } = planOf(target);
        body.push({ type: "related", headline, slug: seedSlug(target, headline) });
      }
  }

  return {
    slug: seedSlug(index, plan.headline),
    ...(plan.kicker ? { kicker: plan.kicker } : {}),
    headline: plan.headline,
    ...(deck ? { deck } : {}),
    publishedAt: new Date(published).toISOString(),
    updatedAt: new Date(Math.min(edited, REFERENCE_TIME)).toISOString(),
    ...(image ? { image } : {}),
    authors,
    tags,
    body,
    section,
  };
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────

export interface SeedOptions {
  stories: number;
  /** Delete every story first (sections stay). */
  reset?: boolean;
  batchSize?: number;
  /** Where content/site.yaml and the demo media are; default ./content and ./public. */
  contentDir?: string;
  publicDir?: string;
  /** Progress lines (default stderr) and the summary (default stdout). */
  progress?: (line: string) => void;
  summary?: (line: string) => void;
}

export interface SeedReport {
  created: number;
  updated: number;
  unchanged: number;
  /** Stories deleted by --reset. */
  cleared: number;
  seconds: number;
  /** Stories in the store afterwards. */
  total: number;
}

/** The store's sections, after saving content/site.yaml's when it has none. */
export async function seedSections(store: StoryStore, contentDir = resolve("content")): Promise<Section[]> {
  const existing = await store.listSections();
  if (existing.length > 0) return existing;
  await store.saveSections(readDemoSections(contentDir));
  return store.listSections();
}

/** What generateStory needs from this store and this checkout. */
export async function seedContext(
  store: StoryStore,
  { contentDir, publicDir = resolve("public") }: Pick<SeedOptions, "contentDir" | "publicDir"> = {},
): Promise<SeedContext> {
  const sections = await seedSections(store, contentDir);
  return { sections: sections.map((s) => s.slug), media: loadSeedMedia(publicDir) };
}

/** Writes stories 0…N-1 in batches, one transaction each, reporting the rate as it goes. */
export async function runSeed(store: StoryStore, options: SeedOptions): Promise<SeedReport> {
  const { stories, batchSize = DEFAULT_BATCH_SIZE } = options;
  const progress = options.progress ?? ((line) => process.stderr.write(`${line}\n`));
  const summary = options.summary ?? ((line) => process.stdout.write(`${line}\n`));
  if (!Number.isInteger(stories) || stories < 1 || stories > MAX_SEED_STORIES)
    throw new RangeError(`stories must be a whole number from 1 to ${MAX_SEED_STORIES}, got ${stories}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be at least 1`);

  const cleared = options.reset ? await store.clearStories() : 0;
  const context = await seedContext(store, options);
  const report: SeedReport = { created: 0, updated: 0, unchanged: 0, cleared, seconds: 0, total: 0 };
  const started = performance.now();
  let lastReport = started;
  let analyzedAt = FIRST_ANALYZE / 2;
  for (let from = 0; from < stories; from += batchSize) {
    const to = Math.min(stories, from + batchSize);
    const batchStarted = performance.now();
    const batch = Array.from({ length: to - from }, (_, k) => generateStory(from + k, context));
    const { outcomes } = await store.saveStories(batch);
    for (const { outcome } of outcomes) report[outcome] += 1;
    // The planner must know the tables grew: plans made while they were small (PostgreSQL keeps
    // its foreign-key checks' plans per connection) would go on scanning them.
    if (to >= analyzedAt * 2) {
      await store.analyze();
      analyzedAt = to;
    }
    const now = performance.now();
    if (now - lastReport >= 1_000 || to === stories) {
      lastReport = now;
      const overall = to / ((now - started) / 1_000);
      const recent = (to - from) / ((now - batchStarted) / 1_000);
      progress(
        `seed: ${to}/${stories} stories, ${Math.round(overall)} stories/s (last batch of ${to - from}: ${Math.round(recent)}/s)`,
      );
    }
  }
  await store.analyze();
  report.seconds = (performance.now() - started) / 1_000;
  report.total = await store.countStories();
  const rate = Math.round(stories / report.seconds);
  if (cleared) summary(`Cleared ${cleared} stories first.`);
  summary(
    `Seeded ${stories} stories in ${report.seconds.toFixed(1)} s (${rate} stories/s): ${report.created} created, ` +
      `${report.updated} updated, ${report.unchanged} unchanged. The store holds ${report.total} stories.`,
  );
  return report;
}

// ── The command ─────────────────────────────────────────────────────────────────────────────

export const SEED_USAGE = `Usage: npm run seed -- --stories N [--reset]
  --stories N   write the synthetic stories 0…N-1 (N from 1 to ${MAX_SEED_STORIES.toLocaleString("en")}); the same N again changes nothing
  --reset       delete every story in the store first (sections stay)
The store is DATABASE_URL's.`;

/** The command's arguments, or what is wrong with them. */
export function parseSeedArgs(argv: string[]): { stories: number; reset: boolean } | { error: string } {
  let values: { stories?: string; reset?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { stories: { type: "string" }, reset: { type: "boolean", default: false } },
    }));
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (values.stories === undefined) return { error: "--stories N is required" };
  const stories = /^\d{1,7}$/.test(values.stories) ? Number(values.stories) : Number.NaN;
  if (!(stories >= 1 && stories <= MAX_SEED_STORIES))
    return { error: `--stories must be a whole number from 1 to ${MAX_SEED_STORIES}, got ${values.stories}` };
  return { stories, reset: values.reset ?? false };
}

export interface SeedIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Parses the arguments, then seeds the store at databaseUrl; the process's exit code. */
export async function runSeedCommand(argv: string[], databaseUrl: () => string, io: SeedIo): Promise<number> {
  const args = parseSeedArgs(argv);
  if ("error" in args) {
    io.err(`${args.error}\n${SEED_USAGE}`);
    return 2;
  }
  const store = await openStore(databaseUrl());
  try {
    await runSeed(store, { ...args, progress: io.err, summary: io.out });
    return 0;
  } finally {
    await store.close();
  }
}

/** Run from the command line (npm run seed). */
export function main(argv: string[]): Promise<number> {
  return runSeedCommand(argv, () => readConfig().databaseUrl, { out: console.log, err: console.error });
}
