// The size budget: every script a reader's browser fetches on a first visit to a story page, as the
// browser fetches them, gzip-compressed, must stay under BUDGET. The built server runs on a fresh
// copy of the demo store; a fresh Chromium opens a story, lets it load, hydrate and settle (its
// deferred scripts, and a service worker if one were registered); the server's request log then
// says which scripts were fetched, by the page or by a worker, and each fetch counts (a script
// fetched twice costs twice).
// React, react-dom, the router and TanStack Query are about 108 KB of it.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { chromiumArgs, findChromium, missingChromiumMessage } from "../e2e/chromium.ts";

// Every script a first visit fetches, 125 KB (docs/decisions/028): 123.5 KB on 2026-12-07.
const BUDGET = 125 * 1024;
const clientDir = "dist/client";
const port = Number(process.env.BUDGET_PORT ?? 3190);
const origin = `http://127.0.0.1:${port}`;
/** How long the page is left after it has loaded: its deferred scripts and its worker's install. */
const SETTLE_MS = 3_000;

const executablePath = findChromium();
if (!executablePath) {
  console.error(missingChromiumMessage);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "dispatch-budget-"));
const server = spawn(process.execPath, ["dist/server/main.js"], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: origin,
    DATABASE_URL: `file:${join(work, "demo.db")}`,
    WEB_CONCURRENCY: "1",
    LOG_REQUESTS: "1",
    RATE_LIMITS: "0",
  },
  stdio: ["ignore", "pipe", "inherit"],
});
const fetched: string[] = [];
let log = "";
server.stdout.on("data", (chunk: Buffer) => {
  log += chunk.toString();
  const lines = log.split("\n");
  log = lines.pop() ?? "";
  for (const line of lines) {
    try {
      const entry = JSON.parse(line) as { msg?: string; url?: string; res?: { statusCode?: number } };
      if (entry.msg === "request completed" && entry.url && entry.res?.statusCode === 200) fetched.push(entry.url);
    } catch {
      // Not a log line.
    }
  }
});

async function ready(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}) before it was ready`);
    try {
      if ((await fetch(`${origin}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the server was not ready in a minute");
}

// The newsroom is a program of its own (vite.newsroom.config.ts): no module of it may be in the
// reader's build, and no reader chunk may name its files, so a reader never loads a byte of it.
const readerManifest = JSON.parse(readFileSync(join(clientDir, ".vite/manifest.json"), "utf8")) as Record<
  string,
  { src?: string; file: string }
>;
const newsroomModules = Object.entries(readerManifest).filter(
  ([key, chunk]) => key.startsWith("src/newsroom/") || chunk.src?.startsWith("src/newsroom/"),
);
if (newsroomModules.length > 0)
  throw new Error(`the reader's build holds newsroom modules: ${newsroomModules.map(([key]) => key).join(", ")}`);

let total = 0;
try {
  await ready();
  const { items } = (await (await fetch(`${origin}/api/stories?limit=1`)).json()) as { items: { slug: string }[] };
  const story = `/stories/${items[0]?.slug}`;
  fetched.length = 0;
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  try {
    const context = await browser.newContext({ serviceWorkers: "allow" });
    const page = await context.newPage();
    await page.goto(`${origin}${story}`, { waitUntil: "load" });
    await page.waitForSelector("html[data-hydrated]");
    await page.waitForTimeout(SETTLE_MS);
    await context.close();
  } finally {
    await browser.close();
  }
  const scripts = fetched.map((url) => new URL(url, origin).pathname).filter((path) => path.endsWith(".js"));
  if (!scripts.some((path) => path.startsWith("/assets/")))
    throw new Error(`the story page ${story} fetched no script: is the build there?`);
  // Nor does a story page fetch it, or any script that names it.
  const naming = scripts.filter(
    (path) => path.startsWith("/newsroom") || /newsroom/i.test(readFileSync(join(clientDir, path), "utf8")),
  );
  if (naming.length > 0) throw new Error(`a story page fetched the newsroom's code: ${naming.join(", ")}`);
  console.log("no newsroom module in the reader's build, and no script a story page fetches names it");
  for (const path of scripts) {
    const size = gzipSync(readFileSync(join(clientDir, path)), { level: 9 }).length;
    total += size;
    console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${path}`);
  }
} finally {
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(work, { recursive: true, force: true });
}
const verdict = total <= BUDGET ? "within" : "OVER";
console.log(
  `${(total / 1024).toFixed(1).padStart(7)} KB  every script a first visit to a story fetches, gzip (${verdict} the ${BUDGET / 1024} KB budget)`,
);
if (total > BUDGET) process.exit(1);
