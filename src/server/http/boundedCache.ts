// A map bounded in entries and in bytes, forgetting the least recently used first.

export class BoundedCache<V> {
  // A Map iterates in insertion order, so its first key is the least recently used.
  readonly #entries = new Map<string, { value: V; bytes: number }>();
  #bytes = 0;
  readonly #maxEntries: number;
  readonly #maxBytes: number;

  constructor({ maxEntries = Number.POSITIVE_INFINITY, maxBytes }: { maxEntries?: number; maxBytes: number }) {
    this.#maxEntries = maxEntries;
    this.#maxBytes = maxBytes;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Keeps the value (unless it alone is over the byte bound) and returns it. */
  set(key: string, value: V, bytes: number): V {
    this.delete(key);
    if (bytes > this.#maxBytes) return value;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.delete(oldest);
    }
    return value;
  }

  /** Records that a kept value grew (or shrank) by this many bytes. */
  resize(key: string, bytes: number): void {
    const entry = this.#entries.get(key);
    if (entry) this.set(key, entry.value, entry.bytes + bytes);
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }
}
