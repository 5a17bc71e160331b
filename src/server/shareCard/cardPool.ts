// The threads that draw share cards, so that satori's layout and resvg's painting never hold up the
// server's main thread: a fixed number of worker threads (cardWorker.ts, each at a lower OS
// priority than the main thread), started with the first
// card, each drawing one card at a time, and a bounded queue in front of them. Past the queue,
// render() refuses at once (CardPoolBusy) rather than letting cards pile up behind each other.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { CardAnswer, CardFacts, CardJob, CardWorkerData } from "./cardFacts";
import type { CardShape } from "./cardShapes";

export interface CardPoolOptions {
  /** Worker threads, and so renders at once. */
  threads: number;
  /** Renders that may wait for a thread; more are refused. */
  queue: number;
  /** A render still running after this long is abandoned and its thread replaced. */
  renderTimeoutMs: number;
  publicDir: string;
  /** Told when a thread starts and when it has exited: for logs and tests. */
  onThread?: (event: CardThreadEvent) => void;
}

export interface CardThreadEvent {
  thread: number;
  state: "started" | "exited";
}

export interface RenderedCard {
  png: Buffer;
  /** When the worker began drawing (ms since the epoch) and how long it took. */
  startedAt: number;
  ms: number;
  /** How long the card waited for a thread. */
  queuedMs: number;
  /** The worker thread that drew it. */
  thread: number;
}

/** The pool is full (every thread drawing, the queue at its bound) or closed: try again later. */
export class CardPoolBusy extends Error {
  override readonly name = "CardPoolBusy";
}

/**
 * One thread per core beyond the first, which serves requests; at most two, since a card is one of
 * a few a story gets and is cached after: more threads would take cores from pages for little.
 */
export const defaultCardThreads = (): number => Math.min(2, Math.max(1, availableParallelism() - 1));

/**
 * The worker's script. In the server build, vite.config.ts rewrites this URL to the bundled worker
 * (dist/server/cardWorker.js); from source (tests, `npm run dev`) it stays the .ts file, which
 * sourceWorker.ts loads through Vite.
 */
const CARD_WORKER = new URL("./cardWorker.ts", import.meta.url);

function startWorker(data: CardWorkerData): Worker {
  const options = { name: "share-card" };
  if (!CARD_WORKER.pathname.endsWith(".ts")) return new Worker(CARD_WORKER, { ...options, workerData: data });
  const entry = fileURLToPath(CARD_WORKER);
  return new Worker(new URL("./sourceWorker.ts", import.meta.url), { ...options, workerData: { ...data, entry } });
}

interface Job {
  id: number;
  facts: CardFacts;
  shape?: CardShape;
  queuedAt: number;
  resolve(card: RenderedCard): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  job?: { job: Job; sentAt: number; timer: NodeJS.Timeout };
  /** Why the worker is going away, for the card it was drawing. */
  failure?: Error;
}

export class CardPool {
  readonly #options: CardPoolOptions;
  readonly #threads = new Set<Thread>();
  readonly #waiting: Job[] = [];
  #nextId = 1;
  #closed = false;

  constructor(options: CardPoolOptions) {
    this.#options = { ...options, threads: Math.max(1, options.threads), queue: Math.max(0, options.queue) };
  }

  /** Draws a card (in a shape) on a worker thread; rejects with CardPoolBusy at once when the queue is full. */
  render(facts: CardFacts, shape?: CardShape): Promise<RenderedCard> {
    if (this.#closed) return Promise.reject(new CardPoolBusy("Share cards are shutting down."));
    if (!this.#hasFreeThread() && this.#waiting.length >= this.#options.queue)
      return Promise.reject(new CardPoolBusy(`${this.#options.queue} share cards are already waiting.`));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ id: this.#nextId++, facts, shape, queuedAt: performance.now(), resolve, reject });
      this.#dispatch();
    });
  }

  /** Refuses what waits, stops every thread (a card being drawn fails) and resolves once they have exited. */
  async close(): Promise<void> {
    this.#closed = true;
    const closing = new CardPoolBusy("Share cards are shutting down.");
    for (const job of this.#waiting.splice(0)) job.reject(closing);
    for (const thread of this.#threads) thread.failure ??= closing;
    await Promise.all([...this.#threads].map(({ worker }) => worker.terminate()));
  }

  #hasFreeThread(): boolean {
    return this.#threads.size < this.#options.threads || [...this.#threads].some((thread) => !thread.job);
  }

  #dispatch(): void {
    while (!this.#closed && this.#waiting.length > 0) {
      const thread =
        [...this.#threads].find((candidate) => !candidate.job) ??
        (this.#threads.size < this.#options.threads ? this.#start() : undefined);
      const job = thread && this.#waiting.shift();
      if (!thread || !job) return;
      const timer = setTimeout(() => {
        thread.failure = new Error(`The share card took longer than ${this.#options.renderTimeoutMs} ms.`);
        void thread.worker.terminate();
      }, this.#options.renderTimeoutMs);
      thread.job = { job, sentAt: performance.now(), timer };
      thread.worker.postMessage({ id: job.id, facts: job.facts, shape: job.shape } satisfies CardJob);
    }
  }

  #start(): Thread {
    const worker = startWorker({ publicDir: this.#options.publicDir });
    const thread: Thread = { worker };
    const id = worker.threadId;
    this.#options.onThread?.({ thread: id, state: "started" });
    worker.on("message", (answer: CardAnswer) => {
      const current = thread.job;
      if (!current || current.job.id !== answer.id) return;
      clearTimeout(current.timer);
      thread.job = undefined;
      const { job, sentAt } = current;
      if ("error" in answer) job.reject(new Error(`The share card could not be drawn: ${answer.error}`));
      else
        job.resolve({
          png: Buffer.from(answer.png),
          startedAt: answer.startedAt,
          ms: answer.ms,
          queuedMs: sentAt - job.queuedAt,
          thread: id,
        });
      this.#dispatch();
    });
    // Without a listener, an error thrown in the worker would be thrown on the main thread.
    worker.on("error", (error) => {
      thread.failure ??= error instanceof Error ? error : new Error(String(error));
    });
    worker.on("exit", (code) => {
      this.#threads.delete(thread);
      this.#options.onThread?.({ thread: id, state: "exited" });
      if (thread.job) {
        clearTimeout(thread.job.timer);
        thread.job.job.reject(thread.failure ?? new Error(`The share card worker stopped (exit code ${code}).`));
      }
      // A thread that died is replaced for the cards still waiting.
      this.#dispatch();
    });
    this.#threads.add(thread);
    return thread;
  }
}
