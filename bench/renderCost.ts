// node bench/renderCost.ts [--store URL] [--builds DIST,DIST…] [--rounds N] [--seconds S] [--port P]
//   [--processes N] [--cpu-prof DIR]
// What a story page costs when it is rendered for every request: random story URLs on a server
// with nothing kept (RENDER_CACHE_MB=0), wrk -t2 -c32 with gzip as the bench asks, and for each run
// the server's CPU time (user + system, its processes from /proc) divided by the requests it
// answered, beside nginx serving the same bytes pre-compressed in the same minutes. CPU a request
// travels between machines and loads better than req/s; the ratio is the figure. With
// several builds (copies of dist/ inside this tree, so they find node_modules), they run side by
// side and take turns, round by round, so each comparison is made in the same minutes.
import { mkdirSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { percentile, wrk } from "./measure.ts";
import { copyForNginx, cpuSeconds, type Running, root, startDispatch, startNginx } from "./processes.ts";
import { newestStoryPaths } from "./zipf.ts";

const { values } = parseArgs({
  options: {
    store: { type: "string", default: `file:${join(root, "data/bench/seeded-100000.db")}` },
    builds: { type: "string", default: "dist" },
    rounds: { type: "string", default: "3" },
    seconds: { type: "string", default: "10" },
    port: { type: "string", default: "4400" },
    processes: { type: "string", default: "1" },
    "cpu-prof": { type: "string" },
  },
});
const builds = (values.builds ?? "dist").split(",");
const ROUNDS = Number(values.rounds);
const SECONDS = Number(values.seconds);
const PORT = Number(values.port);
const work = join(root, "data/bench");
mkdirSync(work, { recursive: true });

/** 200 story URLs drawn from the newest 3,000, as the bench draws them (the same seed each run). */
function sample(paths: string[], n: number): string[] {
  const copy = [...paths];
  let seed = 42;
  for (let i = copy.length - 1; i > 0; i--) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seed % (i + 1);
    [copy[i], copy[j]] = [copy[j] as string, copy[i] as string];
  }
  return copy.slice(0, n);
}

const running: Running[] = [];
try {
  const servers = [];
  for (const [i, dist] of builds.entries()) {
    const server = await startDispatch(
      PORT + 1 + i,
      values.store as string,
      { RENDER_CACHE_MB: "0", WEB_CONCURRENCY: values.processes as string },
      {
        main: join(dist, "server/main.js"),
        nodeOptions: values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${values["cpu-prof"]}`] : [],
      },
    );
    running.push(server);
    servers.push({ dist, server, runs: [] as { usPerRequest: number; rps: number; ratio: number }[] });
  }
  const first = servers[0]?.server as Running;
  const paths = sample(await newestStoryPaths(first.origin, 3000), 200);
  const copy = join(work, "render-cost-copy");
  await copyForNginx(first.origin, copy, paths);
  const nginx = await startNginx(PORT + 20, copy);
  running.push(nginx);

  // Unmeasured: each process compiles and warms what a render runs.
  for (const { server } of servers) wrk(server.origin, paths, 3, work);
  for (let round = 1; round <= ROUNDS; round++) {
    const line: string[] = [];
    for (const entry of servers) {
      const pid = entry.server.pid as number;
      const before = cpuSeconds(pid);
      const dispatch = wrk(entry.server.origin, paths, SECONDS, work);
      const cpu = cpuSeconds(pid) - before;
      const reference = wrk(nginx.origin, paths, SECONDS, work);
      const run = {
        usPerRequest: (cpu / dispatch.requests) * 1e6,
        rps: dispatch.rps,
        ratio: dispatch.rps / reference.rps,
      };
      entry.runs.push(run);
      line.push(
        `${entry.dist}: ${run.usPerRequest.toFixed(0)} µs a request, ${run.rps.toFixed(0)} req/s against nginx ${reference.rps.toFixed(0)} (${run.ratio.toFixed(4)}×)`,
      );
    }
    console.log(`round ${round} (load average ${loadavg()[0]?.toFixed(1)}): ${line.join("; ")}`);
  }
  for (const { dist, runs } of servers)
    console.log(
      `${dist}: median ${percentile(
        runs.map((r) => r.usPerRequest),
        50,
      ).toFixed(0)} µs of CPU a request, ${percentile(
        runs.map((r) => r.rps),
        50,
      ).toFixed(0)} req/s, ${percentile(
        runs.map((r) => r.ratio),
        50,
      ).toFixed(4)}× nginx`,
    );
} finally {
  for (const process of running.reverse()) await process.stop();
}
