// The features of a unit of scraped text (a line, or the lines of a block read together): each a
// number, mostly 0 or 1, with a name the weights (weights.ts) and --explain use.
import { bylineNames, datelineMoment, isNameAlone, isNameAttribution } from "./credits";
import {
  BULLET_MARKS,
  CLOSING_PUNCTUATION,
  CREDIT_LINE,
  DASH_ATTRIBUTION,
  DIRECTION,
  EMBED_MARKER,
  FULL_STOP,
  FURNITURE,
  fitsRelated,
  imageMarker,
  isAdOrPlayerLine,
  isDeskCredit,
  isLabelAlone,
  isTitleCase,
  isWireSignOff,
  OPENS_QUOTE,
  PHOTO_CREDIT,
  PLAY_VERB,
  PLAYER_LEFTOVER,
  POST_SHARED_BY,
  QUESTION,
  relatedLabel,
  scriptCount,
  TWEET_SIGNATURE,
  VIDEO_NOUN,
  VIEW_VERB,
  wordCount,
} from "./cues";
import { sentenceCount } from "./sentences";

export type Role =
  | "deck"
  | "paragraph"
  | "quote"
  | "cite"
  | "heading"
  | "related"
  | "videoLeadIn"
  | "image"
  | "caption"
  | "byline"
  | "dateline"
  | "furniture"
  | "embedMarker"
  | "videoPlayer";

/** What the reader knows of a unit's surroundings when it reads it. */
export interface UnitContext {
  /** No story text has been read yet after the headline (bylines, dates and furniture do not count). */
  firstUnit: boolean;
  /** How many source lines the unit joins. */
  lineCount: number;
  /** The unit is a whole block: blank lines before and after it. */
  aloneInBlock: boolean;
  /** The role of the unit before. */
  after: Role | "headline";
  /** The unit after is a tweet's signature or an embed's "A post shared by". */
  beforeEmbedCite: boolean;
  /** Inside an embed: after "View this post on Instagram", before its "A post shared by". */
  insideEmbed: boolean;
  /** The text names a story the store holds (its headline, matched as related headlines are): related outright (reader.ts), no feature. */
  knownHeadline: boolean;
  /** A block most of whose lines are a video player's leftovers (with its title, say). */
  playerBlock: boolean;
  /** The unit after is prose: more than twelve words ending a sentence. */
  beforeProse: boolean;
  /** A line of its own set right above the next line of its block (no blank line between them). */
  overNextLine: boolean;
  /** The title line of a block of headlines one a line (a "Most read" box). */
  boxTitle: boolean;
  /** More of the unit's block follows it (it is set right above the next unit). */
  aboveInBlock?: boolean;
  /** The unit is a clock time alone heading its block, over a live entry. */
  entryTime: boolean;
  /** The unit is a line of a list of headlines under a box's title or a label. */
  listedHeadline: boolean;
  /** The unit after is an attribution line ("— Name, role"). */
  beforeAttribution: boolean;
  /** The unit after is a name alone, or a name and who they are, with no dash (a pull quote's speaker). */
  beforeNameAttribution: boolean;
  /** The unit after is a byline, a date or furniture: the credits under a deck. */
  beforeCredits: boolean;
}

export const FEATURES = {
  short: "60 characters or fewer",
  long: "more than 200 characters",
  overDeckLength: "more than 150 characters",
  oneToThreeWords: "one to three words",
  fourToTwentyWords: "four to twenty words",
  overTwentyWords: "more than twenty words",
  overSixteenWords: "more than sixteen words",
  twoSentences: "two sentences",
  threeSentencesOrMore: "three sentences or more",
  endsFullStop: "ends a sentence",
  endsQuestion: "ends with a question mark",
  endsColon: "ends with a colon",
  noClosingPunctuation: "no closing punctuation",
  opensQuoteMark: "opens with a quote mark",
  quoteThenAttribution: "a quotation and then who said it, in the same text (“…,” she said.)",
  capitalStart: "starts with a capital or digit",
  lowerStart: "starts in lower case",
  titleCase: "most long words capitalised",
  allCaps: "all capitals",
  startsWithNumber: "starts with a number",
  hasComma: "has a comma",
  mixedScripts: "more than one script",
  headlineShape: "reads as a headline (4–20 words, capital first, no full stop)",
  relatedLabel: "a related-story label before a headline",
  labelAlone: "a related-story label on its own (Related stories, More from …)",
  boxTitle: "a short line over headlines one a line in its block: a box's title (Lo más visto, İLGİLİ HABERLER)",
  entryTime: "a clock time alone heading its block, over a live entry (20:05): not a player's duration",
  listedHeadline: "a line of a list of headlines under a box's title or a label (Read This Next, Berita Terkait)",
  listMarker: "starts as a list item (1. , 2) , • , - )",
  numberedTitle: "a list item shaped as a title (1. The Harbour Lights)",
  shortQuestion: "a question of ten words or fewer, with prose after it (What happens next?)",
  shortSubheading:
    "a line of three to six words in sentence case, no full stop, alone between paragraphs: a sub-heading (Where the homes are going)",
  titleOverProse:
    "a short line with no full stop set right above prose in its block (a sub-heading, a live entry's title)",
  viewVerb: "a verb of looking (watch, see, check out…)",
  playVerb: "press play / hit play",
  videoNoun: "names a video (video, clip, footage…)",
  direction: "points to a place on the page (below, here…)",
  pointsToVideo: "a look or a video, and where it is on the page (watch … below, la vidéo ci-dessous)",
  byline: "a byline (By …, Words by …)",
  nameInCredits: "a name alone, among the headline, deck, byline and date (Rhian Pell)",
  deckBeforeCredits: "the first text after the headline, and a byline or a date right after it",
  dateline: "only a date and time",
  furniture: "page furniture (advertisement, newsletter, share…)",
  embedMarker: "an embed's leftover (View this post on Instagram)",
  playerLeftover: "a video player's leftovers (Play Video, Duration 1:47, ▶ Video), or a block of them",
  embedCite: "an embed's signature (— Name (@handle) date, A post shared by …)",
  dashAttribution: "a dash and a name",
  nameAfterQuote:
    "a name, and perhaps who they are after a comma, right after a quote (Tomasz Wilde, Crestmoor University)",
  quoteOverName: "a whole quotation, a name and who they are on the line under it: a pull quote",
  imageMarker: "stands for a picture ([Image: …])",
  photoCredit: "a photo credit (Photo: …, Credit: …)",
  creditLine: "a credit (©, Reporting by …, Photo: …)",
  firstUnit: "first text after the headline",
  aloneInBlock: "a block of its own",
  severalLines: "more than one line",
  afterQuote: "right after a quote",
  afterImage: "right after a picture",
  creditAfterPicture: "a photo credit right after a picture or its caption",
  beforeEmbedCite: "right before an embed's signature",
  beforeAttribution: "right before an attribution line (— Name, role)",
  insideEmbed: "inside an embed",
} as const;

export type Feature = keyof typeof FEATURES;
export type Features = Partial<Record<Feature, number>>;

const yes = (condition: boolean): number => (condition ? 1 : 0);

/** Features of the text alone, which cost the most: a pure function of the text, kept for up to 10,000 texts. */
const textOnly = new Map<string, { words: number; features: Features }>();

/** A line read on its own: nothing before or after it, no store, no embed around it. */
export const NEUTRAL: UnitContext = {
  firstUnit: false,
  lineCount: 1,
  aloneInBlock: false,
  after: "paragraph",
  beforeEmbedCite: false,
  insideEmbed: false,
  knownHeadline: false,
  beforeCredits: false,
  beforeAttribution: false,
  beforeNameAttribution: false,
  beforeProse: false,
  overNextLine: false,
  playerBlock: false,
  entryTime: false,
  boxTitle: false,
  listedHeadline: false,
};

export function featuresOf(text: string, context: UnitContext): Features {
  let known = textOnly.get(text);
  if (!known) {
    if (textOnly.size > 10_000) textOnly.clear();
    known = textFeatures(text);
    textOnly.set(text, known);
  }
  const { words, features } = known;
  return {
    ...features,
    creditAfterPicture: yes(
      features.photoCredit === 1 && words <= 12 && (context.after === "image" || context.after === "caption"),
    ),
    firstUnit: yes(context.firstUnit),
    aloneInBlock: yes(context.aloneInBlock),
    severalLines: yes(context.lineCount > 1),
    afterQuote: yes(context.after === "quote"),
    afterImage: yes(context.after === "image"),
    beforeEmbedCite: yes(context.beforeEmbedCite),
    beforeAttribution: yes(context.beforeAttribution),
    nameAfterQuote: yes(context.after === "quote" && isNameAttribution(text)),
    quoteOverName: yes(
      context.beforeNameAttribution &&
        !context.firstUnit &&
        OPENS_QUOTE.test(text) &&
        /["”»“'’」]$/u.test(text) &&
        !quoteThenAttribution(text),
    ),
    insideEmbed: yes(context.insideEmbed),
    boxTitle: yes(context.boxTitle),
    listedHeadline: yes(context.listedHeadline),
    entryTime: yes(context.entryTime),
    playerLeftover: yes(features.playerLeftover === 1 || context.playerBlock),
    shortQuestion: yes(
      context.beforeProse &&
        features.endsQuestion === 1 &&
        words <= 10 &&
        (features.twoSentences ?? 0) + (features.threeSentencesOrMore ?? 0) === 0 &&
        !features.opensQuoteMark,
    ),
    shortSubheading: yes(
      context.beforeProse &&
        context.aloneInBlock &&
        context.after === "paragraph" &&
        words >= 3 &&
        words <= 6 &&
        features.headlineShape === 1 &&
        !features.titleCase &&
        !features.relatedLabel &&
        !features.listMarker &&
        !/\p{N}/u.test(text),
    ),
    titleOverProse: yes(
      context.overNextLine &&
        context.beforeProse &&
        words <= 16 &&
        !FULL_STOP.test(text) &&
        !features.listMarker &&
        !features.relatedLabel &&
        !features.byline &&
        !features.dateline,
    ),
    nameInCredits: yes(
      isNameAlone(text) &&
        // A live entry's title set right over its text is no byline ("Erste Prognose" under "18:00").
        !(context.aboveInBlock && context.beforeProse) &&
        (context.beforeCredits || ["headline", "deck", "byline", "dateline", "furniture"].includes(context.after)),
    ),
    deckBeforeCredits: yes(
      context.firstUnit &&
        words <= 60 &&
        !WIRE_DATELINE.test(text) &&
        !features.viewVerb &&
        !features.playVerb &&
        !features.videoNoun &&
        context.beforeCredits &&
        !features.byline &&
        !features.dateline &&
        !features.furniture &&
        !isNameAlone(text),
    ),
  };
}

/** The marks that close a quotation, by the mark that opened it. */
const CLOSERS: Record<string, string> = {
  "“": "”",
  '"': '"',
  "«": "»",
  "„": "“”",
  "‘": "’",
  "'": "'’",
  "「": "」",
  "『": "』",
};

/**
 * The quotation the text opens with closes, and words of the text's own follow: who said it ("…,"
 * she said; « … », a souligné le maire; 「…」と話した).
 */
function quoteThenAttribution(text: string): boolean {
  const closers = CLOSERS[text[0] ?? ""];
  if (!closers || !OPENS_QUOTE.test(text)) return false;
  const close = `[${closers}]`;
  return new RegExp(
    `(?:[,.!?…]\\s?${close}|${close}\\s*[,，])\\s*[,，]?\\s*[—–-]?\\s*\\p{L}|[」』]\\s*と\\p{L}`,
    "u",
  ).test(text);
}

/**
 * A headline ending in a quotation after a colon: `Mulvihill: 'We'll enjoy tonight'`, `Lou Verhaegen :
 * « J'ai écrit »`; no hashtag or handle in the quotation (a post's caption quoted in prose).
 */
// One sentence before the colon: "Die Opposition stimmte dagegen. Eder: „…“" is a paragraph.
const QUOTE_AFTER_COLON = /^(?:(?![.!?]\s)[^"“«„'‘「]){3,}[:：]\s*["“«„'‘]\s?[^"“”«»„#@]{3,}\s?["”»“'’]$/u;

/** A wire story's dateline opening its first paragraph: "PORT MERROW —", "VELMORA, March 3 (Northwire) -". */
const WIRE_DATELINE = /^\p{Lu}[\p{Lu}\s.'’-]{2,30}(?:,[^—–]{0,40})?\s[—–-]\s/u;

/** "1. ", "2) ", "3 - ", "• ", "* ", "- ", "– " before an item's text. */
export const LIST_MARKER = new RegExp(`^(?:\\p{N}{1,2}[.)]|\\p{N}{1,2}\\s[-–]|[${BULLET_MARKS}–-])\\s+\\S`, "u");

/** Marks a headline may open with before its capital: Spanish's inverted question and exclamation marks. */
const HEADLINE_OPENING = /^[¿¡]+/u;
/** What a headline in a list may open with besides: a quote mark. */
const LISTED_OPENING = /^[¿¡"“'‘«„「『]+/u;

/**
 * Shaped as a headline: 4 to 20 words, no closing punctuation (but a question, or a quotation after a
 * colon), a capital (or a digit) first, after an inverted question mark, and lower case after it. A line
 * of a list of headlines under a title (`listed`) may also open with a quote mark, or be in a script
 * without case (Japanese, Devanagari, Arabic…), whose headlines have no capital to begin with: alone,
 * such a line is no more a headline than a sentence with its full stop left off.
 */
export function headlineShaped(text: string, listed = false): boolean {
  const words = wordCount(text);
  const opening = text.replace(listed ? LISTED_OPENING : HEADLINE_OPENING, "");
  const cased = /^[\p{Lu}\p{N}]/u.test(opening) && /\p{Ll}/u.test(text);
  return (
    words >= 4 &&
    words <= 20 &&
    text.length <= 160 &&
    (!CLOSING_PUNCTUATION.test(text) || QUESTION.test(text) || QUOTE_AFTER_COLON.test(text)) &&
    (cased || (listed && /^\p{Lo}/u.test(opening))) &&
    !/https?:\/\/|www\.|\S@\S/iu.test(text)
  );
}

function textFeatures(text: string): { words: number; features: Features } {
  const words = wordCount(text);
  const sentences = sentenceCount(text);
  const label = relatedLabel(text);
  const noClosing = !CLOSING_PUNCTUATION.test(text);
  const listMarker = LIST_MARKER.test(text);
  const features: Features = {
    short: yes(text.length <= 60),
    long: yes(text.length > 200),
    overDeckLength: yes(text.length > 150),
    oneToThreeWords: yes(words <= 3),
    fourToTwentyWords: yes(words >= 4 && words <= 20),
    overTwentyWords: yes(words > 20),
    overSixteenWords: yes(words > 16),
    twoSentences: yes(sentences === 2),
    threeSentencesOrMore: yes(sentences >= 3),
    endsFullStop: yes(FULL_STOP.test(text)),
    endsQuestion: yes(QUESTION.test(text)),
    endsColon: yes(/[:：]$/u.test(text)),
    noClosingPunctuation: yes(noClosing),
    opensQuoteMark: yes(OPENS_QUOTE.test(text)),
    quoteThenAttribution: yes(quoteThenAttribution(text)),
    capitalStart: yes(/^[\p{Lu}\p{N}]/u.test(text)),
    lowerStart: yes(/^\p{Ll}/u.test(text)),
    titleCase: yes(isTitleCase(text)),
    allCaps: yes(/\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text)),
    startsWithNumber: yes(/^\p{N}+\s/u.test(text)),
    hasComma: yes(/[,،、]/u.test(text)),
    mixedScripts: yes(scriptCount(text) > 1),
    headlineShape: yes(headlineShaped(text)),
    relatedLabel: yes(
      label !== undefined && fitsRelated(label.rest) && !FULL_STOP.test(label.rest) && wordCount(label.rest) >= 2,
    ),
    labelAlone: yes(isLabelAlone(text)),
    listMarker: yes(listMarker),
    numberedTitle: yes(listMarker && /^\p{N}/u.test(text) && (noClosing || QUESTION.test(text)) && words <= 16),
    viewVerb: yes(VIEW_VERB.test(text)),
    playVerb: yes(PLAY_VERB.test(text)),
    videoNoun: yes(VIDEO_NOUN.test(text)),
    direction: yes(DIRECTION.test(text) || /[:：]$/u.test(text)),
    pointsToVideo: yes((VIEW_VERB.test(text) || VIDEO_NOUN.test(text)) && DIRECTION.test(text) && words <= 16),
    byline: yes(bylineNames(text) !== undefined),
    dateline: yes(datelineMoment(text) !== undefined),
    furniture: yes(
      FURNITURE.test(text.replace(/[.!:]+$/u, "")) ||
        isAdOrPlayerLine(text) ||
        isWireSignOff(text) ||
        isDeskCredit(text),
    ),
    embedMarker: yes(EMBED_MARKER.test(text)),
    playerLeftover: yes(PLAYER_LEFTOVER.test(text)),
    embedCite: yes(POST_SHARED_BY.test(text) || TWEET_SIGNATURE.exec(text)?.index === 0),
    dashAttribution: yes(DASH_ATTRIBUTION.test(text) && words <= 12),
    imageMarker: yes(imageMarker(text) !== undefined),
    photoCredit: yes(PHOTO_CREDIT.test(text) && words <= 12),
    creditLine: yes(CREDIT_LINE.test(text)),
  };
  return { words, features };
}
