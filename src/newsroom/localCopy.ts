// The editor's copy of unsaved work in this browser (localStorage), kept at every change and
// dropped once the server has it: if the network drops or the tab closes before a save, opening the
// story again brings the work back, where the story is still what the work began from.

const keyOf = (slug: string) => `newsroom:unsaved:${slug}`;

export interface LocalCopy<T> {
  /** The revision the work was begun on. */
  revision: number;
  /**
   * The saved version the work was begun on, as the editor sends it. The editor learns a save's
   * revision by reading the story back; when that read fails (the network gone just after the save),
   * the copy names the revision before, and this says it was begun on the story as it now is.
   */
  base: string;
  draft: T;
}

/** The work kept for this story, if it was begun on the version the server has (its revision or its text); else none. */
export function readLocalCopy<T>(slug: string, { revision, base }: Omit<LocalCopy<T>, "draft">): T | null {
  try {
    const copy = JSON.parse(localStorage.getItem(keyOf(slug)) ?? "null") as LocalCopy<T> | null;
    return copy && (copy.revision === revision || copy.base === base) ? copy.draft : null;
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
