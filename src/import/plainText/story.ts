// Stories as newsrooms scrape them from web pages: plain text, one story per file. reader.ts gives
// each unit of text a role; this file makes the story of them: the headline and kicker, the deck,
// the authors and date from bylines and datelines, and the body blocks. Every line is accounted
// for: it is in the story (a kicker's separator, a related label and a byline's "By" aside), or it
// is page furniture or a social post's leftovers, text or signature, which the reading lists as dropped.
import { type Block, TEXT_LIMITS, type VideoBlock } from "../../model/story";
import { bylineNames, creditNames, namesAlone, readDateline } from "./credits";
import { BULLET, DASH_ATTRIBUTION, FULL_STOP, imageMarker, QUESTION, relatedLabel, TWEET_SIGNATURE } from "./cues";
import type { Role } from "./features";
import type { HeaderFinder } from "./headerFinder";
import { splitKicker } from "./kicker";
import { type PageZone, pageZone } from "./pageZone";
import { LIST_ITEM_NOTE, readUnits, type Unit } from "./reader";
import { splitLongText } from "./sentences";
import type { TrainedReader } from "./trained";

export interface PlainTextStory {
  kicker?: string;
  headline: string;
  deck?: string;
  /** From byline lines ("By Ana Ferreira and Sam Lee"). */
  authors?: string[];
  /** From a dateline line ("Published 14 March 2026, 09:15"), in UTC. */
  publishedAt?: string;
  body: Block[];
}

export type ImageBlockSize = { width: number; height: number };

export interface PlainTextOptions {
  /** A known video for the story (from a sidecar file or --video-src); without it, video markers get placeholders. */
  video?: Omit<VideoBlock, "type" | "title"> & { title?: string };
  /** The size of a picture a line names ("/media/x.jpg"); pictures it cannot size stay as text. */
  sizeOf?: (src: string) => ImageBlockSize | undefined;
  /** Whether a text is the headline of a story the store holds. */
  isKnownHeadline?: (text: string) => boolean;
  /** Where a time printed without a zone is meant (an IANA name, the outlet's): UTC when not given. */
  timeZone?: string;
  /** Trained weights for the units' roles in place of the hand weights (trained.ts; for measuring them). */
  reader?: TrainedReader;
  /** Roles given to the units after the headline, in order (reader.ts, ReadOptions.roles; for labelled pages). */
  roles?: (Role | undefined)[];
  /** A learned header finder choosing the headline and kicker in place of the hand rules (headerFinder.ts, keptReader.ts). */
  header?: HeaderFinder;
}

/** What became of a unit of lines, for --explain. */
export interface LineReading {
  lines: number[];
  text: string;
  /** What the lines became: a story field, a block type, or "dropped". */
  became: string;
  role: Unit["role"];
  why: string;
  unsure: boolean;
}

export interface PlainTextReading {
  story: PlainTextStory;
  readings: LineReading[];
}

export class PlainTextError extends Error {}

const MAX_DECK = 500;
/**
 * Why a social post's text and signature are dropped: an editor drops an embedded post whole (a
 * caption without its picture, cut short, the platform's words rather than the outlet's), and the
 * story's own text says what it said (decision 011).
 */
const SOCIAL_POST = "a social post's text or signature: an embedded post is dropped whole";
const MAX_CITE = 200;
/**
 * A list item's text without its bullet; an item of a run opening with en dashes (reader.ts,
 * LIST_ITEM_NOTE) loses its dash too when it ends no sentence ("– 500 g flour", "– Linen tea towel,
 * £9"): a sentence so opened may be a quotation's turn, and keeps it.
 */
function withoutBullet(unit: Unit): string {
  const text = unit.text.replace(BULLET, "");
  if (unit.note !== LIST_ITEM_NOTE || FULL_STOP.test(text) || QUESTION.test(text)) return text;
  return text.replace(/^–\s+(?=\S)/u, "");
}
const MAX_CAPTION = 1_000;

export function parsePlainTextStory(text: string, options: PlainTextOptions = {}): PlainTextStory {
  return readPlainTextStory(text, options).story;
}

export function readPlainTextStory(text: string, options: PlainTextOptions = {}): PlainTextReading {
  const units = readUnits(text, {
    isKnownHeadline: options.isKnownHeadline,
    reader: options.reader,
    roles: options.roles,
    header: options.header,
  });
  const headlineUnit = units.find((unit) => unit.role === "headline");
  if (!headlineUnit) {
    throw new PlainTextError(
      units.length === 0
        ? "no headline: the text is empty or only whitespace (the first non-blank line is the headline)"
        : "no headline: every line is a date, a byline or page furniture",
    );
  }
  const {
    kicker,
    headline,
    why: kickerWhy,
  } = headlineUnit.kicker === undefined
    ? splitKicker(headlineUnit.text)
    : { ...headlineUnit.kicker, why: "a short line of its own above the headline" };
  if (headline.length > TEXT_LIMITS.headline) {
    throw new PlainTextError(
      `the headline (the first non-blank line) has ${headline.length} characters, more than the ${TEXT_LIMITS.headline} a headline may have: does the text start with a paragraph?`,
    );
  }

  const story: PlainTextStory = { ...(kicker === undefined ? {} : { kicker }), headline, body: [] };
  const readings: LineReading[] = [];
  const body = story.body;
  let dateFromUpdate: LineReading | undefined;
  let guessedZone: PageZone | null | undefined;
  const read = (unit: Unit, became: string, why: string) =>
    readings.push({ lines: unit.lines, text: unit.text, became, role: unit.role, why, unsure: unit.unsure });
  const paragraphs = (unit: Unit, why: string, text = unit.text) => {
    for (const chunk of splitLongText(text, TEXT_LIMITS.paragraph)) body.push({ type: "paragraph", text: chunk });
    read(unit, "paragraph", why);
  };

  for (const [index, unit] of units.entries()) {
    const previousUnit = units[index - 1];
    const why = unit.scored ? `${unit.role} ${reasonOfUnit(unit)}` : (unit.note ?? "");
    const last = body.at(-1);
    switch (unit.role) {
      case "headline":
        read(
          unit,
          kicker === undefined ? "headline" : `kicker ${kicker} + headline`,
          unit.note === undefined ? kickerWhy : `${unit.note}; ${kickerWhy}`,
        );
        break;
      case "deck":
        if (story.deck === undefined && unit.text.length <= MAX_DECK) {
          story.deck = unit.text;
          read(unit, "deck", why);
        } else paragraphs(unit, `${why}; a second deck is a paragraph`);
        break;
      case "byline": {
        const names = bylineNames(unit.text) ?? creditNames(unit.text) ?? namesAlone(unit.text) ?? [];
        if (names.length === 0) {
          paragraphs(unit, `${why}; no name in it`);
          break;
        }
        story.authors = [...new Set([...(story.authors ?? []), ...names])];
        read(unit, `authors: ${names.join(", ")}`, why);
        break;
      }
      case "dateline": {
        // The first-publication time; an update time only when the page gives no other.
        // A time printed without a zone is in the outlet's zone: --time-zone, else guessed from the page's language.
        guessedZone ??= options.timeZone === undefined ? (pageZone(text) ?? null) : null;
        const dateline = readDateline(unit.text, options.timeZone ?? guessedZone?.zone);
        const zoneWhy =
          guessedZone && dateline && dateline.moment !== readDateline(unit.text)?.moment
            ? `; a time with no zone, read in ${guessedZone.zone}, the zone guessed from ${guessedZone.country ? `the country it names (${guessedZone.country}) in its language` : "the page's language"} (${guessedZone.language}): --time-zone gives the outlet's`
            : "";
        const replaces = dateline && !dateline.updated && dateFromUpdate !== undefined;
        if (dateline && (story.publishedAt === undefined || replaces)) {
          if (dateFromUpdate) {
            dateFromUpdate.became = "dropped";
            dateFromUpdate.why += `; an update time, and the story went up at ${dateline.moment}`;
          }
          story.publishedAt = dateline.moment;
          dateFromUpdate = undefined;
          read(unit, `date: ${dateline.moment}`, `${why}${zoneWhy}`);
          if (dateline.updated) dateFromUpdate = readings.at(-1);
        } else if (dateline) read(unit, "dropped", `${why}; the story has its date already`);
        else paragraphs(unit, why);
        break;
      }
      case "quote":
        if (isPostText(units, index)) read(unit, "dropped", `${why}; ${SOCIAL_POST}`);
        else if (unit.text.length <= TEXT_LIMITS.quote) {
          body.push({ type: "quote", text: unit.text });
          read(unit, "quote", why);
        } else paragraphs(unit, `${why}; too long for a quote`);
        break;
      case "cite": {
        const cite = citeText(unit.text);
        // A post's signature goes with the post; right after "View this post on Instagram", it is a post with no text.
        if (unit.features?.embedCite === 1 || previousUnit?.role === "embedMarker")
          read(unit, "dropped", `${why}; ${SOCIAL_POST}`);
        else if (last?.type === "quote" && last.cite === undefined && cite.length <= MAX_CITE) {
          last.cite = cite;
          read(unit, "cite of the quote before", why);
        } else paragraphs(unit, `${why}; no quote before it`);
        break;
      }
      case "heading":
        if (unit.text.length <= 300) {
          body.push({ type: "heading", text: unit.text });
          read(unit, "heading", why);
        } else paragraphs(unit, why);
        break;
      case "related": {
        // A label is dropped only from a line of its own: in lines read together, what looks like
        // one may run over earlier lines, which are text.
        const label = unit.lines.length === 1 ? relatedLabel(unit.text) : undefined;
        const headlineText =
          label && unit.scored?.because.some((b) => b.feature === "relatedLabel") ? label.rest : unit.text;
        if (headlineText.length <= TEXT_LIMITS.related) {
          body.push({ type: "related", headline: headlineText });
          read(unit, "related", why);
        } else paragraphs(unit, `${why}; too long for a headline`);
        break;
      }
      case "videoLeadIn":
        body.push({ type: "paragraph", text: unit.text }, { type: "video", title: headline, sources: [] });
        read(unit, "paragraph + video", why);
        break;
      case "videoPlayer":
        // One player, however many of its leftovers follow each other or a lead-in.
        if (previousUnit?.role === "videoPlayer" || previousUnit?.role === "videoLeadIn") read(unit, "dropped", why);
        else {
          body.push({ type: "video", title: headline, sources: [] });
          read(unit, "video", `${why}; the player's leftovers are dropped`);
        }
        break;
      case "image": {
        const src = imageMarker(unit.text)?.src;
        const size = src ? options.sizeOf?.(src) : undefined;
        if (src && size) {
          body.push({ type: "image", src, alt: "", ...size });
          read(unit, "image", why);
        } else paragraphs(unit, `${why}; the picture ${src ? "was not found" : "has no address"}, so the line stays`);
        break;
      }
      case "caption":
        if (last?.type === "image" && (last.caption ?? "").length + unit.text.length < MAX_CAPTION) {
          last.caption = last.caption === undefined ? unit.text : `${last.caption} ${unit.text}`;
          read(unit, "caption of the picture before", why);
        } else paragraphs(unit, `${why}; no picture before it`);
        break;
      case "furniture":
      case "embedMarker":
        read(unit, "dropped", why);
        break;
      default:
        // A bulleted item is a paragraph without its bullet (a number, or a dash of dialogue, stays).
        paragraphs(unit, why, unit.role === "paragraph" ? withoutBullet(unit) : unit.text);
    }
  }
  story.body = placeKnownVideo(body, headline, options.video);
  return { story, readings };
}

/** A post's signature: "— Name (@handle) date", "A post shared by …", "♬ original sound - …", "Posted by … on …". */
const isSignature = (unit: Unit | undefined): boolean => unit?.features?.embedCite === 1;

/**
 * A quote that is a social post's text: right before a post's signature, or inside a post opened by
 * "View this post on Instagram" or a TikTok's handle, with quotes from it on up to the signature.
 */
function isPostText(units: Unit[], index: number): boolean {
  const features = units[index]?.features;
  if (features?.beforeEmbedCite === 1) return true;
  if (features?.insideEmbed !== 1) return false;
  let next = index + 1;
  while (units[next]?.role === "quote" && !isSignature(units[next])) next += 1;
  return isSignature(units[next]);
}

const reasonOfUnit = (unit: Unit): string => {
  if (!unit.scored) return "";
  const parts = unit.scored.because
    .filter((part) => part.weight > 0)
    .slice(0, 3)
    .map((part) => `${part.feature} +${part.weight}`);
  const runnerUp = unit.runnerUp ? ` vs ${unit.runnerUp.role} ${unit.runnerUp.score.toFixed(1)}` : "";
  return `${unit.scored.score.toFixed(1)} (${parts.join(", ") || "bias"})${runnerUp}`;
};

/** "— Nell Haworth, curator" → "Nell Haworth, curator"; an embed's signature as it stands. */
function citeText(text: string): string {
  const tweet = TWEET_SIGNATURE.exec(text);
  if (tweet?.index === 0) return `${tweet.groups?.who ?? ""} ${tweet.groups?.when ?? ""}`.trim();
  return DASH_ATTRIBUTION.test(text) ? text.replace(/^[—–-]\s*/u, "") : text;
}

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
