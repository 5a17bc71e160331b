// npm run train-reader: the hand weights against trained readers, on real labelled pages.
// Trains softmax regression over the reader's features (and, "with neighbours", the features of the
// units before and after and the role before; that reader is also read as one sequence, Viterbi) on
// two kinds of units: those of the generated tuning split the hand reader reads exactly, labelled
// with the role it gave them (the story's parse is the editor's, so those roles are too), and those
// of real pages (the tuning and held-out sets, the training sets and the retired blind sets), labelled from their
// .expected lines (labels.ts). Without --judge it leaves each retired blind set out in turn and reads
// it; `--judge SET[,SET…]` trains on all of them and reads the sets named (a blind set is read only
// when named). Prints exact stories and lines found. Seeded: the same run prints the same table.
// `--write FILE --keep NAME` (with --judge) writes the trained reader named (its JSON) for the importer
// to load (keptReader.ts).
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { generateVariants, isGeneratedHoldOut } from "../corpus/generate";
import { publicImageSizer } from "../demoContent";
import { mulberry32 } from "../seed";
import { type CorpusStory, corpusSets, linesFound, linesFoundText, readCorpus } from "./corpus";
import type { Role } from "./features";
import { type HeaderFinder, type HeaderPage, headerPage, trainHeaderFinder } from "./headerFinder";
import { headerFinderFor, KEPT_HEADER, type KeptHeader, readerFor } from "./keptReader";
import { labelPage } from "./labels";
import { handHeadline, readLines, readUnits } from "./reader";
import { type PlainTextStory, parsePlainTextStory } from "./story";
import { scoreTrained, type TrainedReader } from "./trained";

export interface Sample {
  inputs: Record<string, number>;
  role: Role;
}

export interface Setting {
  inputs: TrainedReader["inputs"];
  epochs: number;
  l2: number;
}

/**
 * The readers trained and measured, fixed before any leave-one-set-out run (session 11, decision 011):
 * the settings earlier updates measured best on the blind sets of their day (300 epochs, L2 0.0001),
 * own features and with neighbours; the reader with neighbours is also read as one sequence (Viterbi,
 * the same weights).
 */
export const SETTINGS: Setting[] = [
  { inputs: "own", epochs: 300, l2: 1e-4 },
  { inputs: "neighbours", epochs: 300, l2: 1e-4 },
];

const SEED = 2026;

const nameOf = ({ inputs, epochs, l2 }: Setting) =>
  `softmax${inputs === "neighbours" ? " + neighbours" : ""}, ${epochs} epochs, L2 ${l2}`;

/** Softmax regression by Adam on mini-batches, from zero weights, batches shuffled by a seeded generator. */
export function train(samples: Sample[], setting: Setting, seed = SEED): TrainedReader {
  const keep = (name: string) => setting.inputs === "neighbours" || !name.includes(".");
  const features = [...new Set(samples.flatMap((s) => Object.keys(s.inputs).filter(keep)))].sort();
  const roles = [...new Set(samples.map((s) => s.role))].sort();
  const featureIndex = new Map(features.map((name, i) => [name, i]));
  const roleIndex = new Map(roles.map((role, i) => [role, i]));
  const rows = samples.map((s) => ({
    x: Object.entries(s.inputs).flatMap(([name, value]) => {
      const i = featureIndex.get(name);
      return i === undefined ? [] : [[i, value] as const];
    }),
    y: roleIndex.get(s.role) ?? 0,
  }));
  const F = features.length + 1; // the last column is the bias
  const R = roles.length;
  const w = new Float64Array(R * F);
  const m = new Float64Array(R * F);
  const v = new Float64Array(R * F);
  const grad = new Float64Array(R * F);
  const [rate, beta1, beta2, eps, batchSize] = [0.01, 0.9, 0.999, 1e-8, 128];
  const random = mulberry32(seed);
  const order = rows.map((_, i) => i);
  const p = new Float64Array(R);
  let step = 0;
  for (let epoch = 0; epoch < setting.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (let start = 0; start < order.length; start += batchSize) {
      const batch = order.slice(start, start + batchSize);
      grad.fill(0);
      for (const index of batch) {
        const { x, y } = rows[index] as (typeof rows)[number];
        let max = -Infinity;
        for (let r = 0; r < R; r++) {
          let z = w[r * F + F - 1] as number;
          for (const [f, value] of x) z += (w[r * F + f] as number) * value;
          p[r] = z;
          if (z > max) max = z;
        }
        let sum = 0;
        for (let r = 0; r < R; r++) {
          p[r] = Math.exp((p[r] as number) - max);
          sum += p[r] as number;
        }
        for (let r = 0; r < R; r++) {
          const d = (p[r] as number) / sum - (r === y ? 1 : 0);
          if (d === 0) continue;
          grad[r * F + F - 1] = (grad[r * F + F - 1] as number) + d;
          for (const [f, value] of x) grad[r * F + f] = (grad[r * F + f] as number) + d * value;
        }
      }
      step += 1;
      const correction1 = 1 - beta1 ** step;
      const correction2 = 1 - beta2 ** step;
      for (let k = 0; k < w.length; k++) {
        const isBias = k % F === F - 1;
        const g = (grad[k] as number) / batch.length + (isBias ? 0 : setting.l2 * (w[k] as number));
        m[k] = beta1 * (m[k] as number) + (1 - beta1) * g;
        v[k] = beta2 * (v[k] as number) + (1 - beta2) * g * g;
        w[k] =
          (w[k] as number) -
          (rate * ((m[k] as number) / correction1)) / (Math.sqrt((v[k] as number) / correction2) + eps);
      }
    }
  }
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const reader = {
    name: nameOf(setting),
    inputs: setting.inputs,
    roles,
    features,
    bias: roles.map((_, r) => round(w[r * F + F - 1] as number)),
    weights: roles.map((_, r) => features.map((_, f) => round(w[r * F + f] as number))),
  };
  return { ...reader, unsureMargin: unsureMarginOf(reader, samples) };
}

/** The margins unsureMarginOf chooses among, in logits: 0.25 to 8, by quarters. */
const MARGINS = Array.from({ length: 32 }, (_, i) => (i + 1) / 4);

/**
 * The unsure margin of a trained reader, chosen on the units it was trained on: each unit read with
 * its labelled neighbours and role before (as trained), its best role's lead over the runner-up; of
 * the margins tried, the one at which "unsure" (a lead under the margin) best tells the units whose
 * best role is not their label (the highest F1: the share of unsure units misread, against the share
 * of misread units marked unsure; the smallest such margin on a tie).
 */
export function unsureMarginOf(reader: Omit<TrainedReader, "unsureMargin">, samples: Sample[]): number {
  const read = samples.map((sample) => {
    const [best, next] = scoreTrained({ ...reader, unsureMargin: 0 }, sample.inputs);
    return { lead: (best?.score ?? 0) - (next?.score ?? 0), wrong: best?.role !== sample.role };
  });
  const wrong = read.filter((unit) => unit.wrong).length;
  let chosen = { margin: MARGINS[0] as number, f1: -1 };
  for (const margin of MARGINS) {
    const unsure = read.filter((unit) => unit.lead < margin);
    const caught = unsure.filter((unit) => unit.wrong).length;
    const f1 = caught === 0 ? 0 : (2 * caught) / (unsure.length + wrong);
    if (f1 > chosen.f1) chosen = { margin, f1 };
  }
  return chosen.margin;
}

const sizeOf = publicImageSizer(resolve("public"));
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

const readsExactly = (
  story: CorpusStory,
  options: { reader?: TrainedReader; roles?: (Role | undefined)[]; header?: HeaderFinder } = {},
) => {
  try {
    return isDeepStrictEqual(plain(parsePlainTextStory(story.text, { sizeOf, ...options })), plain(story.expected));
  } catch {
    return false;
  }
};

const corpusDir = resolve("src/import/corpus");
const GENERATED = ["generated", "generated hold-out"];

/** Every set's name, the generated split and hold-out after the tuning and held-out sets, nothing read. */
export function corpusSetNames(): string[] {
  const folders = corpusSets(corpusDir);
  const first = ["tuning", "held-out", ...GENERATED];
  return [...first, ...folders.filter((set) => !first.includes(set))];
}

/**
 * The sets as the corpus test reads them: the folders, and the generated split and hold-out (from the
 * tuning set). Only the sets named are read (all when none are): a blind set is read by nothing that
 * did not ask for it by name.
 */
export function corpusAndGenerated(only?: string[]): Map<string, CorpusStory[]> {
  const wanted = corpusSetNames().filter((set) => !only || only.length === 0 || only.includes(set));
  const folders = new Set(corpusSets(corpusDir));
  const needsTuning = wanted.some((set) => set === "tuning" || GENERATED.includes(set));
  const tuning = needsTuning ? readCorpus(corpusDir, "tuning", sizeOf) : [];
  const generated = wanted.some((set) => GENERATED.includes(set))
    ? generateVariants(tuning, { seed: 2026, perStory: 50 })
    : [];
  const sets = new Map<string, CorpusStory[]>();
  for (const set of wanted)
    if (set === "tuning") sets.set(set, tuning);
    else if (set === "generated")
      sets.set(
        set,
        generated.filter((story) => !isGeneratedHoldOut(story.name)),
      );
    else if (set === "generated hold-out")
      sets.set(
        set,
        generated.filter((story) => isGeneratedHoldOut(story.name)),
      );
    else if (folders.has(set)) sets.set(set, readCorpus(corpusDir, set, sizeOf));
  return sets;
}

/** Units of the stories the hand reader reads exactly, each with the role it gave them. */
export function samplesOf(stories: CorpusStory[]): { samples: Sample[]; stories: number } {
  const samples: Sample[] = [];
  let used = 0;
  for (const story of stories) {
    if (!readsExactly(story)) continue;
    used += 1;
    for (const unit of readUnits(story.text))
      if (unit.features && unit.role !== "headline") samples.push({ inputs: unit.features, role: unit.role });
  }
  return { samples, stories: used };
}

/**
 * Units of labelled pages, each with the role its .expected lines give it (labels.ts), read with the
 * labelled roles before it (so "after.ROLE" and what depends on it are the editor's), whether or not
 * the hand weights read the page exactly. Also how the labels were found, and how many pages the
 * labels read exactly: what a reader giving every unit its labelled role would reach (units are
 * gathered as the hand reader gathers them, so a page gathered otherwise than its editor set it
 * cannot be exact, whatever the roles).
 */
export function pageSamplesOf(stories: CorpusStory[]): {
  samples: Sample[];
  how: { whole: number; part: number; dropped: number; video: number };
  labelsExact: number;
} {
  const samples: Sample[] = [];
  const how = { whole: 0, part: 0, dropped: 0, video: 0 };
  let labelsExact = 0;
  // The units as the importer gathers them, below the headline its header finder chooses: a reader
  // trained on units gathered below another headline (the hand rules', a site's name on many pages)
  // learns positions and neighbours it never meets when importing.
  const header = headerFinderFor(KEPT_HEADER);
  for (const story of stories) {
    const page = labelPage(story.text, story.expected, header);
    for (const key of Object.keys(how) as (keyof typeof how)[]) how[key] += page.how[key];
    const units = readUnits(story.text, { roles: page.roles, header });
    const body = units.slice(units.findIndex((unit) => unit.role === "headline") + 1);
    for (const [index, unit] of body.entries()) {
      const role = page.roles[index];
      if (role !== undefined && unit.features) samples.push({ inputs: unit.features, role });
    }
    if (readsExactly(story, { roles: page.roles, header })) labelsExact += 1;
  }
  return { samples, how, labelsExact };
}

/** The retired blind sets: labelled real pages, each used to choose changes, so trained on now. */
export const RETIRED = [
  "blind-2026-12",
  "blind-2026-12-07",
  "blind-2026-12-07b",
  "blind-2026-12-07c",
  "blind-2026-12-07d",
  "blind-2026-12-07e",
  "blind-2026-12-07f",
  "blind-2026-12-07g",
  "blind-2026-12-07h",
  "blind-2026-12-07i",
  "blind-2026-12-07j",
  "blind-2026-12-07k",
];
/**
 * The real pages trained on besides the retired sets: the tuning and held-out sets, and every training
 * set (a folder `train-…`: pages written to be trained on, by writers who read none of the reader).
 */
const written = () => ["tuning", "held-out", ...corpusSetNames().filter((set) => set.startsWith("train-"))];

export interface Measured {
  reader: string;
  exact: number;
  stories: number;
  lines: { lines: number; found: number };
}

/** The stories of a set read exactly, and its expected lines found (corpus.ts). */
export function measure(stories: CorpusStory[], reader?: TrainedReader): Omit<Measured, "reader"> {
  let exact = 0;
  const lines = { lines: 0, found: 0 };
  for (const story of stories) {
    let read: PlainTextStory | undefined;
    try {
      // Read as the importer reads: with its header finder.
      read = plain(parsePlainTextStory(story.text, { sizeOf, reader, header: headerFinderFor(KEPT_HEADER) }));
    } catch {
      read = undefined;
    }
    if (read && isDeepStrictEqual(read, plain(story.expected))) exact += 1;
    const found = linesFound(story.expected, read);
    lines.lines += found.lines;
    lines.found += found.found;
  }
  return { exact, stories: stories.length, lines };
}

/**
 * Trains each reader of `settings` on the generated stories' units (labelled by the hand reading, as
 * before) and the real pages' units (labelled from their .expected lines), the real units repeated so
 * that they weigh about as much as the generated ones, and returns them: softmax over own features,
 * with neighbours, and with neighbours read as one sequence (Viterbi).
 */
export function trainReaders(
  generated: Sample[],
  pages: CorpusStory[],
  settings: Setting[] = SETTINGS,
  log: (line: string) => void = () => {},
): TrainedReader[] {
  const real = pageSamplesOf(pages);
  const repeat = Math.max(1, Math.round(generated.length / Math.max(real.samples.length, 1)));
  const samples = [...generated, ...Array.from({ length: repeat }, () => real.samples).flat()];
  log(
    `training on ${generated.length} generated units and ${real.samples.length} units of ${pages.length} real pages (x${repeat}); labels: ${real.how.whole} matched a line whole, ${real.how.part} within or holding a line, ${real.how.video} a player, ${real.how.dropped} dropped; the labels read ${real.labelsExact} of ${pages.length} pages exactly`,
  );
  return settings.flatMap((setting) => {
    const reader = train(samples, setting);
    return setting.inputs === "neighbours"
      ? [reader, { ...reader, name: `${reader.name}, Viterbi`, decode: "viterbi" as const }]
      : [reader];
  });
}

/** Each reader (the hand weights first) on a set: exact stories and lines found. */
export function judge(stories: CorpusStory[], readers: TrainedReader[]): Measured[] {
  return [undefined, ...readers].map((reader) => ({
    reader: reader?.name ?? "hand weights",
    ...measure(stories, reader),
  }));
}

/**
 * The comparison the command prints. Judged sets named: one reader of each kind trained on `trainedOn`
 * (less the judged sets) and the generated split, reading each judged set. None: each of RETIRED left
 * out in turn, trained on the rest of `trainedOn` and the generated split. Returns a table per set
 * read, and the readers of the last training.
 */
export function compare(
  sets: Map<string, CorpusStory[]>,
  options: { judged: string[]; trainedOn: string[]; settings?: Setting[]; log?: (line: string) => void },
): { tables: string[]; readers: TrainedReader[] } {
  const { judged, trainedOn, settings = SETTINGS, log = () => {} } = options;
  const generated = judged.includes("generated") ? [] : samplesOf(sets.get("generated") ?? []).samples;
  const pagesOf = (names: string[]) => names.flatMap((name) => sets.get(name) ?? []);
  const folds =
    judged.length > 0
      ? [{ out: judged, train: trainedOn.filter((set) => !judged.includes(set)) }]
      : RETIRED.filter((set) => trainedOn.includes(set)).map((set) => ({
          out: [set],
          train: trainedOn.filter((other) => other !== set),
        }));
  const tables: string[] = [];
  let readers: TrainedReader[] = [];
  for (const fold of folds) {
    log(
      `trained on ${fold.train.join(", ")}${generated.length > 0 ? ", generated" : ""}; read: ${fold.out.join(", ")}`,
    );
    readers = trainReaders(generated, pagesOf(fold.train), settings, log);
    for (const set of fold.out) {
      const measured = judge(sets.get(set) ?? [], readers);
      tables.push(
        [
          `\n${set} (${judged.length > 0 ? "judged" : "left out"}, ${measured[0]?.stories ?? 0} stories):`,
          "| reader | stories exact | lines found |",
          "| --- | --- | --- |",
          ...measured.map((m) => `| ${m.reader} | ${m.exact} | ${linesFoundText(m.lines)} |`),
        ].join("\n"),
      );
      log(`read ${set}`);
    }
  }
  return { tables, readers };
}

/**
 * npm run train-reader [-- --judge SET[,SET…]] [--write FILE --keep NAME]:
 * without --judge, leaves each retired blind set out in turn (trains on the other three, the tuning
 * and held-out sets and the generated split; reads the one left out) and prints a table of exact
 * stories and lines found per reader and left-out set. With --judge, trains on every retired set,
 * the tuning and held-out sets and the generated split (less any set judged) and reads the sets
 * named. No set but those named and those trained on is read.
 */
export async function main(args: string[]): Promise<number> {
  if (args.includes("--header")) return headerMain(args);
  const judgeAt = args.indexOf("--judge");
  const judged = judgeAt === -1 ? [] : (args[judgeAt + 1] ?? "").split(",").filter(Boolean);
  const known = corpusSetNames();
  if (judgeAt !== -1 && (judged.length === 0 || judged.some((set) => !known.includes(set)))) {
    console.error(`--judge SET[,SET…], SET one of: ${known.join(", ")}`);
    return 2;
  }
  const trainedOn = [...written(), ...RETIRED];
  const sets = corpusAndGenerated([...trainedOn, "generated", ...judged]);
  const started = Date.now();
  const log = (line: string) => console.log(`${line} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const { tables, readers } = compare(sets, { judged, trainedOn, log });
  console.log(tables.join("\n"));
  const write = args.indexOf("--write");
  if (write !== -1) {
    const file = args[write + 1];
    const keepAt = args.indexOf("--keep");
    const keep = keepAt === -1 ? undefined : args[keepAt + 1];
    const reader = readers.find((r) => r.name === keep);
    if (!file || !reader || judged.length === 0) {
      console.error(`--judge SET --write FILE --keep NAME, NAME one of: ${readers.map((r) => r.name).join("; ")}`);
      return 2;
    }
    writeFileSync(file, `${JSON.stringify(reader)}\n`);
    console.log(`wrote ${reader.name} to ${file}`);
  }
  return 0;
}

/** Labelled pages for the header finder: those whose expected headline is one of their first lines. */
export function headerPagesOf(stories: CorpusStory[]): { pages: HeaderPage[]; unlabelled: number } {
  const pages: HeaderPage[] = [];
  for (const story of stories) {
    const lines = readLines(story.text);
    const page = headerPage(lines, story.expected.headline, story.expected.kicker, handHeadline(lines));
    if (page) pages.push(page);
  }
  return { pages, unlabelled: stories.length - pages.length };
}

export interface HeaderMeasured extends Omit<Measured, "reader"> {
  header: KeptHeader;
  reader: string;
  /** Pages whose headline (and kicker) read as the editor set them. */
  headlines: number;
}

/** A set read with a header finder (none: the hand rules) and a role reader (none: the hand weights). */
export function measureHeader(
  stories: CorpusStory[],
  header: HeaderFinder | undefined,
  reader: TrainedReader | undefined,
): Omit<HeaderMeasured, "header" | "reader"> {
  let exact = 0;
  let headlines = 0;
  const lines = { lines: 0, found: 0 };
  for (const story of stories) {
    let read: PlainTextStory | undefined;
    try {
      read = plain(parsePlainTextStory(story.text, { sizeOf, reader, header }));
    } catch {
      read = undefined;
    }
    if (read && read.headline === story.expected.headline && read.kicker === story.expected.kicker) headlines += 1;
    if (read && isDeepStrictEqual(read, plain(story.expected))) exact += 1;
    const found = linesFound(story.expected, read);
    lines.lines += found.lines;
    lines.found += found.found;
  }
  return { exact, headlines, stories: stories.length, lines };
}

/** The sets each left out in turn when judging header finders: the retired blind sets and the training sets. */
export const headerFolds = (): string[] => [...RETIRED, ...corpusSetNames().filter((set) => set.startsWith("train-"))];

/**
 * Hand header finder against the learned one, each with the hand role weights and with the kept trained
 * role reader (trainedReader.json): with `judged`, the finder is trained on every labelled set but those
 * and reads them; without, each of headerFolds() is left out in turn, the finder trained on the rest.
 * (The kept trained role reader was trained on every labelled set, the left-out one too: its column
 * is not a left-out figure for the role reader, only for the header finder.)
 */
export function compareHeaders(
  sets: Map<string, CorpusStory[]>,
  options: { judged: string[]; trainedOn: string[]; log?: (line: string) => void },
): { tables: string[]; finder?: HeaderFinder; rows: Map<string, HeaderMeasured[]> } {
  const { judged, trainedOn, log = () => {} } = options;
  const folds =
    judged.length > 0
      ? [{ out: judged, train: trainedOn.filter((set) => !judged.includes(set)) }]
      : headerFolds()
          .filter((set) => trainedOn.includes(set))
          .map((set) => ({ out: [set], train: trainedOn.filter((other) => other !== set) }));
  const trained = readerFor("trained");
  const tables: string[] = [];
  const rows = new Map<string, HeaderMeasured[]>();
  let finder: HeaderFinder | undefined;
  for (const fold of folds) {
    const { pages, unlabelled } = headerPagesOf(fold.train.flatMap((name) => sets.get(name) ?? []));
    finder = trainHeaderFinder(pages);
    log(
      `header finder trained on ${fold.train.join(", ")}: ${pages.length} pages (${unlabelled} whose headline is none of their first lines left out); read: ${fold.out.join(", ")}`,
    );
    for (const set of fold.out) {
      const stories = sets.get(set) ?? [];
      const measured: HeaderMeasured[] = [];
      for (const [header, finderUsed] of [
        ["hand", undefined],
        ["learned", finder],
      ] as const)
        for (const [reader, readerUsed] of [
          ["hand weights", undefined],
          ["trained", trained],
        ] as const)
          measured.push({ header, reader, ...measureHeader(stories, finderUsed, readerUsed) });
      rows.set(set, measured);
      tables.push(
        [
          `\n${set} (${judged.length > 0 ? "judged" : "left out"}, ${stories.length} stories):`,
          "| header finder | role reader | headline found | stories exact | lines found |",
          "| --- | --- | --- | --- | --- |",
          ...measured.map(
            (m) => `| ${m.header} | ${m.reader} | ${m.headlines} | ${m.exact} | ${linesFoundText(m.lines)} |`,
          ),
        ].join("\n"),
      );
    }
  }
  return { tables, finder, rows };
}

/**
 * npm run train-reader -- --header [--judge SET[,SET…]] [--write FILE]: the hand header finder against
 * the learned one (headerFinder.ts). Without --judge, each retired blind set and each training set left
 * out in turn, and a total; with it, the finder trained on every labelled set and the generated split
 * (less those judged) reads the sets named, and --write FILE writes it. `--header --write FILE` alone
 * trains on all of them and reads nothing (the importer's: src/import/plainText/headerFinder.json).
 */
async function headerMain(args: string[]): Promise<number> {
  const judgeAt = args.indexOf("--judge");
  const judged = judgeAt === -1 ? [] : (args[judgeAt + 1] ?? "").split(",").filter(Boolean);
  const known = corpusSetNames().filter((set) => !GENERATED.includes(set));
  if (judgeAt !== -1 && (judged.length === 0 || judged.some((set) => !known.includes(set)))) {
    console.error(`--header --judge SET[,SET…], SET one of: ${known.join(", ")}`);
    return 2;
  }
  // The generated split too: pages of every chrome the generator draws, bare ones among them, which the
  // real pages (each under a site's chrome) never show.
  const trainedOn = [...written(), ...RETIRED, "generated"];
  const sets = corpusAndGenerated([...new Set([...trainedOn, ...judged])]);
  const write = args.indexOf("--write");
  if (write !== -1 && judged.length === 0) {
    // The importer's finder: trained on every labelled set, nothing read.
    const file = args[write + 1];
    if (!file) {
      console.error("--header --write FILE");
      return 2;
    }
    const { pages } = headerPagesOf(trainedOn.flatMap((name) => sets.get(name) ?? []));
    const finder = trainHeaderFinder(pages);
    writeFileSync(file, `${JSON.stringify(finder)}\n`);
    console.log(`wrote ${finder.name}, trained on ${pages.length} pages of ${trainedOn.join(", ")}, to ${file}`);
    return 0;
  }
  const started = Date.now();
  const log = (line: string) => console.log(`${line} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const { tables, finder, rows } = compareHeaders(sets, { judged, trainedOn, log });
  console.log(tables.join("\n"));
  if (judged.length === 0) {
    const total = [...rows.values()].reduce((sum, measured) =>
      sum.map((m, i) => {
        const o = measured[i] as HeaderMeasured;
        return {
          ...m,
          exact: m.exact + o.exact,
          headlines: m.headlines + o.headlines,
          stories: m.stories + o.stories,
          lines: { lines: m.lines.lines + o.lines.lines, found: m.lines.found + o.lines.found },
        };
      }),
    );
    console.log(
      [
        `\nall left out (${total[0]?.stories ?? 0} stories):`,
        "| header finder | role reader | headline found | stories exact | lines found |",
        "| --- | --- | --- | --- | --- |",
        ...total.map((m) => `| ${m.header} | ${m.reader} | ${m.headlines} | ${m.exact} | ${linesFoundText(m.lines)} |`),
      ].join("\n"),
    );
  }
  if (write !== -1) {
    const file = args[write + 1];
    if (!file || !finder) {
      console.error("--header [--judge SET] --write FILE");
      return 2;
    }
    writeFileSync(file, `${JSON.stringify(finder)}\n`);
    console.log(`wrote ${finder.name} to ${file}`);
  }
  return 0;
}
