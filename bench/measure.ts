// Measuring: latency of sequential requests (p50/p99), throughput with wrk, and the table.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cpuSeconds } from "./processes.ts";

export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

export interface Latency {
  p50: number;
  p99: number;
  n: number;
  failures: number;
}

/** Requests each URL once, in order, one at a time (the bench's numbers are per request, not per load). */
export async function latency(origin: string, paths: string[]): Promise<Latency> {
  const times: number[] = [];
  let failures = 0;
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${origin}${path}`, { headers: { "accept-encoding": "gzip" } });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.status !== 200) failures += 1;
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length, failures };
}

export interface Throughput {
  rps: number;
  p99: number;
  /** Requests answered in the run. */
  requests: number;
  /** CPU time the server's processes used a request, in µs (when its process id was given). */
  cpuUs?: number;
}

/**
 * wrk -t2 -c32 for a few seconds, gzip accepted; with several paths, each connection picks them at random.
 * Given the server's process id, also its CPU a request: wrk shares the machine's cores with the server,
 * so requests a second move with whatever else runs, while the server's own CPU a request does not.
 */
export function wrk(origin: string, paths: string[], seconds: number, dir: string, pid?: number): Throughput {
  const script = join(dir, `paths-${Math.random().toString(36).slice(2)}.lua`);
  writeFileSync(
    script,
    `local paths = { ${paths.map((p) => JSON.stringify(p)).join(", ")} }
math.randomseed(os.time())
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
`,
  );
  const cpuBefore = pid === undefined ? 0 : cpuSeconds(pid);
  const out = execFileSync(
    "wrk",
    ["-t2", "-c32", `-d${seconds}s`, "--latency", "-H", "accept-encoding: gzip", "-s", script, origin],
    { encoding: "utf8" },
  );
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
  const p99 = /99%\s+([\d.]+)(us|ms|s)\b/.exec(out);
  const unit: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };
  const p99ms = p99 ? Number(p99[1]) * (unit[p99[2] ?? "ms"] ?? 1) : Number.NaN;
  if (/Non-2xx or 3xx responses/.test(out)) throw new Error(`wrk saw errors:\n${out}`);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? Number.NaN);
  if (pid === undefined) return { rps, p99: p99ms, requests };
  return { rps, p99: p99ms, requests, cpuUs: ((cpuSeconds(pid) - cpuBefore) * 1e6) / requests };
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 1 : 0)} ms` : "—");
export const micros = (value: number | undefined) =>
  value !== undefined && Number.isFinite(value) ? `${value.toFixed(0)} µs` : "—";

/** A Markdown table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
