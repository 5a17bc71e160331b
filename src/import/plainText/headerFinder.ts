// A header finder learned from labelled real pages (issue 23, decision 011, 2026-12-07): among the
// first lines of a scraped page (the site's name, its title, a menu, breadcrumbs, a kicker, the
// headline, the deck, the credits), the headline is the line a linear model scores highest, the
// scores of a page's candidate lines taken as one softmax (a conditional logit), trained on pages
// whose .expected headline is one of their lines. The line right above the headline is its kicker
// when a second, binary model (logistic regression over the same features) says so. What comes
// after the headline is read as before (reader.ts). Trained by `npm run train-reader -- --header`
// (train.ts), kept in headerFinder.json, chosen in keptReader.ts.
import { isNameAlone } from "./credits";
import { CLOSING_PUNCTUATION, FULL_STOP, QUESTION, wordCount } from "./cues";
import { featuresOf, NEUTRAL } from "./features";
import { sentenceCount } from "./sentences";
import type { SourceLine } from "./sourceLines";

/** What the hand rules choose (reader.ts, handHeadline): an input of the learned finder. */
export interface HandChoice {
  headline: SourceLine;
  kicker?: SourceLine;
}

export interface LinearModel {
  features: string[];
  weights: number[];
  bias: number;
}

export interface HeaderFinder {
  /** What it is, for reports ("conditional logit, 300 epochs, L2 0.001"). */
  name: string;
  /** The headline's scores: one weight per feature (the bias cancels in a softmax over a page's lines). */
  headline: LinearModel;
  /** Whether the line above the headline is its kicker (logistic regression). */
  kicker: LinearModel;
}

/** The most lines at the top of a page read as candidates for the headline. */
export const HEADER_WINDOW = 24;
/** A line of prose: the story has begun; no line from there on is a candidate. */
const isProse = (text: string) => wordCount(text) > 40 || sentenceCount(text) > 2;

const wordsOf = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
/** The share of a line's words found in another line (0 when it has fewer than three). */
function sharedWith(line: Set<string>, other: Set<string>): number {
  if (line.size < 3) return 0;
  return [...line].filter((word) => other.has(word)).length / line.size;
}

const KICKER_SHAPE = (text: string) =>
  text.length <= 30 && wordCount(text) <= 3 && !CLOSING_PUNCTUATION.test(text) && /^\p{L}/u.test(text);

/** The features of a line's text alone (prefixed for its neighbours' "prev." and "next."). */
function textFeatures(text: string): Record<string, number> {
  const words = wordCount(text);
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  const digits = text.match(/\p{N}/gu)?.length ?? 0;
  const own = featuresOf(text, NEUTRAL);
  const f: Record<string, number> = {
    "words.1": words <= 1 ? 1 : 0,
    "words.2-3": words >= 2 && words <= 3 ? 1 : 0,
    "words.4-7": words >= 4 && words <= 7 ? 1 : 0,
    "words.8-15": words >= 8 && words <= 15 ? 1 : 0,
    "words.16-25": words >= 16 && words <= 25 ? 1 : 0,
    "words.26+": words > 25 ? 1 : 0,
    logLength: Math.log1p(text.length) / 5,
    allCaps: letters >= 3 && upper === letters ? 1 : 0,
    mostlyCaps: letters >= 3 && upper / letters > 0.5 ? 1 : 0,
    startsCapital: /^\P{L}*\p{Lu}/u.test(text) ? 1 : 0,
    startsLower: /^\p{Ll}/u.test(text) ? 1 : 0,
    startsLetter: /^\p{L}/u.test(text) ? 1 : 0,
    noCase: letters > 0 && upper === 0 && !/\p{Ll}/u.test(text) ? 1 : 0,
    fullStop: FULL_STOP.test(text) ? 1 : 0,
    question: QUESTION.test(text) ? 1 : 0,
    colonEnd: /[:：]$/u.test(text) ? 1 : 0,
    colonIn: /\S[:：]\s/u.test(text) ? 1 : 0,
    pipe: text.includes("|") ? 1 : 0,
    chevron: /[>›»→]/u.test(text) ? 1 : 0,
    slash: /\s\/\s/u.test(text) ? 1 : 0,
    dot: /\s[·•]\s/u.test(text) ? 1 : 0,
    dash: /\s[-–—]\s/u.test(text) ? 1 : 0,
    quoteMark: /["“”«»„]/u.test(text) ? 1 : 0,
    digits: letters + digits > 0 ? digits / (letters + digits) : 0,
    hasDigit: digits > 0 ? 1 : 0,
    sentences2: sentenceCount(text) >= 2 ? 1 : 0,
    nameAlone: isNameAlone(text) ? 1 : 0,
    kickerShape: KICKER_SHAPE(text) ? 1 : 0,
  };
  for (const [name, value] of Object.entries(own)) if (value) f[`f.${name}`] = value;
  return f;
}

export interface Candidate {
  /** Index of the line among the page's lines. */
  index: number;
  line: SourceLine;
  features: Record<string, number>;
}

const isCreditLine = (f: Record<string, number>) => f["f.byline"] === 1 || f["f.dateline"] === 1;

/** The candidates for the headline: the page's first lines up to the first line of prose, each with its features. */
export function headerCandidates(lines: SourceLine[], hand?: HandChoice): Candidate[] {
  const window: SourceLine[] = [];
  for (const line of lines.slice(0, HEADER_WINDOW)) {
    if (isProse(line.text) && window.length > 0) break;
    window.push(line);
  }
  const own = window.map((line) => textFeatures(line.text));
  const words = window.map((line) => wordsOf(line.text));
  const firstCredit = own.findIndex(isCreditLine);
  const blockSize = (block: number) => lines.filter((line) => line.block === block).length;
  const after = lines[window.length];
  const afterProse = after !== undefined && isProse(after.text);
  return window.map((line, index) => {
    const f: Record<string, number> = { ...own[index] };
    const prev = own[index - 1];
    const next = own[index + 1];
    for (const [name, value] of Object.entries(prev ?? { none: 1 })) f[`prev.${name}`] = value;
    for (const [name, value] of Object.entries(next ?? { none: 1 })) f[`next.${name}`] = value;
    // The hand rules' choice (reader.ts, handHeadline), and whether the line stands above or below it.
    f.hand = line === hand?.headline ? 1 : 0;
    f.handKicker = line === hand?.kicker ? 1 : 0;
    f.aboveHand = hand !== undefined && line.number < hand.headline.number ? 1 : 0;
    // A shorter wording of the next line (a page's title over its headline): the next line opens with it.
    f.openingOfNext =
      window[index + 1] !== undefined && (window[index + 1] as SourceLine).text.startsWith(line.text) ? 1 : 0;
    f.position = index / HEADER_WINDOW;
    f.first = index === 0 ? 1 : 0;
    f.second = index === 1 ? 1 : 0;
    f.block = Math.min(line.block, 10) / 10;
    f.firstInBlock = window[index - 1]?.block !== line.block ? 1 : 0;
    f.lastInBlock = window[index + 1]?.block !== line.block ? 1 : 0;
    f.aloneInBlock = blockSize(line.block) === 1 ? 1 : 0;
    const distance = firstCredit === -1 ? undefined : firstCredit - index;
    f["credit.none"] = distance === undefined ? 1 : 0;
    f["credit.below1"] = distance === 1 ? 1 : 0;
    f["credit.below2"] = distance === 2 ? 1 : 0;
    f["credit.below3"] = distance === 3 ? 1 : 0;
    f["credit.below4+"] = distance !== undefined && distance >= 4 ? 1 : 0;
    f["credit.above"] = distance !== undefined && distance < 0 ? 1 : 0;
    f["credit.self"] = distance === 0 ? 1 : 0;
    f.lastCandidate = index === window.length - 1 ? 1 : 0;
    f.beforeProse = index === window.length - 1 && afterProse ? 1 : 0;
    // The next line a deck: a sentence or two of prose, longer than a headline's line.
    const nextLine = window[index + 1];
    f.deckBelow =
      nextLine !== undefined &&
      wordCount(nextLine.text) >= 8 &&
      wordCount(nextLine.text) <= 60 &&
      (FULL_STOP.test(nextLine.text) || QUESTION.test(nextLine.text))
        ? 1
        : 0;
    f.kickerAbove = window[index - 1] !== undefined && KICKER_SHAPE(window[index - 1]?.text ?? "") ? 1 : 0;
    // A page's title repeating the headline: this line's words in another line (an earlier one, a later one).
    const mine = words[index] as Set<string>;
    let echoAbove = 0;
    let echoBelow = 0;
    for (const [other, theirs] of words.entries()) {
      if (other === index) continue;
      const share = Math.max(sharedWith(mine, theirs), sharedWith(theirs, mine));
      if (other < index) echoAbove = Math.max(echoAbove, share);
      else echoBelow = Math.max(echoBelow, share);
    }
    f.echoAbove = echoAbove;
    f.echoBelow = echoBelow;
    f.echoAbove60 = echoAbove >= 0.6 ? 1 : 0;
    f.echoBelow60 = echoBelow >= 0.6 ? 1 : 0;
    // Longer than the lines around it (a headline is the longest line of the header but the deck).
    const lengths = window.map((l) => l.text.length);
    f.longestAbove = lengths.slice(0, index).every((length) => length < line.text.length) ? 1 : 0;
    return { index, line, features: f };
  });
}

const dot = (model: LinearModel, features: Record<string, number>, index: Map<string, number>) => {
  let z = model.bias;
  for (const [name, value] of Object.entries(features)) {
    const i = index.get(name);
    if (i !== undefined) z += (model.weights[i] as number) * value;
  }
  return z;
};

const indexes = new WeakMap<LinearModel, Map<string, number>>();
const indexOf = (model: LinearModel) => {
  let index = indexes.get(model);
  if (!index) {
    index = new Map(model.features.map((name, i) => [name, i]));
    indexes.set(model, index);
  }
  return index;
};

/** A linear model's score of some features, with the features that counted most, for --explain. */
export function scoreLine(model: LinearModel, features: Record<string, number>) {
  const index = indexOf(model);
  const because = Object.entries(features)
    .map(([feature, value]) => ({ feature, weight: (model.weights[index.get(feature) ?? -1] ?? 0) * value }))
    .filter((part) => part.weight !== 0)
    .sort((a, b) => b.weight - a.weight);
  return { score: dot(model, features, index), because };
}

export interface HeaderChoice {
  headline: SourceLine;
  kicker?: SourceLine;
  /** Why, for --explain: the headline's probability among the candidates, its strongest features, the runner-up's. */
  why: string;
}

/** The headline (and its kicker) a header finder chooses among the page's first lines. */
export function findHeader(lines: SourceLine[], finder: HeaderFinder, hand?: HandChoice): HeaderChoice | undefined {
  const candidates = headerCandidates(lines, hand);
  if (candidates.length === 0) return undefined;
  const scored = candidates
    .map((candidate) => ({ candidate, ...scoreLine(finder.headline, candidate.features) }))
    .sort((a, b) => b.score - a.score || a.candidate.index - b.candidate.index);
  const top = scored[0]?.score ?? 0;
  const sum = scored.reduce((total, s) => total + Math.exp(s.score - top), 0);
  const [best, runnerUp] = scored as [(typeof scored)[number], ...typeof scored];
  const probability = (score: number) => Math.exp(score - top) / sum;
  const strongest = best.because
    .filter((part) => part.weight > 0)
    .slice(0, 3)
    .map((part) => `${part.feature} +${part.weight.toFixed(2)}`)
    .join(", ");
  const why = `the learned header finder's headline, p ${probability(best.score).toFixed(2)} of ${candidates.length} lines at the top (${strongest || "bias"})${
    runnerUp ? ` vs L${runnerUp.candidate.line.number} p ${probability(runnerUp.score).toFixed(2)}` : ""
  }`;
  const headline = best.candidate.line;
  const above = candidates.find((c) => c.index === best.candidate.index - 1);
  const kicker =
    above && !isCreditLine(above.features) && dot(finder.kicker, above.features, indexOf(finder.kicker)) > 0
      ? above.line
      : undefined;
  return { headline, why, ...(kicker ? { kicker } : {}) };
}

const plain = (text: string) => text.replace(/\s+/gu, " ").trim();
/** A kicker as the expected story writes it: less a separator after it ("Analysis |"). */
export const kickerText = (text: string) => text.replace(/[\s|:/\\–—-]+$/u, "");

/**
 * The candidate that is a page's expected headline: its line whole, a line holding it and its kicker
 * ("Analysis | Headline"), or the first line of a headline wrapped over two.
 */
export function labelledHeadline(candidates: Candidate[], headline: string, kicker?: string): number {
  const h = plain(headline);
  const whole = candidates.findIndex((c) => c.line.text === h);
  if (whole !== -1) return whole;
  const withKicker = candidates.findIndex(
    (c) => kicker !== undefined && c.line.text.includes(h) && c.line.text.includes(kicker),
  );
  if (withKicker !== -1) return withKicker;
  return candidates.findIndex((c) => c.line.text.length >= 20 && h.startsWith(c.line.text));
}

export interface HeaderPage {
  candidates: Candidate[];
  /** The candidate that is the headline. */
  headline: number;
  /** Whether the line above the headline is the expected kicker (undefined: no line above it). */
  kickerAbove?: boolean;
}

/** A labelled page for training, or undefined when its expected headline is none of its first lines. */
export function headerPage(
  lines: SourceLine[],
  headline: string,
  kicker?: string,
  hand?: HandChoice,
): HeaderPage | undefined {
  const candidates = headerCandidates(lines, hand);
  const at = labelledHeadline(candidates, headline, kicker);
  if (at === -1) return undefined;
  const above = candidates[at - 1];
  const kickerAbove =
    above === undefined || isCreditLine(above.features)
      ? undefined
      : kicker !== undefined && kickerText(above.line.text) === plain(kicker);
  return { candidates, headline: at, ...(kickerAbove === undefined ? {} : { kickerAbove }) };
}

export interface HeaderSetting {
  epochs: number;
  l2: number;
}

/** Fixed before any leave-one-set-out run (session 11): full-batch Adam from zero weights, so deterministic. */
export const HEADER_SETTING: HeaderSetting = { epochs: 300, l2: 1e-3 };

/**
 * Trains a header finder on labelled pages: the headline model as a conditional logit (a softmax over
 * each page's candidates, the labelled line the answer), the kicker model as a logistic regression
 * over the lines right above labelled headlines. Full-batch Adam from zero weights: the same pages
 * give the same weights.
 */
export function trainHeaderFinder(pages: HeaderPage[], setting: HeaderSetting = HEADER_SETTING): HeaderFinder {
  const features = [...new Set(pages.flatMap((p) => p.candidates.flatMap((c) => Object.keys(c.features))))].sort();
  const index = new Map(features.map((name, i) => [name, i]));
  const sparse = (f: Record<string, number>) =>
    Object.entries(f).flatMap(([name, value]) => {
      const i = index.get(name);
      return i === undefined || value === 0 ? [] : [[i, value] as const];
    });
  const groups = pages.map((page) => ({ rows: page.candidates.map((c) => sparse(c.features)), y: page.headline }));
  const kickerRows = pages.flatMap((page) =>
    page.kickerAbove === undefined
      ? []
      : [{ x: sparse(page.candidates[page.headline - 1]?.features ?? {}), y: page.kickerAbove ? 1 : 0 }],
  );
  const F = features.length;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const adam = (gradient: (w: Float64Array, g: Float64Array) => void, size: number) => {
    const w = new Float64Array(size);
    const m = new Float64Array(size);
    const v = new Float64Array(size);
    const g = new Float64Array(size);
    const [rate, beta1, beta2, eps] = [0.05, 0.9, 0.999, 1e-8];
    for (let step = 1; step <= setting.epochs; step++) {
      g.fill(0);
      gradient(w, g);
      for (let k = 0; k < size; k++) {
        const gk = (g[k] as number) + (k < F ? setting.l2 * (w[k] as number) : 0);
        m[k] = beta1 * (m[k] as number) + (1 - beta1) * gk;
        v[k] = beta2 * (v[k] as number) + (1 - beta2) * gk * gk;
        w[k] =
          (w[k] as number) -
          (rate * ((m[k] as number) / (1 - beta1 ** step))) / (Math.sqrt((v[k] as number) / (1 - beta2 ** step)) + eps);
      }
    }
    return w;
  };
  const score = (w: Float64Array, x: (readonly [number, number])[]) => {
    let z = 0;
    for (const [i, value] of x) z += (w[i] as number) * value;
    return z;
  };
  const headline = adam((w, g) => {
    for (const { rows, y } of groups) {
      const z = rows.map((x) => score(w, x));
      const top = Math.max(...z);
      const e = z.map((s) => Math.exp(s - top));
      const sum = e.reduce((a, b) => a + b, 0);
      for (const [r, x] of rows.entries()) {
        const d = ((e[r] as number) / sum - (r === y ? 1 : 0)) / groups.length;
        if (d !== 0) for (const [i, value] of x) g[i] = (g[i] as number) + d * value;
      }
    }
  }, F);
  const kicker = adam((w, g) => {
    for (const { x, y } of kickerRows) {
      const z = score(w, x) + (w[F] as number);
      const d = (1 / (1 + Math.exp(-z)) - y) / Math.max(kickerRows.length, 1);
      for (const [i, value] of x) g[i] = (g[i] as number) + d * value;
      g[F] = (g[F] as number) + d;
    }
  }, F + 1);
  return {
    name: `conditional logit, ${setting.epochs} epochs, L2 ${setting.l2}`,
    headline: { features, weights: [...headline].map(round), bias: 0 },
    kicker: { features, weights: [...kicker.slice(0, F)].map(round), bias: round(kicker[F] as number) },
  };
}
