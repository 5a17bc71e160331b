// Merging two versions of a story after a collision (the 412 of decision 037), part by part: the
// writer's version ("mine") and the one saved meanwhile ("theirs"), each compared with the version
// the writer started from ("base"), so that a part only one of them changed is taken from that one
// by default and a part both changed is shown as such. Blocks have no identity across versions, so
// the two bodies are aligned by content (jsdiff's LCS over whole blocks, as the history pairs them
// in storyDiff.ts): blocks the same in both are kept, and a run of blocks only in one facing a run
// only in the other is paired in order, each pair a part the writer chooses for.
import { diffArrays } from "diff";
import type { Block } from "../model/story";

export type Choice = "mine" | "theirs" | "both";

/** One part of the body: the same in both versions, or a choice between them (a side may be absent). */
export interface BodyPart {
  mine: Block | null;
  theirs: Block | null;
  /** The same block in both: nothing to choose. */
  same: boolean;
  /** Both changed it from the version the writer started from (or added different blocks there). */
  changedByBoth: boolean;
  /** What is taken unless the writer says otherwise. */
  choice: Choice;
}

/** A field of one line or a few (kicker, headline, deck): the same in both, or one of the two. */
export interface FieldPart {
  mine: string;
  theirs: string;
  same: boolean;
  changedByBoth: boolean;
  choice: Exclude<Choice, "both">;
}

/** A block as one string whatever order its keys were written in, to compare two. */
export function blockKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(blockKey).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${blockKey((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

/** The default for two sides, by which of them the base already had (that side did not change it). */
function byBase(mineInBase: boolean, theirsInBase: boolean): { choice: "mine" | "theirs"; changedByBoth: boolean } {
  if (mineInBase && !theirsInBase) return { choice: "theirs", changedByBoth: false };
  if (theirsInBase && !mineInBase) return { choice: "mine", changedByBoth: false };
  return { choice: "mine", changedByBoth: !mineInBase && !theirsInBase };
}

export function fieldPart(base: string, mine: string, theirs: string): FieldPart {
  const same = mine.trim() === theirs.trim();
  return { mine, theirs, same, ...byBase(mine.trim() === base.trim(), theirs.trim() === base.trim()) };
}

/** The two bodies aligned, in reading order. */
export function bodyParts(base: readonly Block[], mine: readonly Block[], theirs: readonly Block[]): BodyPart[] {
  const inBase = new Set(base.map(blockKey));
  const has = (block: Block | null) => block !== null && inBase.has(blockKey(block));
  const pair = (m: Block | null, t: Block | null): BodyPart => {
    // One side alone: the other removed it (if the base had it) or this one added it.
    if (t === null)
      return { mine: m, theirs: t, same: false, changedByBoth: false, choice: has(m) ? "theirs" : "mine" };
    if (m === null)
      return { mine: m, theirs: t, same: false, changedByBoth: false, choice: has(t) ? "mine" : "theirs" };
    return { mine: m, theirs: t, same: false, ...byBase(has(m), has(t)) };
  };
  const runs = diffArrays(mine.map(blockKey), theirs.map(blockKey));
  const parts: BodyPart[] = [];
  let atMine = 0;
  let atTheirs = 0;
  for (let at = 0; at < runs.length; at++) {
    const run = runs[at];
    if (!run) continue;
    const length = run.value.length;
    if (!run.added && !run.removed) {
      for (let i = 0; i < length; i++) {
        const block = mine[atMine + i] as Block;
        parts.push({
          mine: block,
          theirs: theirs[atTheirs + i] ?? block,
          same: true,
          changedByBoth: false,
          choice: "mine",
        });
      }
      atMine += length;
      atTheirs += length;
      continue;
    }
    // A run only in one facing a run only in the other (either order): paired in order.
    const next = runs[at + 1];
    const facing = next && (run.removed ? next.added : next.removed) ? next : undefined;
    const mineCount = run.removed ? length : (facing?.value.length ?? 0);
    const theirsCount = run.added ? length : (facing?.value.length ?? 0);
    for (let i = 0; i < Math.max(mineCount, theirsCount); i++)
      parts.push(
        pair(
          i < mineCount ? (mine[atMine + i] ?? null) : null,
          i < theirsCount ? (theirs[atTheirs + i] ?? null) : null,
        ),
      );
    atMine += mineCount;
    atTheirs += theirsCount;
    if (facing) at += 1;
  }
  return parts;
}

/** The body the choices make: both sides of a part, the writer's first, when both are chosen. */
export function mergedBody(parts: readonly BodyPart[]): Block[] {
  return parts.flatMap((part) => {
    if (part.same) return part.mine ? [part.mine] : [];
    const sides =
      part.choice === "both" ? [part.mine, part.theirs] : [part.choice === "mine" ? part.mine : part.theirs];
    return sides.filter((block): block is Block => block !== null);
  });
}
