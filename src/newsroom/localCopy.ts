// The editor's copy of unsaved work in this browser (localStorage), kept at every change and
// dropped once the server has it: if the network drops or the tab closes before a save, opening the
// story again at the same revision brings the work back.

const keyOf = (slug: string) => `newsroom:unsaved:${slug}`;

export interface LocalCopy<T> {
  /** The revision the work was begun on: a copy of an older revision is not offered. */
  revision: number;
  draft: T;
}

export function readLocalCopy<T>(slug: string, revision: number): T | null {
  try {
    const copy = JSON.parse(localStorage.getItem(keyOf(slug)) ?? "null") as LocalCopy<T> | null;
    return copy?.revision === revision ? copy.draft : null;
  } catch {
    return null;
  }
}

export function keepLocalCopy<T>(slug: string, copy: LocalCopy<T>): void {
  try {
    localStorage.setItem(keyOf(slug), JSON.stringify(copy));
  } catch {
    // A full or forbidden storage keeps no copy; saving to the server goes on.
  }
}

export function dropLocalCopy(slug: string): void {
  try {
    localStorage.removeItem(keyOf(slug));
  } catch {
    // Nothing to drop.
  }
}
