// Reads as a site's readers make them, while the newsroom writes: wrk asks for the newest 1,000
// stories on a Zipf curve (the first most, the 1,000th a thousandth as often), once with no writes,
// once with a live entry posted every 2 s to one story, once with a story published every 30 s.
// The figure that counts is each writing run's throughput as a ratio of the run without writes.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

export interface ZipfRun {
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  writes: number;
  /** Writes answered with anything but 2xx. */
  failedWrites: number;
}

const run = promisify(execFile);

/** The newest `count` story URLs, newest first. */
export async function newestStoryPaths(origin: string, count: number): Promise<string[]> {
  const paths: string[] = [];
  let cursor: string | null = null;
  while (paths.length < count) {
    const url = `${origin}/api/stories?limit=50${cursor ? `&cursor=${cursor}` : ""}`;
    const page = (await (await fetch(url)).json()) as { items: { slug: string }[]; nextCursor: string | null };
    paths.push(...page.items.map((story) => `/stories/${story.slug}`));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return paths.slice(0, count);
}

const toMs = (value: string, unit: string) => Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? 1);

/** wrk -t2 -c32 with gzip, each request's path drawn on a Zipf curve over `paths` (the first most). */
async function wrkZipf(origin: string, paths: string[], seconds: number, dir: string) {
  const script = join(dir, `zipf-${Math.random().toString(36).slice(2)}.lua`);
  writeFileSync(
    script,
    `local paths = { ${paths.map((p) => JSON.stringify(p)).join(", ")} }
local cdf, total = {}, 0
for i = 1, #paths do total = total + 1 / i; cdf[i] = total end
for i = 1, #paths do cdf[i] = cdf[i] / total end
math.randomseed(os.time() + math.floor(os.clock() * 1000000))
request = function()
  local r, lo, hi = math.random(), 1, #paths
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < r then lo = mid + 1 else hi = mid end
  end
  return wrk.format("GET", paths[lo])
end
`,
  );
  const { stdout } = await run(
    "wrk",
    ["-t2", "-c32", `-d${seconds}s`, "--latency", "-H", "accept-encoding: gzip", "-s", script, origin],
    { encoding: "utf8" },
  );
  if (/Non-2xx or 3xx responses/.test(stdout)) throw new Error(`wrk saw errors:\n${stdout}`);
  const at = (p: string) => {
    const match = new RegExp(`${p}%\\s+([\\d.]+)(us|ms|s)\\b`).exec(stdout);
    return match ? toMs(match[1] as string, match[2] as string) : Number.NaN;
  };
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN), p50: at("50"), p99: at("99") };
}

/** Runs `write` every `everyMs` (the first at once) until stopped; counts what it did. */
function writer(everyMs: number, write: () => Promise<Response>) {
  let writes = 0;
  let failed = 0;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    const response = await write().catch(() => undefined);
    writes += 1;
    if (!response?.ok) failed += 1;
    await response?.arrayBuffer().catch(() => undefined);
  };
  void tick();
  const timer = setInterval(tick, everyMs);
  return () => {
    stopped = true;
    clearInterval(timer);
    return { writes, failed };
  };
}

/** The three runs, on a server with the publishing token `adminToken`. */
export async function zipfReads(origin: string, adminToken: string, dir: string, seconds: number): Promise<ZipfRun[]> {
  const paths = await newestStoryPaths(origin, 1000);
  const send = (method: string, path: string, body: unknown) =>
    fetch(`${origin}${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const stamp = Date.now().toString(36);
  const draft = (headline: string, extra: Record<string, unknown> = {}) => ({
    headline,
    section: "city",
    authors: [{ slug: "bench-desk", name: "Bench Desk" }],
    tags: [],
    publishedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    body: [{ type: "paragraph", text: "Written by the bench while readers read." }],
    ...extra,
  });
  const live = `bench-live-${stamp}`;
  const created = await send("PUT", `/api/stories/${live}`, draft("The bench's live coverage", { live: true }));
  if (!created.ok) throw new Error(`bench: the live story answered ${created.status}: ${await created.text()}`);
  // The live story is one of the pages read, as a live story on a busy night is.
  const read = [paths[0] as string, `/stories/${live}`, ...paths.slice(1, -1)];
  // Unmeasured first: every process renders what it is asked for once, as a site's traffic would
  // have it before; otherwise the first run would measure the renders and the others the cache.
  await wrkZipf(origin, read, seconds, dir);

  const scenarios: [string, (() => () => { writes: number; failed: number }) | undefined][] = [
    ["no writes", undefined],
    [
      "a live entry every 2 s",
      () =>
        writer(2_000, () =>
          send("POST", `/api/stories/${live}/entries`, { body: [{ type: "paragraph", text: `At ${Date.now()}.` }] }),
        ),
    ],
    [
      "a story published every 30 s",
      () => {
        let n = 0;
        return writer(30_000, () => {
          n += 1;
          return send("PUT", `/api/stories/bench-story-${stamp}-${n}`, draft(`Bench story ${stamp} number ${n}`));
        });
      },
    ],
  ];
  const runs: ZipfRun[] = [];
  for (const [scenario, startWriting] of scenarios) {
    const stop = startWriting?.();
    const measured = await wrkZipf(origin, read, seconds, dir);
    const done = stop?.() ?? { writes: 0, failed: 0 };
    runs.push({ scenario, ...measured, writes: done.writes, failedWrites: done.failed });
  }
  return runs;
}
