// A worker thread that draws share cards for cardPool.ts: satori's layout and resvg's painting run
// here, off the server's main thread, at a lower OS priority than it. In: a card's facts (and a
// shape); out: the PNG's bytes, transferred to the main thread rather than copied. The pool sends
// one card at a time.
import { readlinkSync } from "node:fs";
import { constants, setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { CardAnswer, CardJob, CardWorkerData } from "./cardFacts";
import { renderShareCard, shareCardContent } from "./ShareCard";

const port = parentPort;
if (!port) throw new Error("cardWorker runs as a worker thread: see cardPool.ts");
const { publicDir } = workerData as CardWorkerData;

const now = () => performance.timeOrigin + performance.now();

/**
 * Cards give way to pages (docs/decisions/024): this thread runs at nice 10, so that the main
 * thread takes a core first whenever it has a request, yet a card still gets a share of a busy
 * machine (at 19 it got next to none, and a crawler's card could wait past its timeout). Linux
 * keeps a priority per thread, and /proc/thread-self names this one; elsewhere, or where the
 * priority cannot be set, the thread keeps the process's.
 */
function giveWay(): void {
  try {
    const thread = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (thread > 0) setPriority(thread, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // No /proc, or a system that will not lower it: the card is drawn all the same.
  }
}
giveWay();

port.on("message", async ({ id, facts, shape }: CardJob) => {
  const startedAt = now();
  try {
    const rendered = await renderShareCard(await shareCardContent(facts, publicDir), shape);
    // resvg's buffer is native memory, which cannot be transferred: copied once, here, off the main thread.
    const png = new Uint8Array(rendered).buffer;
    port.postMessage({ id, png, startedAt, ms: now() - startedAt } satisfies CardAnswer, [png]);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ id, error: message } satisfies CardAnswer);
  }
});
