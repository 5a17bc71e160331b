// A share-card flood against story pages (issue 19, part 5): one client asks for cards not drawn yet
// (`/og/<slug>.png?v=N`, a story of its own each time) on 16 connections, as fast as the server
// answers, while another client times story pages and a third, a crawler, asks for cards of stories
// the flood leaves alone. The server runs as an operator runs it: one process, per-client limits and
// the request log on, on a store of a few thousand stories (so that the flood never runs out of
// cards to ask for). Target: the page's p50 during the flood stays within 4× its idle p50 + 25 ms.
//
//   node bench/cardFlood.ts [--runs N] [--seconds S] [--port P] [--root DIR]
//
// Alone, it seeds 2,000 stories into a file under the temporary folder once and reuses it. --root
// runs another build (a folder with dist/, content/, public/, node_modules/), so that a change can
// be measured against the build before it, in alternating runs on a shared machine.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { Agent, get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ms, percentile } from "./measure.ts";
import { root as benchRoot } from "./processes.ts";

const CONNECTIONS = 16;
/** Stories the flood asks cards of: more than it can be refused in a run. */
const FLOODED = 1000;

export interface CardFloodResult {
  idleP50: number;
  floodP50: number;
  /** 4 × idle p50 + 25 ms: the flood p50 must stay under it. */
  target: number;
  pages: number;
  /** The flood's answers by status. */
  answers: Record<string, number>;
  /** A crawler's cards (another client, stories the flood leaves alone): idle, and during the flood. */
  crawlerIdleMs: number[];
  crawlerFloodMs: number[];
}

/** A GET from a loopback address of its own (127.0.0.N is one client each), timed to its last byte. */
function timedGet(agent: Agent, url: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { agent, headers: { "accept-encoding": "gzip" } }, (response) => {
      response.resume();
      response.on("end", () => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0 }));
    }).on("error", reject);
  });
}

const client = (address: string) => new Agent({ keepAlive: true, maxSockets: 1, localAddress: address });

/** A store of 2,000 seeded stories under the temporary folder, seeded the first time. */
function seededStore(): string {
  const file = join(tmpdir(), "dispatch-card-flood-2000.db");
  if (!existsSync(file)) {
    const seeding = spawnSync("npm", ["run", "--silent", "seed", "--", "--stories", "2000"], {
      cwd: benchRoot,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (seeding.status !== 0) throw new Error(`seeding ${file} failed`);
  }
  return `file:${file}`;
}

async function startServer(buildRoot: string, port: number, databaseUrl: string) {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["dist/server/main.js"], {
    cwd: buildRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: origin,
      DATABASE_URL: databaseUrl,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${origin}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || tries > 400) throw new Error(`${origin} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { origin, stop };
}

/** wrk on 16 connections over the flood's card URLs, counting answers by status. */
function wrkScript(paths: string[], dir: string): string {
  const script = join(dir, `card-flood-${process.pid}.lua`);
  writeFileSync(
    script,
    `local paths = { ${paths.map((p) => JSON.stringify(p)).join(", ")} }
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init() n = 0; counts = {} end
request = function()
  n = n + 1
  return wrk.format("GET", paths[math.random(#paths)] .. "?v=" .. n)
end
response = function(status) counts[status] = (counts[status] or 0) + 1 end
done = function()
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("counts")) do total[status] = (total[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(total) do table.insert(parts, status .. "=" .. count) end
  io.write("answers " .. table.concat(parts, " ") .. "\\n")
end
`,
  );
  return script;
}

/** Slugs of the newest stories, `count` of them at most. */
async function newestSlugs(origin: string, count: number): Promise<string[]> {
  const slugs: string[] = [];
  let cursor: string | null = null;
  do {
    const page = (await (
      await fetch(`${origin}/api/stories?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`)
    ).json()) as {
      items: { slug: string }[];
      nextCursor: string | null;
    };
    slugs.push(...page.items.map((story) => story.slug));
    cursor = page.nextCursor;
  } while (cursor && slugs.length < count);
  return slugs.slice(0, count);
}

/**
 * One run on a fresh server (so no card is drawn yet): idle pages, then pages during the flood.
 * `databaseUrl` names a store with more than a thousand stories (by default, one seeded here).
 */
export async function cardFlood(
  options: { root?: string; port?: number; seconds?: number; databaseUrl?: string } = {},
): Promise<CardFloodResult> {
  const { root = benchRoot, port = 3996, seconds = 10 } = options;
  const dir = tmpdir();
  const server = await startServer(root, port, options.databaseUrl ?? seededStore());
  const pages = client("127.0.0.2");
  const crawler = client("127.0.0.3");
  try {
    const slugs = await newestSlugs(server.origin, FLOODED + 20);
    if (slugs.length < FLOODED + 20) throw new Error(`the card flood needs a store of ${FLOODED + 20} stories or more`);
    const [crawled, read, flooded] = [slugs.slice(0, 4), slugs.slice(4, 20), slugs.slice(20)];
    const storyUrls = read.map((slug) => `${server.origin}/stories/${slug}`);

    // Idle: each page once to keep it, then pages one at a time; a crawler's first cards.
    for (const url of storyUrls) await timedGet(pages, url);
    const idle: number[] = [];
    for (let i = 0; i < 200; i++) idle.push((await timedGet(pages, storyUrls[i % storyUrls.length] as string)).ms);
    const crawlerIdleMs: number[] = [];
    for (const slug of crawled.slice(0, 2))
      crawlerIdleMs.push((await timedGet(crawler, `${server.origin}/og/${slug}.png`)).ms);

    // The flood, and pages (and the crawler's other cards) timed while it runs.
    const script = wrkScript(
      flooded.map((slug) => `/og/${slug}.png`),
      dir,
    );
    const wrk = spawn("wrk", ["-t2", `-c${CONNECTIONS}`, `-d${seconds}s`, "-s", script, server.origin], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let wrkOut = "";
    wrk.stdout.on("data", (chunk) => {
      wrkOut += chunk;
    });
    const wrkDone = new Promise((resolve) => wrk.once("exit", resolve));
    const floodStart = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during: number[] = [];
    const crawlerFloodMs: number[] = [];
    const crawling = (async () => {
      for (const slug of crawled.slice(2)) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        crawlerFloodMs.push((await timedGet(crawler, `${server.origin}/og/${slug}.png`)).ms);
      }
    })();
    let i = 0;
    while (performance.now() - floodStart < seconds * 1000 - 500)
      during.push((await timedGet(pages, storyUrls[i++ % storyUrls.length] as string)).ms);
    await crawling;
    await wrkDone;
    rmSync(script, { force: true });
    const answers = Object.fromEntries(
      (/answers (.*)/.exec(wrkOut)?.[1] ?? "")
        .split(" ")
        .filter(Boolean)
        .map((pair) => pair.split("=") as [string, string])
        .map(([status, count]) => [status, Number(count)]),
    );
    const idleP50 = percentile(idle, 50);
    return {
      idleP50,
      floodP50: percentile(during, 50),
      target: 4 * idleP50 + 25,
      pages: during.length,
      answers,
      crawlerIdleMs,
      crawlerFloodMs,
    };
  } finally {
    pages.destroy();
    crawler.destroy();
    await server.stop();
  }
}

export function describeCardFlood(r: CardFloodResult): string {
  const answers = Object.entries(r.answers)
    .map(([status, count]) => `${count} × ${status}`)
    .join(", ");
  return (
    `story page p50 idle ${ms(r.idleP50)}, during the flood ${ms(r.floodP50)} (${r.pages} pages; ` +
    `target ≤ ${ms(r.target)}: ${r.floodP50 <= r.target ? "met" : "missed"}); flood answers ${answers}; ` +
    `a crawler's cards idle ${r.crawlerIdleMs.map(ms).join(", ")}, during the flood ${r.crawlerFloodMs.map(ms).join(", ")}`
  );
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "1" },
      seconds: { type: "string", default: "10" },
      root: { type: "string", default: benchRoot },
      port: { type: "string", default: "3996" },
    },
  });
  execFileSync("sh", ["-c", "command -v wrk"], { stdio: "ignore" });
  for (let run = 0; run < Number(values.runs); run++) {
    const result = await cardFlood({ root: values.root, port: Number(values.port), seconds: Number(values.seconds) });
    console.log(`${values.root}: ${describeCardFlood(result)}`);
  }
}
