// A reader's long session in one tab of Chromium under the service worker, with the back/forward
// cache on: the sequence the browser test runs (e2e/longSession.ts: 30 full page loads, reloads
// and back/forward moves), its slowest load, and the change streams the server holds at the end
// (a reader's browser should hold one; docs/decisions/022).
import { rmSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { chromiumArgs } from "../e2e/chromium.ts";
import { longSession } from "../e2e/longSession.ts";
import { ms, percentile } from "./measure.ts";
import { startDispatch } from "./processes.ts";

export interface LongSessionFigures {
  /** Loads timed (30 unless one never came). */
  loads: number;
  p50: number;
  slowest: number;
  slowestMove: string;
  /** Moves shown from the back/forward cache. */
  restored: number;
  /** Streams the server held once the session was over. */
  openStreams: number;
  /** The move whose page never came (within 10 s), if one did not. */
  failure?: string;
}

export async function measureLongSession(
  executablePath: string,
  work: string,
  port: number,
): Promise<LongSessionFigures> {
  const file = join(work, "long-session.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  // One process, so that /healthz counts every stream the server holds.
  const server = await startDispatch(port, `file:${file}`, { WEB_CONCURRENCY: "1" });
  // Playwright turns the back/forward cache off unless told not to; a reader's Chromium has it.
  const browser = await chromium.launch({
    executablePath,
    args: chromiumArgs,
    ignoreDefaultArgs: ["--disable-back-forward-cache"],
  });
  try {
    const { items } = (await (await fetch(`${server.origin}/api/stories?limit=6`)).json()) as {
      items: { slug: string }[];
    };
    const page = await browser.newPage();
    let loads: { move: string; ms: number }[] = [];
    let restored = 0;
    let failure: string | undefined;
    try {
      ({ loads, restored } = await longSession(
        page,
        server.origin,
        items.map((story) => story.slug),
      ));
    } catch (error) {
      failure = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    }
    // Once the last page's stream is open, the one before it has closed within a moment.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const health = (await (await fetch(`${server.origin}/healthz`)).json()) as { eventStreams: number };
    const slowest = loads.reduce((worst, load) => (load.ms > worst.ms ? load : worst), {
      move: "—",
      ms: Number.NEGATIVE_INFINITY,
    });
    return {
      loads: loads.length,
      p50: percentile(
        loads.map((load) => load.ms),
        50,
      ),
      slowest: slowest.ms,
      slowestMove: slowest.move,
      restored,
      openStreams: health.eventStreams,
      ...(failure ? { failure } : {}),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** The bench's line for it. */
export function longSessionLine(figures: LongSessionFigures): string {
  const loads = `${figures.loads} loads, reloads and back/forward moves (${figures.restored} from the back/forward cache)`;
  const result = figures.failure
    ? `a page never came: ${figures.failure}`
    : `p50 ${ms(figures.p50)}, slowest ${ms(figures.slowest)} (${figures.slowestMove})`;
  return `A reader's long session in one tab under the service worker (Chromium), ${loads}: ${result}; event streams the server held at the end: ${figures.openStreams}.`;
}
