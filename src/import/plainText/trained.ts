// A trained reader: the units' roles scored by weights fitted to labelled units (softmax regression,
// src/import/plainText/train.ts) in place of the hand weights of weights.ts. Lines are gathered into
// units as before; only each unit's role is scored here, from its features and, for a reader
// trained "with neighbours", the features of the units before and after it and the role before it.
// Kept to measure against the hand weights (decision 011); the story format does not depend on it.
import type { Features, Role } from "./features";
import type { Scored } from "./weights";

export interface TrainedReader {
  /** What it is, for reports ("softmax + neighbours, 300 epochs, L2 0.0001"). */
  name: string;
  /** "own": the unit's features; "neighbours": also "prev.…", "next.…" and "after.ROLE". */
  inputs: "own" | "neighbours";
  /**
   * How a story's roles are chosen: each unit's best in turn, given the role read before it
   * ("greedy", the default), or the best sequence of roles over the story's units ("viterbi",
   * reader.ts), the role before each unit taken from the path rather than from the unit's best.
   */
  decode?: "greedy" | "viterbi";
  roles: Role[];
  features: string[];
  /** Per role (in the order of roles). */
  bias: number[];
  /** Per role, one weight per feature (in the order of features). */
  weights: number[][];
  /**
   * A unit whose runner-up role scores within this many logits of its role is unsure (--explain's
   * "?"): the hand weights' UNSURE_MARGIN is on another scale. Chosen on the training units
   * (train.ts, unsureMarginOf): the margin whose unsure units best tell the misread ones (F1).
   */
  unsureMargin: number;
}

/**
 * The inputs of a unit's role: its own features, the features of the text before and after it (read
 * on their own, prefixed "prev." and "next.") and the role before it as one "after.ROLE" flag.
 */
export function neighbourFeatures(
  own: Features,
  previous: Features | undefined,
  next: Features | undefined,
  after: Role | "headline",
): Record<string, number> {
  const all: Record<string, number> = { [`after.${after}`]: 1 };
  for (const [name, value] of Object.entries(own)) if (value) all[name] = value;
  for (const [name, value] of Object.entries(previous ?? {})) if (value) all[`prev.${name}`] = value;
  for (const [name, value] of Object.entries(next ?? {})) if (value) all[`next.${name}`] = value;
  return all;
}

/** Every role's score, best first, with what counted for the best two (as scoreRoles gives them). */
export function scoreTrained(reader: TrainedReader, inputs: Record<string, number>): Scored[] {
  const present = reader.features
    .map((name, index) => ({ name, index, value: inputs[name] ?? 0 }))
    .filter((input) => input.value !== 0);
  const scored = reader.roles
    .map((role, r) => {
      const weights = reader.weights[r] ?? [];
      const parts = present.map(({ name, index, value }) => ({ feature: name, weight: (weights[index] ?? 0) * value }));
      return { role, score: parts.reduce((sum, part) => sum + part.weight, reader.bias[r] ?? 0), parts };
    })
    .sort((a, b) => b.score - a.score);
  return scored.map(({ role, score, parts }, rank) => ({
    role,
    score,
    because:
      rank > 1
        ? []
        : parts
            .filter((part) => part.weight !== 0)
            .map((part) => ({ feature: part.feature, weight: Math.round(part.weight * 100) / 100 }))
            .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)),
  }));
}
