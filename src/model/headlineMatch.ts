// Finds the stored story a related-headline line names. Scraped headlines drift from the stored
// ones in small ways (quotes, case, punctuation, a word added or dropped), so lines are matched on a
// normalised form, exactly first and then by similarity.

const NUMBER_WORDS = new Map(
  "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty"
    .split(" ")
    .map((word, value) => [word, String(value)]),
);

/**
 * The comparable form of a headline: lower case, no diacritics, no punctuation (curly or straight
 * quotes, dashes, colons…), single spaces, and number words up to twenty as digits ("Five things" =
 * "5 things": desks rewrite numerals both ways). Apostrophes are deleted rather than spaced so
 * "Kim’s" = "Kim's" = "Kims"; hyphens become spaces so "great-grandmother" = "great grandmother".
 */
export function normalizeHeadline(headline: string): string {
  return headline
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/['‘’`ʼ]/gu, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .map((word) => NUMBER_WORDS.get(word) ?? word)
    .join(" ");
}

/** The words of a normalised headline and its word pairs: pairs reward the same words in the same order. */
function shingles(normalized: string): Set<string> {
  const words = normalized.split(" ").filter(Boolean);
  const pairs = words.slice(1).map((word, index) => `${words[index]} ${word}`);
  return new Set([...words, ...pairs]);
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let shared = 0;
  for (const shingle of a) if (b.has(shingle)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * How alike two headlines are, 0..1: the Sørensen–Dice coefficient of their sets of words and word
 * pairs, on normalised forms. Words alone score stories that share a place and a topic too high;
 * pairs alone punish a short headline with one word added; together they separate the two (see
 * HEADLINE_MATCH_THRESHOLD). Headlines with no words score 0.
 */
export function headlineSimilarity(a: string, b: string): number {
  return dice(shingles(normalizeHeadline(a)), shingles(normalizeHeadline(b)));
}

/**
 * The lowest similarity taken as the same story. Measured cases (headlineMatch.test.ts):
 * same story, reworded: a word added (0.88), "Port Merrow" dropped from the front (0.85), "to" → "will" (0.80),
 * "Mayor resigns" → "Mayor resigns today" (0.75);
 * different stories: "Council approves new harbour wall" / "Council rejects new harbour wall" (0.67),
 * "Port Merrow ferry fares to rise in January" / "Port Merrow ferry workers to strike in January" (0.60).
 * 0.75 sits between the two groups; a wrong link is worse than an unlinked headline, so the boundary
 * leans to rejecting.
 */
export const HEADLINE_MATCH_THRESHOLD = 0.75;

/**
 * The slug of the story the headline names: an exact match of normalised forms first, else the most
 * similar story at or above the threshold. When two different stories match equally well (the same
 * normalised headline, or the same best score) the answer is undefined: the headline stays plain
 * text rather than risk linking the wrong story.
 */
export function findStoryByHeadline(
  headline: string,
  stories: { slug: string; headline: string }[],
): string | undefined {
  const wanted = normalizeHeadline(headline);
  if (!wanted) return undefined;
  const normalized = stories.map((story) => ({ slug: story.slug, headline: normalizeHeadline(story.headline) }));
  const exact = new Set(normalized.filter((story) => story.headline === wanted).map((story) => story.slug));
  if (exact.size > 0) return onlyOne(exact);

  const wantedShingles = shingles(wanted);
  let best = 0;
  let bestSlugs = new Set<string>();
  for (const story of normalized) {
    const score = dice(wantedShingles, shingles(story.headline));
    if (score > best) {
      best = score;
      bestSlugs = new Set([story.slug]);
    } else if (score === best) {
      bestSlugs.add(story.slug);
    }
  }
  return best >= HEADLINE_MATCH_THRESHOLD ? onlyOne(bestSlugs) : undefined;
}

const onlyOne = (slugs: Set<string>): string | undefined => (slugs.size === 1 ? [...slugs][0] : undefined);

/**
 * findStoryByHeadline for many lookups among the same stories: their headlines are made comparable
 * once, found by their normalised form or by their words, so a lookup costs the stories that share
 * a word with it (matchWords), not every story. The answers are findStoryByHeadline's: any story at
 * or above the threshold shares one of the headline's rarest words.
 */
export function headlineFinder(
  stories: { slug: string; headline: string }[],
): (headline: string) => string | undefined {
  const normalized = stories.map((story) => normalizeHeadline(story.headline));
  const byForm = new Map<string, Set<string>>();
  const byWord = new Map<string, number[]>();
  for (const [index, form] of normalized.entries()) {
    const slug = stories[index]?.slug ?? "";
    byForm.set(form, (byForm.get(form) ?? new Set()).add(slug));
    for (const word of new Set(form.split(" ").filter(Boolean))) {
      const holders = byWord.get(word);
      if (holders) holders.push(index);
      else byWord.set(word, [index]);
    }
  }
  return (headline) => {
    const wanted = normalizeHeadline(headline);
    if (!wanted) return undefined;
    const exact = byForm.get(wanted);
    if (exact) return onlyOne(exact);
    const { words, needed } = matchWords(headline);
    const rarest = words
      .map((word) => byWord.get(word) ?? [])
      .sort((a, b) => a.length - b.length)
      .slice(0, words.length - needed + 1);
    const wantedShingles = shingles(wanted);
    let best = 0;
    let bestSlugs = new Set<string>();
    for (const index of new Set(rarest.flat())) {
      const score = dice(wantedShingles, shingles(normalized[index] ?? ""));
      const slug = stories[index]?.slug ?? "";
      if (score > best) {
        best = score;
        bestSlugs = new Set([slug]);
      } else if (score === best) bestSlugs.add(slug);
    }
    return best >= HEADLINE_MATCH_THRESHOLD ? onlyOne(bestSlugs) : undefined;
  };
}

/**
 * What a headline a story must share words with to be a possible match, so a store can find the
 * candidates by a word index instead of comparing every headline: the headline's distinct words,
 * and how many of them any headline scoring at or above the threshold shares at the least.
 *
 * Why: with A's words and word pairs as the set a, a match B shares w words and p pairs, and
 * B holds at least those, so Dice ≥ T gives (2 − T)(w + p) ≥ T·|a|. The shared pairs lie among the
 * shared words: at most w − 1 of them when A repeats no word (its pairs are a path), at most w²
 * otherwise, and never more than A has. The least w that satisfies this is the bound. Any match
 * then shares at least one of any (words − needed + 1) of the words: the rarest ones will do.
 */
export function matchWords(headline: string): { words: string[]; needed: number } {
  const tokens = normalizeHeadline(headline).split(" ").filter(Boolean);
  const words = [...new Set(tokens)];
  const pairs = shingles(tokens.join(" ")).size - words.length;
  const repeats = words.length < tokens.length;
  const ratio = HEADLINE_MATCH_THRESHOLD / (2 - HEADLINE_MATCH_THRESHOLD);
  const pairsWithin = (w: number) => Math.min(pairs, repeats ? w * w : w - 1);
  let needed = 1;
  while (needed < words.length && needed + pairsWithin(needed) < ratio * (words.length + pairs) - 1e-9) needed++;
  return { words, needed };
}
