// Rendered share cards by ETag, bounded in count and bytes; the least recently used goes first.

/** Rendered cards by ETag, bounded in count and bytes; the least recently used is forgotten first. */
export class RecentlyUsed {
  // A Map iterates in insertion order, so its first key is the least recently used.
  readonly #cards = new Map<string, Buffer>();
  #bytes = 0;
  readonly #maxEntries: number;
  readonly #maxBytes: number;

  constructor(maxEntries: number, maxBytes: number) {
    this.#maxEntries = maxEntries;
    this.#maxBytes = maxBytes;
  }

  get(key: string): Buffer | undefined {
    const card = this.#cards.get(key);
    if (card) this.#touch(key, card);
    return card;
  }

  /** Keeps the card (unless it alone is over the byte bound) and returns it. */
  set(key: string, card: Buffer): Buffer {
    this.#forget(key);
    if (card.length > this.#maxBytes) return card;
    this.#touch(key, card);
    this.#bytes += card.length;
    for (const oldest of this.#cards.keys()) {
      if (this.#cards.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#forget(oldest);
    }
    return card;
  }

  #touch(key: string, card: Buffer): void {
    this.#cards.delete(key);
    this.#cards.set(key, card);
  }

  #forget(key: string): void {
    const card = this.#cards.get(key);
    if (!card) return;
    this.#cards.delete(key);
    this.#bytes -= card.length;
  }
}
