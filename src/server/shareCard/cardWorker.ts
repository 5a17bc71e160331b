// A worker thread that draws share cards for cardPool.ts: satori's layout and resvg's painting run
// here, off the server's main thread. In: a card's facts; out: the PNG's bytes, transferred to the
// main thread rather than copied. The pool sends one card at a time.
import { parentPort, workerData } from "node:worker_threads";
import type { CardAnswer, CardJob, CardWorkerData } from "./cardFacts";
import { renderShareCard, shareCardContent } from "./ShareCard";

const port = parentPort;
if (!port) throw new Error("cardWorker runs as a worker thread: see cardPool.ts");
const { publicDir } = workerData as CardWorkerData;

const now = () => performance.timeOrigin + performance.now();

port.on("message", async ({ id, facts }: CardJob) => {
  const startedAt = now();
  try {
    const rendered = await renderShareCard(await shareCardContent(facts, publicDir));
    // resvg's buffer is native memory, which cannot be transferred: copied once, here, off the main thread.
    const png = new Uint8Array(rendered).buffer;
    port.postMessage({ id, png, startedAt, ms: now() - startedAt } satisfies CardAnswer, [png]);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ id, error: message } satisfies CardAnswer);
  }
});
