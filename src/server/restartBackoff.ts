// When the cluster primary starts a server process again after one died: at once the first time,
// then after waits that double up to a bound, so a process that cannot start (its database
// refusing connections, say) is not started 22 times in 5 s; once a process has lived a while,
// the next death is a first one again.

export interface RestartPolicy {
  /** The wait after the second death in a row; each later one doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long a process must have lived for its death to start the count again. */
  healthyAfterMs: number;
}

export const RESTART_POLICY: RestartPolicy = { firstDelayMs: 500, maxDelayMs: 30_000, healthyAfterMs: 60_000 };

export class RestartBackoff {
  #deathsInARow = 0;

  constructor(private readonly policy: RestartPolicy = RESTART_POLICY) {}

  /** How long to wait before starting a process in place of one that died after living `livedMs`. */
  next(livedMs: number): number {
    const { firstDelayMs, maxDelayMs, healthyAfterMs } = this.policy;
    if (livedMs >= healthyAfterMs) this.#deathsInARow = 0;
    const delay = this.#deathsInARow === 0 ? 0 : Math.min(firstDelayMs * 2 ** (this.#deathsInARow - 1), maxDelayMs);
    this.#deathsInARow += 1;
    return delay;
  }
}
