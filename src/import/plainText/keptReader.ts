// The reader the importer reads scraped text with, chosen in this one place (decision 011): the hand
// weights (weights.ts), or the trained reader kept in trainedReader.json, written by
// `npm run train-reader -- --judge SET --write src/import/plainText/trainedReader.json --keep NAME`
// (softmax + neighbours read by Viterbi, trained on blind-2026-12 to -07c, the training sets, the tuning
// and held-out sets and the generated split; not on -07d or -07e). The trained reader since session 12:
// on the six retired blind sets (-07e retired then) it reads 91 of 289 stories exactly against the hand
// weights' 51, and 3,871 of 4,270 lines against 3,827; on the two it was never trained on, -07d 11 of 52
// (718 of 818 lines) against 2 (714), -07e 4 of 59 against 4 (726 of 865 lines against 715), both with
// the learned header finder. It loses the tuning set's exactness (37 of 40; the hand weights were tuned
// until it read 40), the generated set (1,404 of 1,450) and lines of the generated hold-out (4,413 of
// 4,622 against 4,530), where the hand weights' own phrases are read.
import type { HeaderFinder } from "./headerFinder";
import headerFinder from "./headerFinder.json";
import type { TrainedReader } from "./trained";
import trainedReader from "./trainedReader.json";

export type KeptReader = "hand weights" | "trained";

/** The importer's default reader. To switch: this line, the README's "Importing stories" and decision 011. */
export const KEPT_READER: KeptReader = "trained";

/** The trained weights a kept reader reads with (none for the hand weights). */
export function readerFor(kept: KeptReader = KEPT_READER): TrainedReader | undefined {
  return kept === "trained" ? (trainedReader as TrainedReader) : undefined;
}

// The header finder, chosen the same way: the hand rules (reader.ts, pageHeader and the first line that
// is no credit), or the learned finder kept in headerFinder.json, written by
// `npm run train-reader -- --header --judge SET --write src/import/plainText/headerFinder.json`
// (trained on every labelled set but the one judged).
export type KeptHeader = "hand" | "learned";

/** The importer's default header finder. To switch: this line, the README's "Importing stories" and decision 011. */
export const KEPT_HEADER: KeptHeader = "learned";

/** The learned header finder a kept header reads with (none for the hand rules). */
export function headerFinderFor(kept: KeptHeader = KEPT_HEADER): HeaderFinder | undefined {
  return kept === "learned" ? (headerFinder as HeaderFinder) : undefined;
}
