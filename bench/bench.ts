// npm run bench [-- --stories N] [--quick]: Dispatch measured as an operator runs it, on the demo
// store and on a big seeded one (SQLite; PostgreSQL too when DATABASE_URL or TEST_DATABASE_URL
// names one), against nginx serving the same bytes in the same run. Prints one Markdown table per
// part; docs/performance.md keeps the figures with the date, the machine and what each change bought.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { findChromium } from "../e2e/chromium.ts";
import { lighthouseMobile, prefetchedNavigation } from "./browser.ts";
import { cardFlood, describeCardFlood } from "./cardFlood.ts";
import { longSessionLine, measureLongSession } from "./longSession.ts";
import { type Latency, latency, micros, ms, percentile, type Throughput, table, wrk } from "./measure.ts";
import { copyForNginx, hasCommand, type Running, root, startDispatch, startNginx } from "./processes.ts";
import { changeLatency, type IdleStreams, idleStreams } from "./streams.ts";
import { type ZipfRun, zipfReads } from "./zipf.ts";

const { values } = parseArgs({
  options: { stories: { type: "string", default: "100000" }, quick: { type: "boolean", default: false } },
});
const BIG = Number(values.stories);
const QUICK = values.quick;
const SAMPLE = QUICK ? 40 : 200;
const WRK_SECONDS = QUICK ? 3 : 10;
// Lighthouse's LCP moves by a few hundred ms from run to run on a shared machine: the median of five.
const LIGHTHOUSE_RUNS = 5;
const ADMIN_TOKEN = "bench-admin-token-0123456789abcdef01234567";
const work = join(root, "data/bench");
mkdirSync(work, { recursive: true });

const missing: string[] = [];
const chromiumPath = findChromium();
if (!hasCommand("wrk")) missing.push("wrk (apt-get install -y wrk): no throughput figures");
if (!hasCommand("nginx")) missing.push("nginx (apt-get install -y nginx-light): no ratios to nginx, no static copy");
if (!chromiumPath) missing.push("Chromium (apt-get install -y chromium): no browser figures");
for (const line of missing) console.log(`bench: missing ${line}`);

if (!existsSync(join(root, "dist/server/main.js")))
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });

// ---- Stores

const postgresServer = [process.env.DATABASE_URL, process.env.TEST_DATABASE_URL].find((url) =>
  url?.startsWith("postgres"),
);

function seed(databaseUrl: string, stories: number) {
  const started = performance.now();
  const run = spawnSync("npm", ["run", "--silent", "seed", "--", "--stories", String(stories)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (run.status !== 0) throw new Error(`seeding ${databaseUrl} failed`);
  return (performance.now() - started) / 1000;
}

async function postgresSchema(server: string, schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(`create schema if not exists ${schema}`);
  await client.end();
  const url = new URL(server);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return url.href;
}

interface Store {
  name: string;
  url: string;
}

const demoFile = join(work, "demo.db");
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${demoFile}${suffix}`, { force: true });
const stores: Store[] = [
  { name: "SQLite, demo (14)", url: `file:${demoFile}` },
  { name: `SQLite, ${BIG.toLocaleString("en")}`, url: `file:${join(work, `seeded-${BIG}.db`)}` },
];
if (postgresServer)
  stores.push({
    name: `PostgreSQL, ${BIG.toLocaleString("en")}`,
    url: await postgresSchema(postgresServer, `bench_${BIG}`),
  });
const seedSeconds: Record<string, number> = {};
for (const store of stores.slice(1)) seedSeconds[store.name] = seed(store.url, BIG);

// ---- Samples of what readers ask for

interface Samples {
  stories: string[];
  tags: string[];
  authors: string[];
  sections: string[];
  deepCursor?: string;
}

async function samples(origin: string): Promise<Samples> {
  const slugs: string[] = [];
  let cursor: string | null = null;
  let deepCursor: string | undefined;
  for (let page = 0; page < (QUICK ? 10 : 60); page++) {
    const list = (await (await fetch(`${origin}/api/stories?limit=50${cursor ? `&cursor=${cursor}` : ""}`)).json()) as {
      items: { slug: string }[];
      nextCursor: string | null;
    };
    slugs.push(...list.items.map((s) => s.slug));
    cursor = list.nextCursor;
    if (cursor) deepCursor = cursor;
    if (!cursor) break;
  }
  const picked = shuffle(slugs).slice(0, SAMPLE);
  const tags = new Set<string>();
  const authors = new Set<string>();
  for (const slug of picked.slice(0, 30)) {
    const response = await fetch(`${origin}/api/stories/${slug}`);
    if (response.status !== 200)
      throw new Error(`/api/stories/${slug} answered ${response.status}: ${await response.text()}`);
    const story = (await response.json()) as { tags: { slug: string }[]; authors: { slug: string }[] };
    for (const tag of story.tags) tags.add(tag.slug);
    for (const author of story.authors) authors.add(author.slug);
  }
  const sections = ((await (await fetch(`${origin}/api/sections`)).json()) as { slug: string }[]).map((s) => s.slug);
  return { stories: picked, tags: [...tags], authors: [...authors], sections, ...(deepCursor ? { deepCursor } : {}) };
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  let seedValue = 42;
  for (let i = copy.length - 1; i > 0; i--) {
    seedValue = (seedValue * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = seedValue % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

const cycle = (items: string[], n: number) => Array.from({ length: n }, (_, i) => items[i % items.length] as string);
const SEARCH_WORDS = ["harbour", "council", "storm", "ferry", "market", "school", "river", "budget", "festival"];

// ---- Per store: latency by kind, publishing cost, and (on the first two) throughput and browser figures

interface StoreResult {
  latency: [string, Latency][];
  publishMs: Latency;
  throughput?: [string, Throughput, Throughput | undefined][];
  navigation?: Awaited<ReturnType<typeof prefetchedNavigation>>;
  /** Zipf reads of the newest 1,000 stories with no writes, a live entry every 2 s, a story every 30 s. */
  zipf?: ZipfRun[];
  lighthouse?: {
    story: Awaited<ReturnType<typeof lighthouseMobile>>;
    copy?: Awaited<ReturnType<typeof lighthouseMobile>>;
  };
}

async function publishCost(origin: string, related: { slug: string; headline: string }[]): Promise<Latency> {
  const times: number[] = [];
  const stamp = Date.now().toString(36);
  const count = QUICK ? 10 : 40;
  for (let i = 0; i < count; i++) {
    const slug = `bench-${stamp}-${i}`;
    const body = {
      headline: `Bench story ${stamp} number ${i} about the harbour`,
      section: "city",
      authors: [{ slug: "bench-desk", name: "Bench Desk" }],
      tags: [{ slug: "bench", name: "Bench" }],
      publishedAt: "2020-01-01T00:00:00.000Z",
      updatedAt: "2020-01-01T00:00:00.000Z",
      body: [
        { type: "paragraph", text: "A story the bench publishes and removes again." },
        ...related
          .slice(i % related.length, (i % related.length) + 2)
          .map((r) => ({ type: "related", headline: r.headline })),
      ],
    };
    const started = performance.now();
    const response = await fetch(`${origin}/api/stories/${slug}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    times.push(performance.now() - started);
    if (response.status !== 201) throw new Error(`publishing answered ${response.status}: ${await response.text()}`);
  }
  for (let i = 0; i < count; i++)
    await fetch(`${origin}/api/stories/bench-${stamp}-${i}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
  return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length, failures: 0 };
}

async function measureStore(store: Store, index: number): Promise<StoreResult> {
  const port = 3800 + index * 10;
  const server = await startDispatch(port, store.url, { ADMIN_TOKEN });
  const running: Running[] = [server];
  try {
    const origin = server.origin;
    const s = await samples(origin);
    const storyPaths = s.stories.map((slug) => `/stories/${slug}`);
    const result: StoreResult = {
      latency: [
        ["story page", await latency(origin, storyPaths)],
        ["story page, again (kept)", await latency(origin, storyPaths.slice(0, 50))],
        [
          "story JSON",
          await latency(
            origin,
            s.stories.map((slug) => `/api/stories/${slug}`),
          ),
        ],
        [
          "section page",
          await latency(
            origin,
            cycle(s.sections, 20).map((x, i) => `/sections/${x}?v=${i}`),
          ),
        ],
        [
          "tag list (API)",
          await latency(
            origin,
            s.tags.map((x) => `/api/stories?tag=${x}`),
          ),
        ],
        [
          "author list (API)",
          await latency(
            origin,
            s.authors.map((x) => `/api/stories?author=${x}`),
          ),
        ],
        [
          "newest, deep page (API)",
          await latency(
            origin,
            s.deepCursor
              ? cycle([`/api/stories?cursor=${s.deepCursor}`], 20).map((p, i) => `${p}&limit=${20 + (i % 5)}`)
              : [],
          ),
        ],
        [
          "search (API)",
          await latency(
            origin,
            SEARCH_WORDS.flatMap((w) => [`/api/search?q=${w}`, `/api/search?q=${w}+the`]),
          ),
        ],
        [
          "search page",
          await latency(
            origin,
            SEARCH_WORDS.map((w) => `/search?q=${w.slice(0, 4)}`),
          ),
        ],
        [
          "most read (API)",
          await latency(
            origin,
            cycle(["/api/most-read"], 10).map((p, i) => `${p}?v=${i}`),
          ),
        ],
        ["/feed.xml", await latency(origin, cycle(["/feed.xml"], 10))],
        ["/sitemap.xml", await latency(origin, cycle(["/sitemap.xml"], 5))],
        ["/news-sitemap.xml", await latency(origin, cycle(["/news-sitemap.xml"], 5))],
      ],
      publishMs: await publishCost(
        origin,
        await Promise.all(
          s.stories
            .slice(0, 10)
            .map(
              async (slug) =>
                (await (await fetch(`${origin}/api/stories/${slug}`)).json()) as { slug: string; headline: string },
            ),
        ),
      ),
    };
    if (index <= 1 && hasCommand("wrk")) {
      const nginxDir = join(work, `copy-${index}`);
      const one = storyPaths[0] as string;
      const json = `/api/stories/${s.stories[0]}`;
      let nginx: Running | undefined;
      if (hasCommand("nginx")) {
        await copyForNginx(origin, nginxDir, [one, ...storyPaths, json]);
        nginx = await startNginx(port + 5, nginxDir);
        running.push(nginx);
      }
      const pair = (
        name: string,
        paths: string[],
        copies: string[],
        at: Running = server,
      ): [string, Throughput, Throughput | undefined] => [
        name,
        wrk(at.origin, paths, WRK_SECONDS, work, at.pid),
        nginx ? wrk(nginx.origin, copies, WRK_SECONDS, work, nginx.pid) : undefined,
      ];
      // Every request rendered: the same server with nothing kept.
      const uncached = await startDispatch(port + 7, store.url, { RENDER_CACHE_MB: "0" });
      running.push(uncached);
      // Warm the kept answers the way a site's traffic would before measuring the one-URL case.
      await latency(origin, [one, json]);
      // Unmeasured, as renderCost.ts does: the uncached server's processes compile what a render
      // runs. A just-started server's first 10 s cost 1.5-1.6x the CPU a page of the next 10 s
      // (5,079 against 3,089-3,327 us, the 100k store, 2026-12-07): measured cold, the figure was
      // the server's start, not its rendering.
      wrk(uncached.origin, storyPaths, 3, work);
      result.throughput = [
        pair("one story URL, again and again", [one], [one]),
        pair(
          `random story URLs (${storyPaths.length}), each rendered (RENDER_CACHE_MB=0)`,
          storyPaths,
          storyPaths,
          uncached,
        ),
        pair("story JSON", [json], [`${json}.json`]),
      ];
    }
    // The reads of a news site while its newsroom writes, on the big stores.
    if (index >= 1 && hasCommand("wrk")) result.zipf = await zipfReads(origin, ADMIN_TOKEN, work, QUICK ? 8 : 40);
    if (index <= 1 && chromiumPath) {
      result.navigation = await prefetchedNavigation(chromiumPath, origin, s.stories.slice(0, QUICK ? 3 : 10));
      if (index === 1) {
        const story = `${origin}${storyPaths[0]}`;
        const copyDir = join(work, "static-copy");
        let copy: Awaited<ReturnType<typeof lighthouseMobile>> | undefined;
        if (hasCommand("nginx")) {
          // A static copy of the same HTML without its scripts, with the site's files beside it.
          rmSync(copyDir, { recursive: true, force: true });
          execFileSync("cp", ["-r", join(root, "dist/client"), copyDir]);
          const html = (await (await fetch(story)).text())
            .replace(/<script(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script>/g, "")
            .replace(/<link rel="modulepreload"[^>]*>/g, "");
          writeFileSync(join(copyDir, "story.html"), html);
          // And the renditions of its pictures (derived by Dispatch on request, so not in dist/client).
          for (const path of new Set(html.match(/\/img\/[^\s"',]+/g) ?? [])) {
            const file = join(copyDir, path);
            mkdirSync(dirname(file), { recursive: true });
            writeFileSync(file, Buffer.from(await (await fetch(`${origin}${path}`)).arrayBuffer()));
          }
          const nginx = await startNginx(port + 6, copyDir);
          running.push(nginx);
          copy = await lighthouseMobile(chromiumPath, `${nginx.origin}/story.html`, QUICK ? 1 : LIGHTHOUSE_RUNS);
        }
        result.lighthouse = {
          story: await lighthouseMobile(chromiumPath, story, QUICK ? 1 : LIGHTHOUSE_RUNS),
          ...(copy ? { copy } : {}),
        };
      }
    }
    return result;
  } finally {
    for (const process of running.reverse()) await process.stop();
  }
}

// ---- The change stream: idle streams' memory, and a change's way from one server to another's reader

const STREAMS = QUICK ? 2_000 : 10_000;
const EDITS = QUICK ? 20 : 100;

async function measureStreams(): Promise<{ idle: IdleStreams; latency: [string, Latency][] }> {
  const file = join(work, "events.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  const running: Running[] = [];
  try {
    // One process (WEB_CONCURRENCY=1: the process measured is the server), each stream its own client.
    const one = await startDispatch(3990, `file:${file}`, { WEB_CONCURRENCY: "1", TRUST_PROXY: "true" });
    running.push(one);
    const idle = await idleStreams(one.origin, one.pid as number, STREAMS);
    await one.stop();
    running.pop();
    const pairs: [string, string][] = [["SQLite, two servers on one file", `file:${file}`]];
    if (postgresServer)
      pairs.push(["PostgreSQL, two servers on one database", await postgresSchema(postgresServer, "bench_events")]);
    const latency: [string, Latency][] = [];
    for (const [name, url] of pairs) {
      const writer = await startDispatch(3991, url, { ADMIN_TOKEN });
      running.push(writer);
      const reader = await startDispatch(3992, url, { ADMIN_TOKEN });
      running.push(reader);
      latency.push([name, await changeLatency(writer.origin, reader.origin, ADMIN_TOKEN, EDITS)]);
      for (const process of running.splice(0).reverse()) await process.stop();
    }
    return { idle, latency };
  } finally {
    for (const process of running.reverse()) await process.stop();
  }
}

// ---- Run and report

const results = new Map<string, StoreResult>();
for (const [index, store] of stores.entries()) {
  console.log(`bench: measuring ${store.name}…`);
  results.set(store.name, await measureStore(store, index));
}

console.log("bench: measuring the change stream…");
const streams = await measureStreams();
console.log("bench: measuring a reader's long session…");
const session = chromiumPath ? await measureLongSession(chromiumPath, work, 3993) : undefined;

console.log("bench: measuring a share-card flood…");
// On the seeded SQLite store when it is big enough, else on 2,000 stories of its own.
const floodStore = BIG >= 2_000 ? stores[1]?.url : undefined;
const flood = hasCommand("wrk") ? await cardFlood({ seconds: WRK_SECONDS, databaseUrl: floodStore }) : undefined;

const names = [...results.keys()];
const out: string[] = [];
out.push(
  `Dispatch bench, ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; server: production build, WEB_CONCURRENCY=2, request log off.`,
);
for (const [name, seconds] of Object.entries(seedSeconds))
  out.push(`Seed (reused when present): ${name} in ${seconds.toFixed(0)} s.`);
out.push(
  "",
  "Latency, sequential requests, p50 / p99 (each URL once unless it says again):",
  "",
  table(
    ["what", ...names],
    (results.get(names[0] as string)?.latency ?? []).map(([kind], row) => [
      kind,
      ...names.map((name) => {
        const l = results.get(name)?.latency[row]?.[1];
        return l && l.n > 0 ? `${ms(l.p50)} / ${ms(l.p99)}${l.failures ? ` (${l.failures} failed)` : ""}` : "—";
      }),
    ]),
  ),
  "",
  table(
    ["publishing a story with 2 related headlines (PUT)", ...names],
    [
      [
        "p50 / p99",
        ...names.map((name) => {
          const l = results.get(name)?.publishMs;
          return l ? `${ms(l.p50)} / ${ms(l.p99)}` : "—";
        }),
      ],
    ],
  ),
);
for (const name of names.slice(0, 2)) {
  const r = results.get(name);
  if (!r?.throughput) continue;
  out.push(
    "",
    `Throughput, ${name}: wrk -t2 -c32 -d${WRK_SECONDS}s, gzip; nginx on the same bytes in the same run:`,
    "",
    table(
      ["what", "Dispatch req/s", "p99", "CPU a request", "nginx req/s", "nginx CPU a request", "ratio"],
      r.throughput.map(([what, d, n]) => [
        what,
        d.rps.toFixed(0),
        ms(d.p99),
        micros(d.cpuUs),
        n ? n.rps.toFixed(0) : "—",
        micros(n?.cpuUs),
        n ? `${(d.rps / n.rps).toFixed(2)}×` : "—",
      ]),
    ),
  );
}
for (const name of names) {
  const runs = results.get(name)?.zipf;
  const without = runs?.[0];
  if (!runs || !without) continue;
  out.push(
    "",
    `Zipf reads of the newest 1,000 stories while the newsroom writes, ${name}: wrk -t2 -c32 -d${QUICK ? 8 : 40}s, gzip; ratio to the run without writes (targets: 0.85× with live entries, 0.80× with stories):`,
    "",
    table(
      ["while", "req/s", "p50", "p99", "writes (failed)", "ratio"],
      runs.map((run) => [
        run.scenario,
        run.rps.toFixed(0),
        ms(run.p50),
        ms(run.p99),
        `${run.writes} (${run.failedWrites})`,
        `${(run.rps / without.rps).toFixed(2)}×`,
      ]),
    ),
  );
}
for (const name of names.slice(0, 2)) {
  const nav = results.get(name)?.navigation;
  if (nav)
    out.push(
      "",
      `Prefetched story→story navigation, click to paint (${name}, ${nav.n} stories): p50 ${ms(nav.p50)}, p99 ${ms(nav.p99)}` +
        (nav.failures.length ? `; not painted within 10 s: ${nav.failures.join(", ")}.` : "."),
    );
}
const lh = results.get(names[1] as string)?.lighthouse;
if (lh)
  out.push(
    "",
    `Lighthouse mobile, a story (${names[1]}): LCP ${ms(lh.story.lcp)}, scores ${JSON.stringify(lh.story.scores)}` +
      (lh.copy
        ? `; static copy without scripts (nginx): LCP ${ms(lh.copy.lcp)}; ratio ${(lh.story.lcp / lh.copy.lcp).toFixed(2)}×.`
        : "."),
  );
out.push(
  "",
  `Change stream: ${streams.idle.count.toLocaleString("en")} idle event streams on one process (each its own client): resident memory ${streams.idle.rssBeforeMb.toFixed(0)} MB before, ${streams.idle.rssAfterMb.toFixed(0)} MB with them open, ${streams.idle.perStreamKb.toFixed(1)} KB a stream.`,
  "",
  table(
    [`a change written through one server, until a reader of the other hears it (${EDITS} edits)`, "p50 / p99"],
    streams.latency.map(([name, l]) => [
      name,
      `${ms(l.p50)} / ${ms(l.p99)}${l.failures ? ` (${l.failures} failed)` : ""}`,
    ]),
  ),
);
if (flood)
  out.push("", `Share-card flood, one client on 16 connections (one process, limits on): ${describeCardFlood(flood)}.`);
if (session) out.push("", longSessionLine(session));
for (const line of missing) out.push(`Missing: ${line}.`);
console.log(`\n${out.join("\n")}\n`);
writeFileSync(join(work, "last-bench.md"), `${out.join("\n")}\n`);
