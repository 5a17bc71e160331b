// The reader the importer reads scraped text with, chosen in this one place (decision 011): the hand
// weights (weights.ts), or the trained reader kept in trainedReader.json, written by
// `npm run train-reader -- --judge SET --write src/import/plainText/trainedReader.json --keep NAME`
// (trained on every retired blind set, the training sets, the tuning and held-out sets and the generated
// split). Decision 011 says why the hand weights stay the default for now.
import type { HeaderFinder } from "./headerFinder";
import headerFinder from "./headerFinder.json";
import type { TrainedReader } from "./trained";
import trainedReader from "./trainedReader.json";

export type KeptReader = "hand weights" | "trained";

/** The importer's default reader. To switch: this line, the README's "Importing stories" and decision 011. */
export const KEPT_READER: KeptReader = "hand weights";

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
