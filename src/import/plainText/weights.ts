// The named weights of the reader: for each role a unit may take, a bias and what each feature adds
// to (or takes from) the case for it. A unit takes the role with the highest score; when the
// runner-up is within UNSURE_MARGIN, --explain flags the unit as unsure. Tuned by hand on
// corpus/tuning only (see docs/decisions/011).
import type { Feature, Role } from "./features";

type Weights = { bias: number } & Partial<Record<Feature, number>>;

export const WEIGHTS: Record<Role, Weights> = {
  paragraph: {
    bias: 1,
    endsFullStop: 1,
    twoSentences: 0.5,
    threeSentencesOrMore: 1,
    long: 1,
    lowerStart: 0.5,
    overTwentyWords: 1,
    mixedScripts: 1,
  },
  deck: {
    bias: -1,
    firstUnit: 3,
    deckBeforeCredits: 4,
    endsFullStop: 0.5,
    aloneInBlock: 0.5,
    overDeckLength: -4,
    threeSentencesOrMore: -3,
    opensQuoteMark: -4,
    noClosingPunctuation: -1,
    relatedLabel: -3,
    viewVerb: -1.5,
    severalLines: -3,
  },
  // A quote is prose too: it takes the paragraph's weights, and a quote mark at its start.
  quote: {
    bias: -2,
    endsFullStop: 1,
    twoSentences: 0.5,
    threeSentencesOrMore: 1,
    long: 1,
    overTwentyWords: 1,
    opensQuoteMark: 5,
    quoteThenAttribution: -5,
    beforeAttribution: 5,
    quoteOverName: 5,
    insideEmbed: 6,
    beforeEmbedCite: 6,
    embedCite: -3,
  },
  cite: {
    bias: -3,
    embedCite: 7,
    dashAttribution: 3,
    nameAfterQuote: 8,
    afterQuote: 2,
  },
  heading: {
    bias: -2,
    oneToThreeWords: 2,
    numberedTitle: 4,
    shortQuestion: 4.5,
    titleOverProse: 5,
    shortSubheading: 3,
    noClosingPunctuation: 1.5,
    capitalStart: 0.5,
    aloneInBlock: 0.5,
    hasComma: -3,
    creditLine: -3,
    allCaps: -2,
    firstUnit: -2,
    viewVerb: -1,
    videoNoun: -1,
  },
  related: {
    bias: -2,
    relatedLabel: 5.5,
    headlineShape: 3.5,
    titleCase: 1,
    startsWithNumber: 1,
    listMarker: -4,
    listedHeadline: 3,
    aloneInBlock: 0.5,
    firstUnit: -2,
    mixedScripts: -3,
    viewVerb: -0.5,
    creditLine: -4,
  },
  videoLeadIn: {
    bias: -2,
    viewVerb: 2,
    playVerb: 4.5,
    videoNoun: 2,
    direction: 1.5,
    pointsToVideo: 1.5,
    endsColon: 0.5,
    oneToThreeWords: 1,
    overSixteenWords: -3,
    opensQuoteMark: -3,
  },
  image: { bias: -4, imageMarker: 9 },
  caption: { bias: -3, afterImage: 6, creditAfterPicture: 6, opensQuoteMark: -2 },
  byline: { bias: -4, byline: 9, nameInCredits: 8 },
  dateline: { bias: -4, dateline: 9 },
  furniture: { bias: -4, furniture: 8, labelAlone: 8, boxTitle: 9, entryTime: 10 },
  embedMarker: { bias: -4, embedMarker: 9 },
  videoPlayer: { bias: -4, playerLeftover: 9 },
};

/** Below this lead of the best role over the next, a unit is reported as unsure. */
export const UNSURE_MARGIN = 1;

export interface Scored {
  role: Role;
  score: number;
  /**
   * The features that counted most for the role, strongest first: a feature's name (features.ts),
   * or for a trained reader also "prev.NAME", "next.NAME" (the unit before or after) and "after.ROLE".
   */
  because: { feature: Feature | string; weight: number }[];
}

const TABLE = (Object.entries(WEIGHTS) as [Role, Weights][]).map(([role, { bias, ...weights }]) => ({
  role,
  bias,
  weights: Object.entries(weights) as [Feature, number][],
}));

/** Every role's score, best first; the two best with the features that counted for them. */
export function scoreRoles(features: Partial<Record<Feature, number>>): Scored[] {
  const scored = TABLE.map(({ role, bias, weights }) => {
    let score = bias;
    for (const [feature, weight] of weights) score += weight * (features[feature] ?? 0);
    return { role, score, weights };
  }).sort((a, b) => b.score - a.score);
  return scored.map(({ role, score, weights }, rank) => ({
    role,
    score,
    because:
      rank > 1
        ? []
        : weights
            .map(([feature, weight]) => ({ feature, weight: weight * (features[feature] ?? 0) }))
            .filter((part) => part.weight !== 0)
            .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)),
  }));
}
