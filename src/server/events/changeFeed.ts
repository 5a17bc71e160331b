// One process's view of the change log (docs/decisions/019): while anyone listens, it reads the
// log for changes after the last it saw, when woken (a write here; on PostgreSQL a NOTIFY from
// any server) and every `pollMs` (other SQLite processes on the file, or a NOTIFY lost with its
// connection), and hands each change to every subscriber in log order. A subscriber that resumes
// after an id first gets what it missed from the log, then what arrives, each change once.
import type { LoggedChange } from "../../model/change";
import type { StoryStore } from "../../store/storyStore";

/** At most this many missed changes are replayed; a client further behind is told to start afresh. */
export const MAX_REPLAY = 1_000;

export interface Subscriber {
  /** Gets each change after the subscriber's place, in order, once. */
  send(change: LoggedChange): void;
  /** The client's place was too far back (or unknown) to replay: it must reread what it shows. */
  reset(lastId: number): void;
}

interface Subscription extends Subscriber {
  cursor: number;
  /** Changes that arrived while the backlog was read. */
  waiting: LoggedChange[] | null;
}

export class ChangeFeed {
  #subscriptions = new Set<Subscription>();
  #lastSeen = -1;
  #reading: Promise<void> | null = null;
  #readAgain = false;
  #timer: NodeJS.Timeout | undefined;
  #started: Promise<void> | null = null;
  #stopWatching: (() => Promise<void>) | undefined;

  constructor(
    private readonly store: StoryStore,
    private readonly pollMs: number,
  ) {}

  get size(): number {
    return this.#subscriptions.size;
  }

  /**
   * Adds a subscriber from `after` on (null: from now on); returns what ends its subscription, and
   * the id of the last change it has been given (or that was before it came).
   */
  async subscribe(after: number | null, subscriber: Subscriber): Promise<{ unsubscribe: () => void; cursor: number }> {
    const subscription: Subscription = { ...subscriber, cursor: 0, waiting: [] };
    this.#subscriptions.add(subscription);
    const unsubscribe = () => {
      this.#subscriptions.delete(subscription);
      if (this.#subscriptions.size === 0) this.#stop();
    };
    try {
      await this.#start();
      if (after === null) subscription.cursor = this.#lastSeen;
      else {
        const { first, last } = await this.store.changeLogBounds();
        const backlog = after > last || after < first - 1 ? null : await this.store.changesAfter(after, MAX_REPLAY + 1);
        if (!backlog || backlog.length > MAX_REPLAY) {
          subscription.cursor = this.#lastSeen;
          subscriber.reset(this.#lastSeen);
        } else {
          subscription.cursor = after;
          for (const change of backlog) this.#deliver(subscription, change);
        }
      }
      const waiting = subscription.waiting ?? [];
      subscription.waiting = null;
      for (const change of waiting) this.#deliver(subscription, change);
      return { unsubscribe, cursor: subscription.cursor };
    } catch (error) {
      unsubscribe();
      throw error;
    }
  }

  /** Reads the log now (and again after, if a read is already running). */
  wake = (): void => {
    if (this.#subscriptions.size === 0) return;
    if (this.#reading) {
      this.#readAgain = true;
      return;
    }
    this.#reading = this.#read().finally(() => {
      this.#reading = null;
      if (this.#readAgain) {
        this.#readAgain = false;
        this.wake();
      }
    });
  };

  /** Ends every subscription (shutdown). */
  async close(): Promise<void> {
    this.#subscriptions.clear();
    this.#stop();
    await this.#reading;
  }

  async #read(): Promise<void> {
    try {
      for (;;) {
        if (this.#lastSeen < 0) return;
        const changes = await this.store.changesAfter(this.#lastSeen, 500);
        for (const change of changes) {
          this.#lastSeen = change.id;
          for (const subscription of this.#subscriptions) {
            if (subscription.waiting) subscription.waiting.push(change);
            else this.#deliver(subscription, change);
          }
        }
        if (changes.length < 500) return;
      }
    } catch (error) {
      // The store is away: the next wake or poll tries again, from the same place.
      console.error(`change feed: could not read the change log: ${error instanceof Error ? error.message : error}`);
    }
  }

  #deliver(subscription: Subscription, change: LoggedChange): void {
    if (change.id <= subscription.cursor) return;
    subscription.cursor = change.id;
    subscription.send(change);
  }

  /** Learns where the log is, then polls and listens while anyone subscribes. */
  #start(): Promise<void> {
    if (this.#started) return this.#started;
    const started: Promise<void> = this.store.changeLogBounds().then(
      ({ last }) => {
        if (this.#started !== started) return; // stopped meanwhile
        this.#lastSeen = last;
        this.#timer = setInterval(this.wake, this.pollMs);
        this.#timer.unref();
        this.#stopWatching = this.store.watchChanges(this.wake);
      },
      (error) => {
        if (this.#started === started) this.#started = null;
        throw error;
      },
    );
    this.#started = started;
    return started;
  }

  #stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    const stop = this.#stopWatching;
    this.#stopWatching = undefined;
    void stop?.();
    this.#started = null;
    this.#lastSeen = -1;
  }
}
