// The reader against the corpus of scraped stories (src/import/corpus): every story of the tuning
// set parses exactly as the editor set it with the hand weights (tuned on it), and every set (the
// tuning set too, the held-out set, never used to tune the weights, the blind sets, and the stories
// generated from the tuning set in other outlets' conventions) parses with the importer's reader at
// least as well as the README reports.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { generateVariants, isGeneratedHoldOut } from "../corpus/generate";
import { publicImageSizer } from "../demoContent";
import { type CorpusStory, corpusSets, linesFound, readCorpus } from "./corpus";
import { headerFinderFor, KEPT_HEADER, KEPT_READER, readerFor } from "./keptReader";
import { parsePlainTextStory } from "./story";

const sizeOf = publicImageSizer(resolve("public"));
const corpusDir = resolve("src/import/corpus");
const folders = corpusSets(corpusDir);
const sets = new Map<string, CorpusStory[]>(folders.map((set) => [set, readCorpus(corpusDir, set, sizeOf)]));
const tuning = sets.get("tuning") ?? [];

// Generated from the tuning set (src/import/corpus/generate.ts): the variants of four fifths of its
// stories, in the phrases the reader was tuned with, and of the other fifth, in phrases kept apart.
const generated = generateVariants(tuning, { seed: 2026, perStory: 50 });
sets.set(
  "generated",
  generated.filter((story) => !isGeneratedHoldOut(story.name)),
);
sets.set(
  "generated hold-out",
  generated.filter((story) => isGeneratedHoldOut(story.name)),
);

/**
 * Exactly as the README says ("tuning set: 40 of 40", and in its row "257 of 257 lines"): stories the
 * importer's reader reads exactly, of the set's stories, then expected lines found, of the set's
 * expected lines (corpus.ts, linesFound). A new folder of the corpus (the blind set, "blind-2026-12") needs its line here and in
 * the README; until then the test fails and says what the set reads.
 */
const REPORTED: Record<string, readonly [number, number, number, number]> = {
  tuning: [37, 40, 254, 257],
  "held-out": [22, 22, 133, 133],
  generated: [1404, 1450, 11790, 11833],
  "generated hold-out": [307, 550, 4417, 4622],
  // Written 2026-12-06 by a writer who never read the rules (its README). Retired: it was used to
  // choose the changes of issue 23 (0 of 36 before them), so it is a regression set now, and the
  // blind figure is the next blind set's.
  "blind-2026-12": [20, 36, 504, 543],
  // Written 2026-12-07 the same blind way, by a writer who read none of the reader; measured on merging
  // (0 of 45 with the reader of 2026-12-06, 1 of 45 with that of 2026-12-07). Retired: it was used
  // to choose the changes of 2026-12-07's second pass (decision 011), so it is a regression set now,
  // and the blind figure is the next blind set's.
  "blind-2026-12-07": [17, 45, 649, 676],
  // The third, written 2026-12-07 the same blind way (its README); 0 of 47 when merged, 1 of 47 on
  // the second pass, whose changes were chosen without it in sight. Retired on purpose: the third pass
  // (decision 011) used it to choose between the hand weights and trained readers and to find its
  // misses, so it is a regression set now, and the blind figure is the next blind set's.
  "blind-2026-12-07b": [16, 47, 580, 626],
  // The fourth, written 2026-12-07 the same blind way, from a brief asking for typical pages rather
  // than odd ones (its README); measured once on merging, with the third pass's reader: 6 of 50.
  // Retired: the fourth pass (decision 011) read it story by story to choose its changes, so it is a
  // regression set now, and the blind figure is the next blind set's.
  "blind-2026-12-07c": [23, 50, 712, 742],
  // The fifth, written 2026-12-07 the same blind way (its README: 52 stories, thirteen languages),
  // committed before any reader ran on it, measured once on merging the fourth pass: 3 of 52, and 134
  // of its 818 expected lines missed. Retired in session 11: it judged the hand weights against the
  // trained readers (decision 011), so it is a regression set now; the blind figure is the sixth set's.
  "blind-2026-12-07d": [13, 52, 747, 818],
  // The sixth, written 2026-12-07 (session 11) the same blind way (its README: 59 stories, fifteen
  // languages, nine of them new), committed before any reader ran on it, measured once on merging with
  // the fourth pass's reader: 4 of 59, 663 of 865 lines; then once with the learned header finder the
  // fifth set chose (decision 011): 4 of 59, 715 of 865 lines. Retired in session 12: it helped
  // choose the trained role reader (decision 011), so it is a regression set now.
  "blind-2026-12-07e": [12, 59, 798, 865],
  // The seventh, written in session 12 the same blind way (its README: 70 stories, 21 languages, twelve
  // of them new; interviews, explainers, fact-checks, reviews, recipes, galleries, paywalls), committed
  // before any reader ran on it, measured once with the importer of session 12: 1 of 70, 775 of 1081
  // lines. Retired the same session: its misses (dates read as UTC in languages the zone list did
  // not name) chose the platform's zone for them (decision 011), so the next blind figure is the
  // eighth set's.
  "blind-2026-12-07f": [7, 70, 860, 1081],
  // The eighth, written in session 13 the same blind way (its README: 70 stories, 27 languages, eleven
  // of them new: Slovak, Serbian, Lithuanian, Latvian, Estonian, Icelandic, Georgian, Azerbaijani,
  // Tamil, Nepali, Albanian; new kinds: corrections, election results, traffic updates, "what we know"
  // summaries, letters pages, agency flashes, timelines), committed before any reader ran on it,
  // measured once with the importer of session 13: 4 of 70, 821 of 1049 lines. Retired in session 13:
  // the importer's pass on its misses chose changes with it (decision 011), so it is a regression set
  // now, and the blind figure is the ninth set's.
  "blind-2026-12-07g": [11, 70, 885, 1049],
  // The ninth, written in session 13 the same blind way while the eighth's pass was made (its README:
  // 70 stories, 22 languages, thirteen of them new: Slovenian, Macedonian, Afrikaans, Galician, Welsh,
  // Maltese, Kazakh, Uzbek, Armenian, Marathi, Amharic, Yoruba, Hausa), committed before any reader ran
  // on it, measured once with the importer after that pass: 4 of 70, 625 of 834 lines. Retired in
  // session 14: the importer's pass on its misses chose changes with it (decision 011), so it is a
  // regression set now, and the blind figure is the tenth set's.
  "blind-2026-12-07h": [29, 70, 722, 834],
  // The tenth, written in session 14 the same blind way while the ninth's pass was made (its README:
  // 70 stories, 23 languages, twelve of them new: Hebrew, Romanian, Norwegian, Swahili, Basque, Irish,
  // Mongolian, Khmer, Sinhala, Gujarati, Pashto, Somali; English from twelve countries the earlier
  // sets used least), committed before any reader ran on it, measured once with the importer after
  // that pass: 9 of 70, 636 of 869 lines. Retired in session 14: the importer's pass on its misses
  // chose changes with it (decision 011), so it is a regression set now, and the blind figure is the
  // eleventh set's.
  "blind-2026-12-07i": [15, 70, 669, 869],
  // The eleventh, written in session 14 the same blind way while the tenth's pass was made (its README:
  // 70 stories, 23 languages, twelve of them new: Catalan, Belarusian, Lao, Burmese, Telugu, Malayalam,
  // Punjabi, Zulu, Igbo, Kinyarwanda, Luxembourgish, Kyrgyz; English from twelve more countries),
  // committed before any reader ran on it, measured once with the importer after that pass: 18 of 70,
  // 675 of 862 lines. Retired in session 15: the importer's pass on its misses chose changes with it
  // (decision 011), so it is a regression set now, and the blind figure is the twelfth set's.
  "blind-2026-12-07j": [24, 70, 707, 862],
  // The twelfth, written in session 15 the same blind way while the eleventh's pass was made (its
  // README: 70 stories, 23 languages, twelve of them new: Kannada, Odia, Sorani Kurdish, Dhivehi,
  // Tigrinya, Xhosa, Malagasy, Tajik, Maori, Haitian Creole, Faroese, Turkmen; English from twelve
  // more countries), committed before any reader ran on it, measured once with the importer after
  // that pass: 12 of 70, 716 of 938 lines. Retired in session 15: the importer's pass on its misses
  // chose changes with it (decision 011), so it is a regression set now, and the blind figure is the
  // thirteenth set's.
  "blind-2026-12-07k": [14, 70, 723, 938],
  // The thirteenth, written in session 15 the same blind way while the twelfth's pass was made (its
  // README: 70 stories, 23 languages, twelve of them new: Sindhi, Uyghur, Tibetan, Javanese, Cebuano,
  // Scottish Gaelic, West Frisian, Bosnian, Tatar, Shona, Oromo, Yiddish; English from twelve more
  // countries), committed before any reader ran on it, measured once with the importer after that
  // pass: 7 of 70, 615 of 877 lines. The blind figure until a change is chosen with it.
  "blind-2026-12-07l": [7, 70, 615, 877],
  // Training sets (train-…), written 2026-12-07 (session 11) by three writers who read none of the
  // reader, to be trained on (train.ts), in English, Spanish and French (a); eight European languages
  // (b); nine languages of other scripts and conventions (c). Read as they were merged, with the
  // fourth pass's hand weights: the header is misread on 60, 54 and most of their pages. The trained
  // role reader is trained on them, so its figures here are no measure of it.
  "train-2026-12-07-a": [15, 60, 690, 755],
  "train-2026-12-07-b": [31, 60, 663, 686],
  "train-2026-12-07-c": [9, 60, 614, 730],
};

/** The most a set's reading may take (the generated set, 1,450 stories, read twice). */
const SET_TIMEOUT_MS = 180_000;

// The importer's reader and header finder (keptReader.ts): the figures the README reports are the importer's.
const reader = readerFor(KEPT_READER);
const header = headerFinderFor(KEPT_HEADER);
const parse = (text: string, options = { reader }) =>
  JSON.parse(JSON.stringify(parsePlainTextStory(text, { sizeOf, header, ...options })));
const parsesExactly = ({ text, expected }: CorpusStory) => {
  try {
    expect(parse(text)).toEqual(expected);
    return true;
  } catch {
    return false;
  }
};
const foundLines = ({ text, expected }: CorpusStory) => {
  let read: ReturnType<typeof parse> | undefined;
  try {
    read = parse(text);
  } catch {
    read = undefined;
  }
  return linesFound(expected, read).found;
};

describe("the scraped-text corpus", () => {
  it("has at least 60 written stories, split once into a tuning set and a held-out set, no story in two sets", () => {
    const heldOut = sets.get("held-out") ?? [];
    expect(tuning.length + heldOut.length).toBeGreaterThanOrEqual(60);
    const names = folders.flatMap((set) => (sets.get(set) ?? []).map((story) => story.name));
    expect(new Set(names).size).toBe(names.length);
  });

  // The hand weights were tuned on these stories until each read exactly: that is pinned, whichever
  // reader the importer keeps; the kept reader's figure on them is a floor, as on every other set.
  it.each(tuning.map((story) => [story.name, story] as const))(
    "reads tuning story %s as the editor did, with the hand weights",
    (_, story) => {
      expect(parse(story.text, { reader: undefined })).toEqual(story.expected);
    },
  );

  it.each([...sets.keys()])(
    "reads at least as many stories of the %s set exactly, and finds as many of its lines, as the README reports",
    (set) => {
      const stories = sets.get(set) ?? [];
      const exact = stories.filter(parsesExactly).length;
      const lines = stories.reduce((sum, story) => sum + linesFound(story.expected, story.expected).lines, 0);
      const found = stories.reduce((sum, story) => sum + foundLines(story), 0);
      const measured = `the ${set} set reads ${exact} of ${stories.length} exactly, ${found} of ${lines} lines`;
      expect(REPORTED[set], `${measured}: add it to REPORTED and the README`).toBeDefined();
      const [reported = 0, size = 0, reportedFound = 0, reportedLines = 0] = REPORTED[set] ?? [];
      expect(stories.length, measured).toBe(size);
      expect(exact, measured).toBeGreaterThanOrEqual(reported);
      expect(lines, measured).toBe(reportedLines);
      expect(found, measured).toBeGreaterThanOrEqual(reportedFound);
    },
    // The generated set is 1,450 stories: over 30 s on a loaded machine of two cores.
    SET_TIMEOUT_MS,
  );

  it("is reported in the README with these figures", () => {
    const readme = readFileSync(resolve("README.md"), "utf8");
    for (const [set, [exact, size, found, lines]] of Object.entries(REPORTED)) {
      expect(readme).toContain(`${set} set: ${exact} of ${size}`);
      // The set's row of the table gives its lines found too.
      const row = readme
        .split("\n")
        .find((line) => line.includes(`${set} set: ${exact} of ${size}`) && line.startsWith("|"));
      expect(row, `the README's row for the ${set} set`).toContain(`${found} of ${lines} lines`);
    }
  });
});
