// Reads scraped text line by line as an editor would: finds the headline (past any date or byline
// above it), gathers the lines of each block into units (a byline, a label, a lead-in or an embed's
// signature stands alone; wrapped prose is read as one), and gives each unit the role its features
// score highest (weights.ts), knowing the role of the unit before and the cue of the unit after.

import { creditOf, isCreditLabelAlone, isNameAlone, isNameAttribution } from "./credits";
import {
  BULLET_OPENING,
  CLOSING_PUNCTUATION,
  FULL_STOP,
  OPENS_EMBED,
  PLAYER_LEFTOVER,
  QUESTION,
  TWEET_SIGNATURE,
  wordCount,
} from "./cues";
import { featuresOf, headlineShaped, LIST_MARKER, NEUTRAL, type Role, type UnitContext } from "./features";
import { findHeader, type HeaderFinder, kickerText } from "./headerFinder";
import { sentenceCount } from "./sentences";
import { type SourceLine, sourceLines } from "./sourceLines";
import { neighbourFeatures, scoreTrained, type TrainedReader } from "./trained";
import { type Scored, scoreRoles, UNSURE_MARGIN } from "./weights";

export interface Unit {
  /** The source lines read together (1-based numbers). */
  lines: number[];
  /** Their texts joined with a space. */
  text: string;
  role: Role | "headline";
  /** Why: the features that counted most, and the runner-up role. */
  scored?: Scored;
  /** The features the unit's role was scored on, with its neighbours' (for training a reader: trained.ts). */
  features?: Record<string, number>;
  runnerUp?: Scored;
  unsure: boolean;
  /** Of the headline: a short line alone above it ("WATCH", "Energie"), read with it, and the headline below. */
  kicker?: { kicker: string; headline: string };
  /** Why, for a unit given its role by where it stands rather than by its score (the page's chrome above the headline). */
  note?: string;
}

/** Roles a line takes on its own even inside a block of other lines. */
const STANDS_ALONE = new Set<Role>([
  "byline",
  "dateline",
  "image",
  "cite",
  "furniture",
  "embedMarker",
  "videoLeadIn",
  "videoPlayer",
]);
/** A numbered list item's mark: "1. ", "2) ", "3 - ". */
const NUMBERED = /^\p{N}{1,2}(?:[.)]|\s[-–])\s+\S/u;
/** Longer than any hard-wrapped line (scrapers wrap at 72 to 100 columns), in columns (`columns`). */
const UNWRAPPED_LINE = 110;
/** Lines longer than a hard wrap on a page, from which its text is known not to be hard-wrapped. */
const UNWRAPPED_PAGE = 3;
/** Roles of lines that may stand above the headline. */
const ABOVE_HEADLINE = new Set<Role>(["byline", "dateline", "furniture", "embedMarker"]);
/** The most units a post's text runs to before its signature (a caption, its hashtags, a line more). */
const MAX_POST_UNITS = 3;
/** Why a unit naming a stored story is a related headline (--explain). */
const KNOWN_HEADLINE = "related: it names a story the store holds, a related headline whatever the scores";
const INTERVIEW_TURN_NOTE =
  "paragraph: it opens with an interview's speaker label, a turn of the conversation whatever the scores";
/**
 * A turn of an interview set as Q&A: a unit opening with the speaker's label ("Q:", "A:", "P.", "R.",
 * "Pregunta.", "Frage:", "Soru:"…). A question so labelled is a turn of the conversation, not a section's
 * title nor a related headline.
 */
const INTERVIEW_TURN =
  /^(?:[QAPR][.:]|(?:question|answer|pregunta|respuesta|pergunta|resposta|frage|antwort|réponse|domanda|risposta|vraag|antwoord|pytanie|odpowiedź|soru|cevap)\s*[.:])\s+\S/iu;
/** A question opened with a dialogue dash ("— Ko'rgazma qanday nomlanadi?"): a turn of a conversation, in any language. */
const isDialogueQuestion = (text: string): boolean => /^[—―–]\s*\p{L}/u.test(text) && QUESTION.test(text);
const CREDIT_NAMES_NOTE =
  "byline: names alone (or after a label or a by-word) among the page's credits, beside its date line, before its text";
const TEXT_AFTER_CREDITS_NOTE =
  "paragraph: a sentence right under the credits, run on by more of the story's text in its block: the story has begun";
const DECK_OVER_CREDITS_NOTE =
  "deck: a line of a headline's length set right under it in its block, the credits next: what stands between a headline and its credits";
const PLAYER_BLOCK_NOTE =
  "videoPlayer: a block mostly of a video player's leftovers (its loading line, its button, its duration) is the player";
/** Why a unit is a list item outright (--explain); story.ts drops its bullet, an en dash before no sentence too. */
export const LIST_ITEM_NOTE =
  "paragraph: an item of a bulleted list, a line of its own in a run of lines opening with the same bullet";
/** The most words of a list item read so by where it stands: a longer line opening with a dash is a quotation's turn. */
const MAX_ITEM_WORDS = 16;
/** Roles that carry no story text of their own, so the next text is still the first. */
const NOT_TEXT = new Set<Role | "headline">(["headline", "byline", "dateline", "furniture", "embedMarker"]);

export interface ReadOptions {
  /** Whether a text is the headline of a story the store holds. */
  isKnownHeadline?: (text: string) => boolean;
  /** Trained weights to give units their roles in place of the hand weights (lines are gathered as before). */
  reader?: TrainedReader;
  /**
   * Roles given to the units after the headline, in order, in place of scoring them (a role left
   * undefined is scored): a labelled page's roles, so that each unit's inputs are those of the
   * labelled roles before it (train.ts).
   */
  roles?: (Role | undefined)[];
  /** A learned header finder (headerFinder.ts) to choose the headline and its kicker in place of the hand rules. */
  header?: HeaderFinder;
}

/** What a unit knows of the roles read before it. */
interface PathState {
  after: Role | "headline";
  /** No story text read yet (only bylines, dates, furniture, markers). */
  firstUnit: boolean;
  insideEmbed: boolean;
  unitsInEmbed: number;
}

/**
 * The roles of a story's units as one sequence, for a trained reader decoding "viterbi": the path of
 * roles whose product of per-unit probabilities is highest, each unit's probabilities (a softmax of
 * its scores) taken given the role before it on that path (its "after.ROLE" input and the features
 * that depend on the roles before). One path is kept per role at each unit, with its state.
 */
function viterbi(
  reader: TrainedReader,
  fixedRoles: (Role | undefined)[],
  start: PathState,
  inputsAt: (index: number, state: PathState) => { features: Record<string, number> },
  advance: (state: PathState, index: number, role: Role) => PathState,
): Role[] {
  let paths: { logP: number; state: PathState; roles: Role[] }[] = [{ logP: 0, state: start, roles: [] }];
  for (let index = 0; index < fixedRoles.length; index++) {
    const best = new Map<Role, { logP: number; state: PathState; roles: Role[] }>();
    const fixedRole = fixedRoles[index];
    for (const path of paths) {
      const scored = scoreTrained(reader, inputsAt(index, path.state).features);
      const top = scored[0]?.score ?? 0;
      const logSum = top + Math.log(scored.reduce((sum, s) => sum + Math.exp(s.score - top), 0));
      for (const { role, score } of scored) {
        // A role fixed before scoring (a stored story's headline) is the only one the path may take there.
        if (fixedRole !== undefined && role !== fixedRole) continue;
        const logP = path.logP + score - logSum;
        const held = best.get(role);
        if (!held || logP > held.logP) best.set(role, { logP, state: path.state, roles: [...path.roles, role] });
      }
    }
    paths = [...best.values()].map((path) => ({
      ...path,
      state: advance(path.state, index, path.roles.at(-1) as Role),
    }));
  }
  return paths.reduce((a, b) => (b.logP > a.logP ? b : a)).roles;
}

const pick = (text: string, context: UnitContext) => {
  const [best, next] = scoreRoles(featuresOf(text, context));
  if (!best) throw new Error("no roles to score");
  return { best, next };
};

/** Lines split where a tweet's signature ends a line of its text: "Text … — Name (@handle) date". */
function splitTweetSignatures(lines: SourceLine[]): SourceLine[] {
  return lines.flatMap((line) => {
    const match = TWEET_SIGNATURE.exec(line.text);
    if (!match || match.index === 0) return [line];
    const before = line.text.slice(0, match.index).trim();
    return before
      ? [
          { ...line, text: before },
          { ...line, text: line.text.slice(match.index).trim() },
        ]
      : [line];
  });
}

/** A byline or a date line: credits, not headlines, under a name. */
const isCredit = (text: string): boolean => {
  const features = featuresOf(text, NEUTRAL);
  return features.byline === 1 || features.dateline === 1 || /\p{N}{1,4}[./-]\p{N}{1,2}[./-]\p{N}{2,4}/u.test(text);
};
/** Characters a fixed-width line gives two columns: Chinese, Japanese and Korean, and full-width forms. */
const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60\uffe0-\uffe6]/gu;
/** A line's width as a wrap measures it, in columns: a wide character takes two. */
const columns = (text: string): number => text.length + (text.match(WIDE)?.length ?? 0);
/** Scripts written without spaces between words, which a hard wrap breaks between any two characters. */
const SPACELESS = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/**
 * A line's first words, as a wrap would have moved them up to the line above: words up to a space,
 * or in a script written without spaces (Chinese, Japanese, Thai), characters.
 */
const openingWords = (text: string, count: number): string =>
  SPACELESS.test(text) ? [...text].slice(0, count).join("") : text.split(" ").slice(0, count).join(" ");
/** A clock time alone: a live entry's time, or a player's duration. */
const BARE_TIME = /^\d{1,2}:\d{2}$/u;
/** Lines that are one quotation, opened and closed with quote marks ("…" over its speaker's name). */
const isWholeQuotation = (run: SourceLine[]): boolean => {
  const text = run.map((line) => line.text).join(" ");
  return /^["“«„'‘「]/u.test(text) && /["”»“'’」]$/u.test(text);
};
/** A box's title: a few words, no closing punctuation, not a list item ("Lo más visto", "Most read"). */
const isBoxTitle = (text: string): boolean =>
  text.length <= 40 && wordCount(text) <= 4 && !CLOSING_PUNCTUATION.test(text) && !LIST_MARKER.test(text);
/** A label on its own line ("More from the Post"), above a list of headlines. */
const isLabelLine = (text: string): boolean => featuresOf(text, NEUTRAL).labelAlone === 1;

/**
 * A kicker on a line of its own above the headline: a word or three in a block of its own, no
 * sentence, and below it a headline-shaped line that is not a date, a byline or furniture.
 */
function isKickerAbove(line: SourceLine, below: SourceLine): boolean {
  if (line.block === below.block || line.text.length > 30 || wordCount(line.text) > 3) return false;
  if (CLOSING_PUNCTUATION.test(line.text) || !/^\p{L}/u.test(line.text)) return false;
  // Below it, a headline's shape: a few words, no closing full stop.
  if (wordCount(below.text) < 4 || wordCount(below.text) > 25 || FULL_STOP.test(below.text)) return false;
  const { best } = pick(below.text, NEUTRAL);
  return !(ABOVE_HEADLINE.has(best.role) && best.score > 0);
}

/** The most lines read above the first byline or date line for the page's header. */
const HEADER_LINES = 16;
/** The most words of a line of the page's chrome other than its title (a site's name, a menu). */
const MAX_CHROME_WORDS = 8;
/** The most words of a menu's line (its items, each capitalised: isMenuShaped). */
const MAX_MENU_WORDS = 12;
/** Words of a line, lower-cased, for telling a page's title from its headline. */
const wordsOf = (text: string): Set<string> => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
/**
 * A page's title (its <title>, which scrapers put first: "Headline | Outlet", or a shorter wording of
 * the headline) over the headline itself: most of the words of the shorter of the two are in the other.
 */
function isTitleOf(title: string, headline: string): boolean {
  const a = wordsOf(title);
  const b = wordsOf(headline);
  const shared = [...a].filter((word) => b.has(word)).length;
  return Math.min(a.size, b.size) >= 3 && shared / Math.min(a.size, b.size) >= 0.6;
}
/**
 * Lines of a block each set on a line of its own, not a paragraph hard-wrapped: under each line the
 * next line's first two words would have fitted on it (a wrap, even by hand, leaves at most a word's
 * room), or a line that ends no sentence has below it a line opening with a capital (a wrap breaks a
 * sentence, and its next line mostly goes on in lower case).
 */
function setOneALine(block: SourceLine[]): boolean {
  const width = Math.max(...block.map((line) => line.text.length));
  return block.every((line, index) => {
    const next = block[index + 1];
    if (next === undefined || line.text.length + 1 + openingWords(next.text, 2).length <= width) return true;
    return !CLOSING_PUNCTUATION.test(line.text) && /^\P{L}{0,2}\p{Lu}/u.test(next.text);
  });
}
/**
 * A menu's shape, however many items it has: no sentence, and its words (of a script with case) nearly
 * all capitalised ("NEWS SPORT WHAT'S ON PROPERTY MOTORS JOBS FAMILY NOTICES", "Home News Sport What's On").
 */
function isMenuShaped(text: string): boolean {
  // Longer, it is more than a menu (a ticker, say): read as the story's, so no long line is dropped unread.
  if (CLOSING_PUNCTUATION.test(text) || wordCount(text) > MAX_MENU_WORDS) return false;
  const words = text.split(" ").filter((word) => /^\P{L}*\p{L}/u.test(word) && /[\p{Lu}\p{Ll}]/u.test(word));
  const capitalised = words.filter((word) => /^\P{L}*\p{Lu}/u.test(word)).length;
  return words.length > 0 && capitalised / words.length >= 0.8;
}
/** A kicker's shape: a word or three, no sentence, starting with a letter ("EXCLUSIVE", "Live updates"). */
const isKickerShaped = (text: string): boolean =>
  text.length <= 30 && wordCount(text) <= 3 && !CLOSING_PUNCTUATION.test(text) && /^\p{L}/u.test(text);

/**
 * The page's header, read back from its credits: a scraped page opens with the site's name, its
 * title, a menu or breadcrumbs, then the kicker, the headline and the deck, then the byline and date
 * block. When three lines of text or more stand above that block (each a line or a block of its own,
 * none of them prose), the last is the deck, the one before it the headline (unless it is a kicker's
 * shape, and the last a headline: then there is no deck), a kicker's shape above the headline its
 * kicker, and every line above those is the page's chrome; a first line repeating most of the
 * headline's words is the page's title, chrome too.
 */
function pageHeader(lines: SourceLine[]): { chrome: Set<SourceLine>; kicker?: SourceLine } | undefined {
  let anchor: SourceLine | undefined;
  for (const line of lines.slice(0, HEADER_LINES)) {
    // Prose: the story has begun, and credits further down are not its header's.
    if (wordCount(line.text) > 30 || sentenceCount(line.text) > 2) return undefined;
    const { best } = pick(line.text, NEUTRAL);
    if ((best.role === "byline" || best.role === "dateline") && best.score > 0) {
      anchor = line;
      break;
    }
  }
  if (!anchor) return undefined;
  // The lines above it: of the blocks before its own, or, on a page set without blank lines, of its own.
  const anchorAt = lines.indexOf(anchor);
  const blocksAbove = lines.filter((line) => line.block < (anchor as SourceLine).block);
  const above = blocksAbove.length > 0 ? blocksAbove : lines.slice(0, anchorAt);
  const text = above.filter((line) => {
    const { best } = pick(line.text, NEUTRAL);
    return !(ABOVE_HEADLINE.has(best.role) && best.score > 0);
  });
  // The headline and what is below it, each a line of its own: lines run together in a block are prose,
  // read as before. Lines set one a line in a block (a kicker, the headline and the deck with no blank
  // line between them, as many pages print them) are lines of their own.
  if (text.slice(-2).some((line) => !setOneALine(above.filter((other) => other.block === line.block))))
    return undefined;
  // A page's chrome and a kicker are no sentences: a sentence above the last two lines is the story's text.
  if (text.slice(0, -2).some((line) => FULL_STOP.test(line.text) || QUESTION.test(line.text))) return undefined;
  const chrome = new Set<SourceLine>();
  const [first, ...rest] = text;
  if (first && rest.some((line) => isTitleOf(first.text, line.text))) {
    chrome.add(first);
    text.shift();
  }
  if (text.length >= 3) {
    const last = text.at(-1) as SourceLine;
    const beforeLast = text.at(-2) as SourceLine;
    const noDeck = isKickerShaped(beforeLast.text) && !isKickerShaped(last.text);
    const headlineAt = noDeck ? text.length - 1 : text.length - 2;
    const kickerLine = text[headlineAt - 1];
    // A kicker is a line of its own block, or the first of the block it shares with the headline: a
    // short line under the site's name is its menu.
    const kickerBlock = lines.slice(0, anchorAt).filter((line) => line.block === kickerLine?.block);
    const kicker =
      kickerLine &&
      isKickerShaped(kickerLine.text) &&
      (kickerBlock.length === 1 ||
        (kickerBlock[0] === kickerLine && kickerBlock.includes(text[headlineAt] as SourceLine)))
        ? kickerLine
        : undefined;
    const above = text.slice(0, kicker ? headlineAt - 1 : headlineAt);
    // The site's name, a menu, a "Skip to content": a few words each; a longer line is the story's.
    if (above.some((line) => wordCount(line.text) > MAX_CHROME_WORDS && !isMenuShaped(line.text)))
      return chrome.size > 0 ? { chrome } : undefined;
    for (const line of above) chrome.add(line);
    // A kicker is read with the headline right below it; one further up is the page's too.
    if (kicker && lines[lines.indexOf(kicker) + 1] !== text[headlineAt]) {
      chrome.add(kicker);
      return { chrome };
    }
    return { chrome, kicker };
  }
  return chrome.size > 0 ? { chrome } : undefined;
}

/**
 * The line the hand rules take for the headline (of the lines readUnits reads: sourceLines, tweets'
 * signatures split): the first that is no credit nor the page's chrome, or the line below it when it
 * is a kicker (then the kicker too). A learned header finder takes it as one of its inputs (headerFinder.ts).
 */
export function handHeadline(lines: SourceLine[]): { headline: SourceLine; kicker?: SourceLine } | undefined {
  const header = pageHeader(lines);
  for (const [index, line] of lines.entries()) {
    if (header?.chrome.has(line)) continue;
    const { best } = pick(line.text, NEUTRAL);
    if (ABOVE_HEADLINE.has(best.role) && best.score > 0) continue;
    const below = lines[index + 1];
    return below && (header?.kicker === line || isKickerAbove(line, below))
      ? { headline: below, kicker: line }
      : { headline: line };
  }
  return undefined;
}

/**
 * The headline's unit: the line alone, or a kicker line with the headline below it (the kicker less a
 * separator after it, "Analysis |"), with why it was chosen when a learned finder chose it.
 */
function headlineUnit(line: SourceLine, below?: SourceLine, note?: string): Unit {
  return {
    lines: below ? [line.number, below.number] : [line.number],
    text: below ? `${line.text} ${below.text}` : line.text,
    role: "headline",
    ...(below ? { kicker: { kicker: kickerText(line.text), headline: below.text } } : {}),
    ...(note === undefined ? {} : { note }),
    unsure: false,
  };
}

/** The lines readUnits reads: the source lines, with a tweet's signature split from the text before it. */
export const readLines = (text: string): SourceLine[] => splitTweetSignatures(sourceLines(text));

export function readUnits(text: string, options: ReadOptions = {}): Unit[] {
  const lines = readLines(text);
  const units: Unit[] = [];
  const hand = handHeadline(lines);
  const learned = options.header ? findHeader(lines, options.header, hand) : undefined;
  // The headline (and its kicker) the learned finder chose, else the hand rules' (handHeadline).
  const chosen = learned ?? hand;
  const chrome = learned ? undefined : pageHeader(lines)?.chrome;

  // What stands above the headline: the page's chrome (read back from the byline and date, by the hand
  // rules), a date, a byline or furniture, or (with a learned finder) the page's (its name, title, menu).
  let start = 0;
  for (const line of lines) {
    start += 1;
    if (line !== chosen?.headline && line !== chosen?.kicker) {
      const { best, next } = pick(line.text, NEUTRAL);
      const credit = !chrome?.has(line) && ABOVE_HEADLINE.has(best.role) && best.score > 0;
      units.push({
        lines: [line.number],
        text: line.text,
        role: credit ? best.role : "furniture",
        ...(credit
          ? { scored: best, runnerUp: next }
          : {
              note: learned
                ? "above the headline the learned header finder chose: the page's (its name, title, menu)"
                : "the page's chrome above the headline (its name, title, menu), read back from the byline and date",
            }),
        unsure: false,
      });
      continue;
    }
    const below = lines[start];
    if (line === chosen.kicker && below) {
      units.push(
        headlineUnit(
          line,
          below,
          learned ? `${learned.why}; the line above it its kicker, as the finder's kicker model reads it` : undefined,
        ),
      );
      start += 1;
    } else units.push(headlineUnit(line, undefined, learned?.why));
    // A headline wrapped over two lines: the next line of its block runs on in lower case.
    const headline = units.at(-1) as Unit;
    const last = lines[start - 1];
    const runOn = lines[start];
    if (
      last &&
      runOn &&
      runOn.block === last.block &&
      /^\p{Ll}/u.test(runOn.text) &&
      !FULL_STOP.test(last.text) &&
      wordCount(runOn.text) <= 4
    ) {
      headline.lines.push(runOn.number);
      headline.text = `${headline.text} ${runOn.text}`;
      if (headline.kicker) headline.kicker.headline = `${headline.kicker.headline} ${runOn.text}`;
      start += 1;
    }
    break;
  }
  const headlineBlock = lines[start - 1]?.block;

  // Units: within a block, lines that stand alone are units of their own; the rest run together.
  const groups: {
    lines: SourceLine[];
    alone: boolean;
    player?: boolean;
    overNextLine?: boolean;
    entryTime?: boolean;
    boxTitle?: boolean;
    listed?: boolean;
    aboveInBlock?: boolean;
  }[] = [];
  // The last line of each unit that ended because the next line's first words would have fitted on it.
  const setAbove = new Set<SourceLine>();
  // The title line of each block of headlines under a title.
  const boxTitles = new Set<SourceLine>();
  // The lines of a list of headlines under a box's title or a label.
  const listed = new Set<SourceLine>();
  const rest = lines.slice(start);
  const firstProseBlock =
    rest.find((line) => wordCount(line.text) > 12 && FULL_STOP.test(line.text))?.block ?? Number.POSITIVE_INFINITY;
  const pageUnwrapped = rest.filter((line) => columns(line.text) > UNWRAPPED_LINE).length >= UNWRAPPED_PAGE;
  const lastBlock = rest.at(-1)?.block;
  const blocks = new Map<number, SourceLine[]>();
  for (const line of rest) blocks.set(line.block, [...(blocks.get(line.block) ?? []), line]);
  for (const [block, blockLines] of blocks) {
    let run: SourceLine[] = [];
    const pieces: SourceLine[][] = [];
    let previous: Role = "paragraph";
    // A list of headlines, one a line (a "More from …" box): each is read on its own.
    // Its title may be a label ("More from the Post") or any short line over them ("Lo más visto",
    // "İLGİLİ HABERLER"): a box's title, dropped as a label is.
    const [first, ...below] = blockLines;
    // (At the page's end, a title of three words at most, no colon, over one headline is a box too:
    // "Aktar sport" over one story; a headline over another is two headlines.)
    const boxTitle =
      first !== undefined &&
      (below.length > 1 ||
        (below.length === 1 && block === lastBlock && wordCount(first.text) <= 3 && !/[:：]/u.test(first.text))) &&
      isBoxTitle(first.text) &&
      // A name over lines is a byline over its credits before the story's text; after it, a box's title.
      !(isNameAlone(first.text) && block <= firstProseBlock) &&
      below.every((line) => headlineShaped(line.text, true) && !isCredit(line.text)) &&
      block !== headlineBlock;
    const headlines = blockLines.filter((line, index) => !(index === 0 && (isLabelLine(line.text) || boxTitle)));
    // Under a title (a label, a box's title), a list's headlines may be in a script without case.
    const titled = headlines.length < blockLines.length;
    const headlineList =
      (headlines.length > 1 || (boxTitle && headlines.length === 1)) &&
      headlines.every((line) => headlineShaped(line.text, titled));
    if (boxTitle && first) boxTitles.add(first);
    if (headlineList && headlines.length < blockLines.length) for (const line of headlines) listed.add(line);
    // A block most of whose lines are a player's leftovers is one player, its title and all.
    const leftovers = blockLines.filter((line) => PLAYER_LEFTOVER.test(line.text)).length;
    if (blockLines.length > 1 && leftovers * 2 >= blockLines.length && block !== headlineBlock) {
      groups.push({ lines: blockLines, alone: true, player: true });
      continue;
    }
    // A page whose text is not hard-wrapped (several lines longer than any wrap) sets each element on
    // a line of its own, so a line ending a sentence ends its paragraph in any block.
    const unwrapped = blockLines.some((line) => columns(line.text) > UNWRAPPED_LINE) || pageUnwrapped;
    const width = Math.max(...blockLines.map((line) => line.text.length));
    // A block of credits before the story's text (a date line in it): a line of names is a unit of its own.
    const creditsBlock = block <= firstProseBlock && blockLines.some((line) => isDateLine(line.text));
    for (const [index, line] of blockLines.entries()) {
      const { best } = pick(line.text, { ...NEUTRAL, after: previous });
      previous = best.role;
      const labelled = best.role === "related" && best.because.some((part) => part.feature === "relatedLabel");
      // (Under its label alone, "Por" or "Συντάκτης:", it is read with the label.)
      const credit =
        creditsBlock &&
        line.text.length <= MAX_CREDIT &&
        creditOf(line.text) !== undefined &&
        !(index > 0 && isCreditLabelAlone(blockLines[index - 1]?.text ?? ""));
      if (((STANDS_ALONE.has(best.role) || labelled) && best.score > 0) || headlineList || credit) {
        if (run.length > 0) pieces.push(run);
        pieces.push([line]);
        run = [];
      } else if (run.length > 0 && isNameAttribution(line.text) && isWholeQuotation(run)) {
        // A pull quote's speaker on the line under it, without a dash: a unit of its own.
        pieces.push(run, [line]);
        run = [];
      } else if (LIST_MARKER.test(line.text) && run.length > 0) {
        // A list item starts a unit of its own; a wrapped item's next lines run on with it.
        pieces.push(run);
        run = [line];
      } else {
        run.push(line);
        // Paragraphs set without a blank line between them: a line that ends a sentence ends its
        // unit when lines are longer than a hard wrap, or when the next line's first word would
        // have fitted on it (a wrapped paragraph runs on to the width).
        const next = blockLines[index + 1];
        const ends = (FULL_STOP.test(line.text) || QUESTION.test(line.text)) && wordCount(line.text) >= 2;
        const fits = next !== undefined && line.text.length + 1 + openingWords(next.text, 1).length <= width;
        // A line that ends no sentence ends its unit when the next line's first two words would have
        // fitted on it: a hard wrap, even by hand, leaves at most a word's room, so it is a line of
        // its own (a sub-heading, a list's title, a live entry's title, one a line as pages set them).
        const twoFit = next !== undefined && line.text.length + 1 + openingWords(next.text, 2).length <= width;
        // A numbered title ("2. The route") over a line opening a sentence: a listicle's heading over its text.
        const titleOver =
          NUMBERED.test(line.text) &&
          !FULL_STOP.test(line.text) &&
          next !== undefined &&
          /^["“«„'‘]?\p{Lu}/u.test(next.text);
        if ((ends && (unwrapped || (fits && blockLines.length > 2))) || (!ends && twoFit) || titleOver) {
          if (!ends) setAbove.add(line);
          pieces.push(run);
          run = [];
        }
      }
    }
    if (run.length > 0) pieces.push(run);
    for (const piece of pieces)
      groups.push({
        lines: piece,
        alone: pieces.length === 1 && block !== headlineBlock,
        overNextLine: setAbove.has(piece.at(-1) as SourceLine),
        boxTitle: piece.length === 1 && boxTitles.has(piece[0] as SourceLine),
        // A live entry's clock time ("20:05") heads its block, over the entry: not a player's duration.
        entryTime:
          piece.length === 1 &&
          piece[0] === blockLines[0] &&
          blockLines.length > 1 &&
          BARE_TIME.test(piece[0]?.text ?? "") &&
          !PLAYER_LEFTOVER.test(blockLines[1]?.text ?? ""),
        listed: piece.length === 1 && listed.has(piece[0] as SourceLine),
        aboveInBlock: piece !== pieces.at(-1),
      });
  }

  // Roles, in order: each unit knows the role before it and the cue of the unit after it. What a unit
  // knows of the roles before it (the role right before, whether story text has begun, whether it is
  // inside an embed) is the path's state; the rest is the text's.
  const fixed = groups.map((group, index) => {
    const text = group.lines.map((line) => line.text).join(" ");
    const following = groups[index + 1];
    const nextText = following?.lines.map((line) => line.text).join(" ");
    const nextFeatures = nextText === undefined ? undefined : featuresOf(nextText, NEUTRAL);
    const beforeCredits =
      nextFeatures !== undefined &&
      (nextFeatures.byline === 1 ||
        nextFeatures.dateline === 1 ||
        nextFeatures.furniture === 1 ||
        isNameAlone(nextText ?? ""));
    const previousText = groups[index - 1]?.lines.map((line) => line.text).join(" ");
    return {
      group,
      text,
      nextFeatures,
      previousFeatures: previousText === undefined ? undefined : featuresOf(previousText, NEUTRAL),
      signature: featuresOf(text, NEUTRAL).embedCite === 1,
      context: {
        lineCount: group.lines.length,
        aloneInBlock: group.alone,
        beforeCredits,
        beforeAttribution: nextFeatures?.dashAttribution === 1,
        beforeNameAttribution: nextText !== undefined && isNameAttribution(nextText),
        playerBlock: group.player === true,
        entryTime: group.entryTime === true,
        aboveInBlock: group.aboveInBlock === true,
        beforeProse: nextFeatures?.endsFullStop === 1 && wordCount(nextText ?? "") > 12,
        overNextLine: group.overNextLine === true,
        boxTitle: group.boxTitle === true,
        listedHeadline: group.listed === true,
        // Only lines that could be a headline are looked up: each lookup searches the stored headlines.
        knownHeadline: text.length <= 300 && wordCount(text) <= 20 && (options.isKnownHeadline?.(text) ?? false),
      },
    };
  });
  const inputsAt = (index: number, state: PathState) => {
    const unit = fixed[index] as (typeof fixed)[number];
    const context: UnitContext = {
      ...unit.context,
      firstUnit: state.firstUnit,
      after: state.after,
      insideEmbed: state.insideEmbed,
      beforeEmbedCite: unit.nextFeatures?.embedCite === 1 && !state.insideEmbed,
    };
    const own = featuresOf(unit.text, context);
    return { own, features: neighbourFeatures(own, unit.previousFeatures, unit.nextFeatures, state.after) };
  };
  const advance = (state: PathState, index: number, role: Role): PathState => {
    const unit = fixed[index] as (typeof fixed)[number];
    let { insideEmbed, unitsInEmbed } = state;
    if (role === "embedMarker" && OPENS_EMBED.test(unit.text)) insideEmbed = true;
    else if (insideEmbed) unitsInEmbed += 1;
    // A post's text is a block or three: with no signature by then, the embed was never closed.
    if (unitsInEmbed >= MAX_POST_UNITS) insideEmbed = false;
    // An embed ends at its signature, whatever the signature was read as.
    if (role === "cite" || unit.signature) insideEmbed = false;
    if (!insideEmbed) unitsInEmbed = 0;
    return { after: role, firstUnit: state.firstUnit && NOT_TEXT.has(role), insideEmbed, unitsInEmbed };
  };
  const begin: PathState = {
    after: units.at(-1)?.role ?? "headline",
    firstUnit: units.every((unit) => NOT_TEXT.has(unit.role)),
    insideEmbed: false,
    unitsInEmbed: 0,
  };
  // A unit naming a story the store holds is a related headline outright, whatever the reader: the
  // store knows it for one, and no weight of its features should outvote that (decision 011).
  // So is a unit opening with an interview's speaker label a paragraph: a turn of the conversation.
  // And a line of names among the page's credits (beside its date line, before its text) is a byline,
  // in any script: where it stands says so, as the words of a label cannot in languages no list knows.
  const credits = creditUnits(fixed.map((unit) => unit.text));
  const outright = fixed.map((unit, index): { role: Role; note: string } | undefined => {
    if (unit.context.knownHeadline) return { role: "related", note: KNOWN_HEADLINE };
    if (INTERVIEW_TURN.test(unit.text) || isDialogueQuestion(unit.text))
      return { role: "paragraph", note: INTERVIEW_TURN_NOTE };
    if (credits.has(index)) return { role: "byline", note: CREDIT_NAMES_NOTE };
    if (textAfterCredits(fixed, index)) return { role: "paragraph", note: TEXT_AFTER_CREDITS_NOTE };
    if (index === 0 && deckOverCredits(fixed, headlineBlock, credits))
      return { role: "deck", note: DECK_OVER_CREDITS_NOTE };
    if (unit.group.player === true) return { role: "videoPlayer", note: PLAYER_BLOCK_NOTE };
    if (inBulletedRun(fixed, index)) return { role: "paragraph", note: LIST_ITEM_NOTE };
    return undefined;
  });
  const fixedRoles = fixed.map((_, index) => options.roles?.[index] ?? outright[index]?.role);
  const given =
    options.reader?.decode === "viterbi" && !options.roles
      ? viterbi(options.reader, fixedRoles, begin, inputsAt, advance)
      : fixedRoles;
  let state = begin;
  for (const [index, { group, text }] of fixed.entries()) {
    const { own, features } = inputsAt(index, state);
    const scored = options.reader ? scoreTrained(options.reader, features) : scoreRoles(own);
    const role = given[index];
    // A role given (a label to train on, or the best path's): its score first, the best other as runner-up.
    const [best, next] =
      role === undefined
        ? scored
        : [scored.find((s) => s.role === role) ?? { role, score: 0, because: [] }, scored.find((s) => s.role !== role)];
    if (!best) throw new Error("no roles to score");
    const lineNumbers = [...new Set(group.lines.map((line) => line.number))];
    const fixedRole = outright[index];
    if (fixedRole && !options.roles)
      units.push({ lines: lineNumbers, text, role: fixedRole.role, note: fixedRole.note, features, unsure: false });
    else
      units.push({
        lines: lineNumbers,
        text,
        role: best.role,
        scored: best,
        runnerUp: next,
        features,
        unsure: next !== undefined && best.score - next.score < (options.reader?.unsureMargin ?? UNSURE_MARGIN),
      });
    state = advance(state, index, best.role);
  }
  return units;
}

/** Whether a line is a date line, whatever stands around it. */
const isDateLine = (text: string) => featuresOf(text, NEUTRAL).dateline === 1;

/** The longest line read as a credit by where it stands. */
const MAX_CREDIT = 80;
/** The most units between the headline and a byline read by where it stands (a deck, a kicker, a menu left over). */
const CREDITS_WITHIN = 4;
/**
 * The units that are a page's credits by where they stand: before the story's first prose, within a few
 * units of the headline, a run of lines each of names (creditOf) or a date line, with a date line in
 * it. The lines of names above its last date line are bylines, but for a line labelled otherwise than
 * the first labelled one ("Texto: …" over "Fotos: …", "Laporan: …" over "Editor: …": a photographer,
 * an editor beside the writer).
 */
function creditUnits(texts: string[]): Set<number> {
  const found = new Set<number>();
  const credit = (text: string) => (text.length <= MAX_CREDIT ? creditOf(text) : undefined);
  for (let start = 0; start < Math.min(texts.length, CREDITS_WITHIN + 1); start++) {
    const text = texts[start] ?? "";
    if (wordCount(text) > 12 && FULL_STOP.test(text)) break;
    if (!credit(text)) continue;
    let end = start;
    while (end < texts.length && (credit(texts[end] ?? "") || isDateLine(texts[end] ?? ""))) end++;
    let lastDate = end - 1;
    while (lastDate >= start && !isDateLine(texts[lastDate] ?? "")) lastDate--;
    if (lastDate < start) continue;
    let firstLabel: string | undefined;
    for (let index = start; index < lastDate; index++) {
      const label = credit(texts[index] ?? "")?.label;
      if (label === undefined) continue;
      if (label !== "") firstLabel ??= label;
      if (label === "" || label === firstLabel) found.add(index);
    }
    break;
  }
  return found;
}

/**
 * The story's first sentence right under the credits (a date line just above it), with more of its
 * text below it in the same block: the text has begun, so it is no deck (a deck under the credits
 * stands in a block of its own).
 */
function textAfterCredits(
  fixed: { text: string; group: { aboveInBlock?: boolean; lines: SourceLine[] } }[],
  index: number,
): boolean {
  const unit = fixed[index];
  const previous = fixed[index - 1];
  if (!unit || !previous || unit.group.aboveInBlock !== true) return false;
  if (!FULL_STOP.test(unit.text)) return false;
  return isDateLine(previous.text);
}

/**
 * A deck by where it stands: the first unit after the headline, a line of the headline's own block,
 * of four words or more and one sentence at most, no credit's marks, with the page's credits (a byline
 * by where it stands, or a date line) right below it.
 */
function deckOverCredits(
  fixed: { text: string; group: { lines: SourceLine[] } }[],
  headlineBlock: number | undefined,
  credits: Set<number>,
): boolean {
  const unit = fixed[0];
  const next = fixed[1];
  if (!unit || !next || unit.group.lines.length !== 1 || unit.group.lines[0]?.block !== headlineBlock) return false;
  // Four words parted by spaces (in a script written without them, the reader decides); no credit's
  // marks: a label's colon, a bar or a slash between parts, a figure.
  if (unit.text.split(/\s+/u).length < 4 || sentenceCount(unit.text) > 1) return false;
  if (/[:：|｜/／]|\p{N}/u.test(unit.text)) return false;
  const own = featuresOf(unit.text, NEUTRAL);
  if (own.furniture === 1 || own.byline === 1 || own.dateline === 1) return false;
  return credits.has(1) || isDateLine(next.text);
}

/**
 * An item of a bulleted list: a line of its own, opening with a bullet (not a number), of a few words,
 * with the unit before or after it a line of its block opening with the same bullet, also short.
 */
function inBulletedRun(fixed: { text: string; group: { lines: SourceLine[] } }[], index: number): boolean {
  const item = (at: number) => {
    const unit = fixed[at];
    if (unit === undefined) return undefined;
    if (unit.group.lines.length !== 1 || wordCount(unit.text) > MAX_ITEM_WORDS) return undefined;
    const bullet = BULLET_OPENING.exec(unit.text)?.[1];
    return bullet === undefined ? undefined : { bullet, block: unit.group.lines[0]?.block };
  };
  const own = item(index);
  if (!own) return false;
  return [item(index - 1), item(index + 1)].some(
    (other) => other !== undefined && other.bullet === own.bullet && other.block === own.block,
  );
}
