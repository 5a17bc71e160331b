// node bench/requestInstructions.ts [--store URL] [--main dist/server/main.js] [--requests N]
//   [--port P] [--out FILE] [-- NODE_FLAGS…]
// Instructions a random uncached story page costs the server over HTTP, which a loaded machine
// does not blur as it blurs CPU time: the built server (one process, RENDER_CACHE_MB=0) runs under
// callgrind with counting off; 200 story URLs (the newest) are each asked twice, unmeasured, then
// counting is switched on for N requests (16 at a time, gzip) and off again. Everything the
// process does for them is counted: Node's HTTP, Fastify, the render, SQLite, gzip, the garbage
// collector (with --single-threaded, its work and the compiler's are on the counted thread).
//   node bench/requestInstructions.ts -- --single-threaded
//   callgrind_annotate --inclusive=yes data/bench/request-instructions.out | less
// The total over N is the figure; callgrind_annotate names the native parts (SQLite, zlib, V8's
// builtins and collector), not the JavaScript V8 compiled (use renderCost.ts --cpu-prof for that).
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { root } from "./processes.ts";
import { newestStoryPaths } from "./zipf.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    store: { type: "string", default: `file:${join(root, "data/bench/seeded-100000.db")}` },
    main: { type: "string", default: "dist/server/main.js" },
    requests: { type: "string", default: "400" },
    port: { type: "string", default: "4470" },
    out: { type: "string", default: join(root, "data/bench/request-instructions.out") },
  },
});
const port = Number(values.port);
const origin = `http://127.0.0.1:${port}`;
const out = values.out as string;
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
      RENDER_CACHE_MB: "0",
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
const paths = (await newestStoryPaths(origin, 3000)).slice(0, 200);
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
await ask([...paths, ...paths]);
const N = Number(values.requests);
counting(true);
await ask(Array.from({ length: N }, (_, i) => paths[i % paths.length] as string));
counting(false);
server.kill("SIGTERM");
await new Promise((exited) => server.on("exit", exited));
const total = Number(/^totals: (\d+)/m.exec(readFileSync(out, "utf8"))?.[1]);
console.log(`${(total / N / 1e6).toFixed(3)} M instructions a request over ${N} requests (${out})`);
