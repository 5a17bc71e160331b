// node bench/requestInstructions.ts [--store URL] [--main dist/server/main.js] [--requests N]
//   [--kept PATH] [--port P] [--out FILE] [-- NODE_FLAGS…]
// Instructions a random uncached story page costs the server over HTTP, which a loaded machine
// does not blur as it blurs CPU time: the built server (one process, RENDER_CACHE_MB=0) runs under
// callgrind with counting off; 200 story URLs (the newest) are each asked twice, unmeasured, then
// counting is switched on for N requests (16 at a time, gzip) and off again. Everything the
// process does for them is counted: Node's HTTP, Fastify, the render, SQLite, gzip, the garbage
// collector (with --single-threaded, its work and the compiler's are on the counted thread).
//   node bench/requestInstructions.ts -- --single-threaded
//   callgrind_annotate --inclusive=yes data/bench/request-instructions.out | less
// With --kept PATH, one kept answer instead, as the bench's one-URL and story-JSON rows ask it: the
// answer cache is on (RENDER_CACHE_MB unset: its default, 64), PATH is asked 2,000 times
// unmeasured (kept at the first, sent before Fastify after: http/answerFirst.ts), then N times
// counted, 16 at a time, gzip. Either way the count starts once the server is idle (a fresh
// server derives pictures for its first minute under callgrind). --main may name another
// checkout's build, so two commits compare on one store and one story:
//   node bench/requestInstructions.ts --kept /api/stories/SLUG --requests 1000 \
//     --main ../other/dist/server/main.js -- --single-threaded
// A kept answer's count still holds V8 optimizing after 2,000 requests (a third or more of it):
// compare builds part by part (Compiler::CompileOptimized apart), not by the total alone.
// The total over N is the figure; callgrind_annotate names the native parts (SQLite, zlib, V8's
// builtins and collector), not the JavaScript V8 compiled (use renderCost.ts --cpu-prof for that).
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { cpuSeconds, root } from "./processes.ts";
import { newestStoryPaths } from "./zipf.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    store: { type: "string", default: `file:${join(root, "data/bench/seeded-100000.db")}` },
    main: { type: "string", default: "dist/server/main.js" },
    requests: { type: "string", default: "400" },
    kept: { type: "string" },
    port: { type: "string", default: "4470" },
    out: { type: "string", default: join(root, "data/bench/request-instructions.out") },
  },
});
const port = Number(values.port);
const origin = `http://127.0.0.1:${port}`;
const out = values.out as string;
const kept = values.kept;
/** How often a kept answer is asked before counting: it is kept at the first, then sent before Fastify. */
const WARM_KEPT = 2000;
// vgdb, which callgrind_control talks through, names its pipes by USER and HOST: the same on both sides.
const control = { ...process.env, USER: process.env.USER ?? "root", LOGNAME: process.env.LOGNAME ?? "root" };
const server = spawn(
  "valgrind",
  [
    "--tool=callgrind",
    "--instr-atstart=no",
    `--callgrind-out-file=${out}`,
    process.execPath,
    ...positionals,
    values.main as string,
  ],
  {
    cwd: root,
    env: {
      ...control,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: origin,
      DATABASE_URL: values.store,
      WEB_CONCURRENCY: "1",
      LOG_REQUESTS: "0",
      RATE_LIMITS: "0",
      // Empty is unset (config.ts): the default cache.
      RENDER_CACHE_MB: kept === undefined ? "0" : "",
      NODE_ENV: "",
    },
    stdio: "ignore",
  },
);
const counting = (on: boolean) =>
  execFileSync("callgrind_control", ["-i", on ? "on" : "off", String(server.pid)], {
    env: { ...control, HOST: "127.0.0.1" },
    stdio: "ignore",
  });

for (;;) {
  try {
    if ((await fetch(`${origin}/readyz`)).ok) break;
  } catch {}
  await new Promise((wait) => setTimeout(wait, 500));
}
const paths = kept === undefined ? (await newestStoryPaths(origin, 3000)).slice(0, 200) : [kept];
async function ask(list: string[]) {
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < list.length) {
        const path = list[next++] as string;
        const response = await fetch(origin + path, { headers: { "accept-encoding": "gzip" } });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${response.status} for ${path}`);
      }
    }),
  );
}
await ask(kept === undefined ? [...paths, ...paths] : Array.from({ length: WARM_KEPT }, () => kept));
// A fresh server derives the newest stories' pictures for its first minute under callgrind (and
// V8 compiles what it ran): a kept answer's few hundred requests are over long before, so the
// count waits until the server has used under 0.05 s of CPU in a second.
for (let before = cpuSeconds(server.pid as number); ; ) {
  await new Promise((wait) => setTimeout(wait, 1000));
  const now = cpuSeconds(server.pid as number);
  if (now - before < 0.05) break;
  before = now;
}
const N = Number(values.requests);
counting(true);
await ask(Array.from({ length: N }, (_, i) => paths[i % paths.length] as string));
counting(false);
server.kill("SIGTERM");
await new Promise((exited) => server.on("exit", exited));
const total = Number(/^totals: (\d+)/m.exec(readFileSync(out, "utf8"))?.[1]);
console.log(`${(total / N / 1e6).toFixed(3)} M instructions a request over ${N} requests (${out})`);
