// Stories as newsrooms scrape them from web pages: plain text, one story per file, blocks separated
// by blank lines. The page's structure (kicker, deck, quotes, links to other stories, the place of a
// video player) survives only as habits of the text; the rules below read those habits back.
// Nothing is dropped: every non-blank line ends up in the headline (with its kicker), the deck or
// exactly one body block; only kicker separators and related-link labels ("READ ALSO:") are removed.
import { type Block, TEXT_LIMITS, type VideoBlock, withoutUnsafeCharacters } from "../model/story";

export interface PlainTextStory {
  kicker?: string;
  headline: string;
  deck?: string;
  body: Block[];
}

export interface PlainTextOptions {
  /** A known video for the story (from a sidecar file or --video-src); without it, video markers get placeholders. */
  video?: Omit<VideoBlock, "type" | "title"> & { title?: string };
}

export class PlainTextError extends Error {}

// Limits of the story model the output must respect.
const {
  kicker: MAX_KICKER,
  headline: MAX_HEADLINE,
  paragraph: MAX_PARAGRAPH,
  quote: MAX_QUOTE,
  related: MAX_RELATED,
} = TEXT_LIMITS;

const MAX_DECK = 200;
const MIN_RELATED_WORDS = 4;
const MAX_RELATED_WORDS = 20;
const MAX_BARE_RELATED = 160;

export function parsePlainTextStory(text: string, options: PlainTextOptions = {}): PlainTextStory {
  // Scraped text carries stray control characters the story schema refuses: they go first.
  const [first, ...rest] = splitIntoBlocks(withoutUnsafeCharacters(text));
  const [headlineLine, ...afterHeadline] = first ?? [];
  if (headlineLine === undefined) {
    throw new PlainTextError(
      "no headline: the text is empty or only whitespace (the first non-blank line is the headline)",
    );
  }
  const { kicker, headline } = splitKicker(headlineLine);
  if (headline.length > MAX_HEADLINE) {
    throw new PlainTextError(
      `the headline (the first non-blank line) has ${headline.length} characters, more than the ${MAX_HEADLINE} a headline may have: does the text start with a paragraph?`,
    );
  }
  // The headline is one line; lines under it in the same block are the next block (often the deck).
  const blocks = [afterHeadline, ...rest].filter((lines) => lines.length > 0).flatMap(separateStandaloneLines);
  const [next, ...others] = blocks;
  const deck = next && isDeck(next) ? next[0] : undefined;
  const body = (deck === undefined ? blocks : others).flatMap((lines) => toBlocks(lines, headline));
  return {
    ...(kicker === undefined ? {} : { kicker }),
    headline,
    ...(deck === undefined ? {} : { deck }),
    body: placeKnownVideo(body, headline, options.video),
  };
}

/** Blocks of trimmed, non-blank lines; any run of blank (or whitespace-only) lines ends a block. */
function splitIntoBlocks(text: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/).map((raw) => raw.trim())) {
    if (line) {
      current.push(line);
    } else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** Related labels and video lead-ins stand on lines of their own even where the scrape lost the blank line around them. */
function separateStandaloneLines(lines: string[]): string[][] {
  const separated: string[][] = [];
  let run: string[] = [];
  for (const line of lines) {
    if (isVideoMarker(line) || labelledRelatedHeadline(line) !== undefined) {
      if (run.length > 0) separated.push(run);
      separated.push([line]);
      run = [];
    } else {
      run.push(line);
    }
  }
  if (run.length > 0) separated.push(run);
  return separated;
}

function toBlocks(lines: string[], headline: string): Block[] {
  const [line = ""] = lines;
  const single = lines.length === 1;
  const text = lines.join(" ");
  if (single && isVideoMarker(line)) return [{ type: "paragraph", text }, videoPlaceholder(headline)];
  const labelled = single ? labelledRelatedHeadline(line) : undefined;
  if (labelled !== undefined) return [{ type: "related", headline: labelled }];
  if (opensWithQuoteMark(line) && text.length <= MAX_QUOTE) return [{ type: "quote", text }];
  if (single && readsAsOtherHeadline(line)) return [{ type: "related", headline: line }];
  return splitLongText(text, MAX_PARAGRAPH).map((chunk): Block => ({ type: "paragraph", text: chunk }));
}

// --- Kicker -------------------------------------------------------------------------------------

const KNOWN_KICKERS = new Set([
  "ANALYSIS",
  "BREAKING",
  "BREAKING NEWS",
  "EDITORIAL",
  "EXCLUSIVE",
  "EXPLAINER",
  "FACT CHECK",
  "GALLERY",
  "INTERVIEW",
  "JUST IN",
  "LISTEN",
  "LIVE",
  "LIVE UPDATES",
  "OPINION",
  "PHOTO",
  "PHOTOS",
  "PICTURES",
  "PODCAST",
  "REVIEW",
  "UPDATE",
  "UPDATED",
  "VIDEO",
  "VIDEOS",
  "WATCH",
  "WATCH LIVE",
]);

const normalizeKicker = (label: string): string => label.trim().replace(/\s+/g, " ").toUpperCase();
const isKnownKicker = (label: string): boolean => KNOWN_KICKERS.has(normalizeKicker(label));

/** An ALL-CAPS word or two ("WATCH", "COUNCIL VOTE") reads as a kicker before a colon; mixed case only when it is a known kicker. */
function isShoutedLabel(label: string): boolean {
  return (
    label.length >= 2 &&
    label.length <= MAX_KICKER &&
    label.split(/\s+/).every((word) => /^\p{Lu}[\p{Lu}\p{N}&'’.-]*$/u.test(word))
  );
}

function splitKicker(line: string): { kicker?: string; headline: string } {
  return kickerPrefix(line) ?? kickerSuffix(line) ?? { headline: line };
}

function kickerPrefix(line: string): { kicker: string; headline: string } | undefined {
  const match = /^(?<label>[^\s:]+(?:\s+[^\s:]+)?)\s*:\s+(?<headline>\S.*)$/su.exec(line);
  const label = match?.groups?.label ?? "";
  const headline = match?.groups?.headline ?? "";
  if (!headline || !(isKnownKicker(label) || isShoutedLabel(label))) return undefined;
  return { kicker: normalizeKicker(label), headline };
}

// A suffix is only a kicker when it is a known one: "… (VIDEO)" is, "… (UK)" is part of the headline.
const SUFFIX_KICKER_FORMS = [
  /^(?<headline>.*?\S)\s*\|\s*(?<label>[^|]+)$/su,
  /^(?<headline>.*?\S)\s+[-–—]\s*(?<label>[^-–—]+)$/su,
  /^(?<headline>.*?\S)\s*\(\s*(?<label>[^()]+?)\s*\)$/su,
  /^(?<headline>.*?\S)\s*\[\s*(?<label>[^[\]]+?)\s*\]$/su,
];

function kickerSuffix(line: string): { kicker: string; headline: string } | undefined {
  for (const form of SUFFIX_KICKER_FORMS) {
    const groups = form.exec(line)?.groups;
    if (groups?.headline && groups.label && isKnownKicker(groups.label)) {
      return { kicker: normalizeKicker(groups.label), headline: groups.headline };
    }
  }
  return undefined;
}

// --- Deck ---------------------------------------------------------------------------------------

// The deck (standfirst) is the one-sentence summary a news page sets directly under the headline.
// In scraped text it survives as a lone short line right after the headline, while the lede is a
// longer block or runs to several sentences. 200 characters holds decks in practice (the model
// allows 500) and stays under most ledes. A line that opens with a quote mark is the lede quote, and
// a related link or video lead-in has a meaning of its own: none of them is the deck.
function isDeck(lines: string[]): boolean {
  const [line = ""] = lines;
  return (
    lines.length === 1 &&
    line.length <= MAX_DECK &&
    !opensWithQuoteMark(line) &&
    !isVideoMarker(line) &&
    labelledRelatedHeadline(line) === undefined &&
    sentenceBreaks(line).length === 0
  );
}

// --- Quotes -------------------------------------------------------------------------------------

// A block that opens with a quote mark is a quotation, whether or not it closes in the same block:
// scraped quotes often open in one paragraph and close in a later one. A leading ' or ‘ before a
// digit is an elision ('90s), not a quote.
const opensWithQuoteMark = (line: string): boolean => /^(?:["“«„]|['‘](?!\p{N}))/u.test(line);

// --- Related headlines --------------------------------------------------------------------------

const RELATED_LABEL =
  /^(?:read\s+also|also\s+read|see\s+also|read\s+more|related(?:\s+(?:stor(?:y|ies)|articles?))?)\s*:\s*(?<headline>\S.*)$/isu;

/** The headline after a "READ ALSO:"-style label, when it fits a related block. */
function labelledRelatedHeadline(line: string): string | undefined {
  const headline = RELATED_LABEL.exec(line)?.groups?.headline;
  return headline && headline.length <= MAX_RELATED ? headline : undefined;
}

// Lines that name who made or owns the story, not another story.
const CREDIT_LINE =
  /^(?:©|copyright\b|all\s+rights\s+reserved\b|by\s|(?:additional\s+)?reporting\s+by\b|(?:edited|editing|written|produced)\s+by\b|(?:photos?|images?|pictures?|credits?|source|video)\s*:)/iu;

// A bare one-line block is the headline of another story (a link on the scraped page) when it looks
// like a headline and like nothing else. Each test rules out a kind of false positive:
// - no closing punctuation (. ! ? : ; , … or a closing quote): sentences, quotes and lead-ins have it;
// - 4 to 20 words and at most 160 characters: shorter lines are labels, bylines, section names or
//   sub-headings; longer ones are prose that lost its full stop;
// - opens with a capital letter or digit: a lower-case start is a fragment of prose;
// - has lower-case letters: ALL-CAPS lines are page furniture ("SCROLL DOWN FOR MORE");
// - no web or e-mail address, and not a credit line ("Additional reporting by …", "Photo: …").
// Still ambiguous: a sub-heading of this story of four words or more ("What the council decided
// on Tuesday") is read as a related headline; plain text carries nothing that tells them apart.
function readsAsOtherHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  return (
    words >= MIN_RELATED_WORDS &&
    words <= MAX_RELATED_WORDS &&
    line.length <= MAX_BARE_RELATED &&
    !/[.!?:;,…"'”’»]$/u.test(line) &&
    /^[\p{Lu}\p{N}]/u.test(line) &&
    /\p{Ll}/u.test(line) &&
    !/https?:\/\/|www\.|\S@\S/iu.test(line) &&
    !CREDIT_LINE.test(line)
  );
}

// --- Video --------------------------------------------------------------------------------------

const VIDEO_MARKER =
  /^(?:(?:check\s+out|watch|see|view)(?:\s+the)?(?:\s+full)?\s+(?:video|clip|footage)(?:\s+(?:below|here|above))?|(?:watch|see|video)(?:\s+it)?\s+below|watch|video)\s*[:.!…]*$/iu;

/** A lead-in where the page had a video player: "Check out the video:", "Watch below.", "WATCH BELOW". */
const isVideoMarker = (line: string): boolean => VIDEO_MARKER.test(line);

const videoPlaceholder = (headline: string): VideoBlock => ({ type: "video", title: headline, sources: [] });

// The known video takes the place of the first lead-in (a page's main player comes first; later
// lead-ins stay placeholders, as the one known source cannot be told apart from the others). With
// no lead-in it goes at the end, as the Markdown importer does: a known video is never dropped.
function placeKnownVideo(body: Block[], headline: string, known: PlainTextOptions["video"]): Block[] {
  if (!known) return body;
  const { title, ...rest } = known;
  const video: VideoBlock = { type: "video", ...rest, title: title ?? headline };
  const first = body.findIndex((block) => block.type === "video");
  return first === -1 ? [...body, video] : body.with(first, video);
}

// --- Sentences and long paragraphs --------------------------------------------------------------

const ABBREVIATIONS = new Set(
  "mr mrs ms dr st jr sr prof gov sen rep gen col capt lt sgt no vs etc inc ltd co corp mt ft ave rd".split(" "),
);

interface SentenceBreak {
  /** Where the sentence ends (after its punctuation and closing quotes). */
  end: number;
  /** Where the next sentence starts (after the whitespace). */
  next: number;
}

/** Places where one sentence ends and a capitalised (or numbered) one starts; "Mr. Lee" and "J. Lee" are not breaks. */
function sentenceBreaks(text: string): SentenceBreak[] {
  const breaks: SentenceBreak[] = [];
  for (const match of text.matchAll(/(?<stop>[.!?…]+)["'”’)\]]*(?<space>\s+)(?=["“‘'([]?[\p{Lu}\p{N}])/gu)) {
    const { stop = "", space = "" } = match.groups ?? {};
    const next = match.index + match[0].length;
    if (stop === "." && endsWithAbbreviation(text.slice(Math.max(0, match.index - 12), match.index))) continue;
    breaks.push({ end: next - space.length, next });
  }
  return breaks;
}

function endsWithAbbreviation(before: string): boolean {
  const word = /[\p{L}]+$/u.exec(before)?.[0] ?? "";
  return word.length === 1 || ABBREVIATIONS.has(word.toLowerCase());
}

/** Splits text longer than the model allows at sentence breaks (else at a space, else anywhere) so nothing is cut off. */
function splitLongText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const [head, tail] = cutNear(rest, max);
    chunks.push(head);
    rest = tail;
  }
  return [...chunks, rest];
}

function cutNear(text: string, max: number): [string, string] {
  const sentence = sentenceBreaks(text).findLast((candidate) => candidate.end <= max);
  if (sentence) return [text.slice(0, sentence.end), text.slice(sentence.next)];
  const space = text.slice(0, max + 1).search(/\s\S*$/u);
  if (space > 0) return [text.slice(0, space).trimEnd(), text.slice(space).trimStart()];
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return [text.slice(0, cut), text.slice(cut)];
}
