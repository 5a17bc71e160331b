// Which kept answers still hold, in this process (docs/decisions/026). Every request reads the
// store's version (one point query); when it moved, the process reads what each write since
// changed (store.invalidationsAfter: dependency keys by version) and notes, per key, the moment it
// learnt of the change. An answer is stamped with the moment its request began, and holds while
// none of its keys changed after that stamp. A write that committed while an answer was being
// made therefore always makes it stale, whichever data the render happened to read.
import { EVERYTHING } from "../../model/dependencies";
import type { StoryStore } from "../../store/storyStore";

type Store = Pick<StoryStore, "version" | "versionNow" | "invalidationsAfter" | "changeLogBounds">;

/** Keys remembered at most: past this, the process forgets every answer rather than grow. */
const MAX_KEYS_REMEMBERED = 200_000;

export class AnswerFreshness {
  readonly #store: Store;
  /** The store version this process has read every invalidation up to; -1 before the first request. */
  #version = -1;
  /** Where the change log stood when the invalidations up to #version were read (a page's place). */
  #place = 0;
  /** Counts the syncs that changed something: an answer's stamp, and when each key last changed. */
  #moment = 0;
  #changedAt = new Map<string, number>();
  /** Answers stamped before this moment are all stale (a write that changed everything, a gap). */
  #allStaleBefore = 0;
  #syncing: Promise<void> | null = null;

  constructor(store: Store) {
    this.#store = store;
  }

  /** Brings this process up to date with the store; returns the stamp for an answer made now. */
  async check(): Promise<number> {
    const version = await this.#store.version();
    while (version > this.#version) {
      this.#syncing ??= this.#sync(version).finally(() => {
        this.#syncing = null;
      });
      await this.#syncing;
    }
    return this.#moment;
  }

  /**
   * The stamp for an answer made now when the store's version can be read at once (SQLite) and
   * shows nothing this process has not read; else undefined, and check() brings it up to date.
   * A read that fails is left to check(), whose errors are answered as any store error.
   */
  checkNow(): number | undefined {
    if (!this.#store.versionNow || this.#syncing || this.#version < 0) return undefined;
    try {
      return this.#store.versionNow() <= this.#version ? this.#moment : undefined;
    } catch {
      return undefined;
    }
  }

  /** Where the change log stood for the last check (pages tell their stream to start there). */
  get place(): number {
    return this.#place;
  }

  /** Whether an answer with these keys, stamped `stamp`, still shows what the store holds. */
  holds(stamp: number, keys: Iterable<string>): boolean {
    if (stamp < this.#allStaleBefore) return false;
    for (const key of keys) if ((this.#changedAt.get(key) ?? 0) > stamp) return false;
    return true;
  }

  async #sync(version: number): Promise<void> {
    // The log's end first: every change up to it is committed, so its invalidation is read below.
    const { last } = await this.#store.changeLogBounds();
    const behind = this.#version;
    const rows = await this.#store.invalidationsAfter(Math.max(behind, 0));
    this.#place = last;
    this.#version = Math.max(version, rows.at(-1)?.version ?? 0);
    // The first request of the process: nothing is kept yet.
    if (behind < 0) return;
    const moment = ++this.#moment;
    // Versions follow one another; a hole means the store forgot writes this process never saw.
    const gap = rows.length === 0 || rows.some((row, i) => row.version !== behind + 1 + i);
    if (gap || rows.some((row) => row.keys.includes(EVERYTHING))) return this.#forgetAll(moment);
    for (const row of rows) for (const key of row.keys) this.#changedAt.set(key, moment);
    if (this.#changedAt.size > MAX_KEYS_REMEMBERED) this.#forgetAll(moment);
  }

  #forgetAll(moment: number): void {
    this.#allStaleBefore = moment;
    this.#changedAt.clear();
  }
}
