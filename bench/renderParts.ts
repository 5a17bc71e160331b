import { spawn } from "node:child_process";
import { resolve } from "node:path";
// What a story page rendered for its request is made of, part by part, in CPU time: the store's
// reads, the route loaders (React Router's query over a fresh query client), the whole render
// (loaders, React's renderToString, the dehydrated cache, the head), the page filled into the
// template, and the whole answer through Fastify's hooks (app.inject: no socket). Each part runs
// over the same story URLs in one process, one request at a time, so wrk and the machine's other
// work do not blur it as they blur a profile. Built as the server is (React's production build):
//   npx vite build --ssr bench/renderParts.ts --outDir data/render-parts && \
//   DATABASE_URL=file:data/bench/seeded-100000.db node data/render-parts/renderParts.js
// Instructions instead of CPU time, which a loaded machine blurs by tens of per cent: INSTRUCTIONS=1
// under callgrind counts only the measured passes (after the warm-up and a full GC), e.g.
//   INSTRUCTIONS=1 PARTS=4 ROUNDS=1 DATABASE_URL=… valgrind --tool=callgrind --instr-atstart=no \
//     --callgrind-out-file=/dev/null node --single-threaded --expose-gc data/render-parts/renderParts.js
// and valgrind's "Collected" line over (URLs × ROUNDS × parts) is the instructions a page.
import { createStaticHandler } from "react-router";
import { createQueryClient } from "../src/api/queries";
import { routerContextFor } from "../src/app/definePage";
import { createRoutes } from "../src/app/routes";
import { readConfig } from "../src/config";
import { render } from "../src/entry-server";
import { openMediaStore } from "../src/media/mediaStore";
import { buildApp } from "../src/server/app";
import { readClientBuild } from "../src/server/pages/clientBuild";
import { renderPage } from "../src/server/pages/pageRoutes";
import { createStoryReader } from "../src/server/storyReader";
import { browserSite } from "../src/site/siteConfig";
import { openStore } from "../src/store/openStore";
import { wordsFor } from "../src/words/siteWords";

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const config = readConfig();
const store = await openStore(config.databaseUrl);
const clientDir = resolve("dist/client");
const client = readClientBuild(clientDir);
const app = await buildApp({
  store,
  publicUrl: config.publicUrl,
  site: config.site,
  clientDir,
  publicDir: clientDir,
  sessions: config.sessions,
  trustProxy: false,
  rateLimits: false,
  sharedLimits: false,
  log: { requests: false },
  answerCacheBytes: 0,
  cdn: { purgeUrls: [], sharedMaxAgeS: config.cdnMaxAgeS },
  requestTimeoutMs: config.requestTimeoutMs,
  media: openMediaStore(config.mediaUrl),
  uploadLimits: config.uploadLimits,
  warmPictures: false,
  pages: { template: () => client.template, render, loader: client.loader },
});
await app.ready();

const site = browserSite(config.site, config.publicUrl);
const reader = createStoryReader(store, config.publicUrl);
const slugs: string[] = [];
for (let cursor: string | null = null; slugs.length < 200; ) {
  const page: { items: { slug: string }[]; nextCursor: string | null } = await reader.stories({
    limit: 50,
    ...(cursor ? { cursor } : {}),
  });
  slugs.push(...page.items.map((s) => s.slug));
  cursor = page.nextCursor;
  if (!cursor) break;
}
const urls = slugs.map((slug) => new URL(`/stories/${slug}`, config.publicUrl));
const { query } = createStaticHandler(createRoutes());
const words = wordsFor(site);

const parts: [string, (url: URL) => Promise<unknown>][] = [
  ["the story's reads (store.getStory)", (url) => store.getStory(url.pathname.slice("/stories/".length))],
  ["the sections' read (store.listSections)", () => store.listSections()],
  [
    "route loaders (React Router's query, fresh query client)",
    async (url) => {
      const queryClient = createQueryClient(reader, { retries: 0 });
      await query(new Request(url), { requestContext: routerContextFor({ queryClient, site, words }) });
      queryClient.clear();
    },
  ],
  ["render (loaders, renderToString, dehydrate, head)", (url) => render(new Request(url), reader, site, "n0nce")],
  [
    "page (render into the template, page data JSON)",
    (url) =>
      renderPage(
        { pages: { template: () => client.template, render, loader: client.loader }, site },
        url,
        reader,
        "n0nce",
      ),
  ],
  [
    "answer, gzip (app.inject: Fastify, hooks, ETag, gzip)",
    (url) => app.inject({ method: "GET", url: url.pathname, headers: { "accept-encoding": "gzip" } }),
  ],
  [
    "answer, identity (app.inject)",
    (url) => app.inject({ method: "GET", url: url.pathname, headers: { "accept-encoding": "identity" } }),
  ],
];

// PARTS=2,4 measures only those (numbered from 1 as listed), for a profile of one part.
const only = process.env.PARTS?.split(",").map(Number);
const measured = only ? parts.filter((_, i) => only.includes(i + 1)) : parts;
for (const [, run] of measured) for (const url of urls) await run(url); // warm-up

/** Switches callgrind's counting on or off for this process, running code while it waits (callgrind reads its commands between blocks). */
async function callgrind(on: boolean) {
  let done = false;
  spawn("callgrind_control", ["-i", on ? "on" : "off", String(process.pid)], { stdio: "ignore" }).on("exit", () => {
    done = true;
  });
  while (!done) await new Promise((wait) => setTimeout(wait, 2));
}
const instructions = process.env.INSTRUCTIONS === "1";
if (instructions) {
  (globalThis as { gc?: () => void }).gc?.();
  await callgrind(true);
}
const results = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round++)
  for (const [name, run] of measured) {
    const before = process.cpuUsage();
    for (const url of urls) await run(url);
    const used = process.cpuUsage(before);
    results.set(name, [...(results.get(name) ?? []), (used.user + used.system) / urls.length]);
  }
if (instructions) {
  await callgrind(false);
  console.log(
    `counted ${urls.length * ROUNDS * measured.length} pages: valgrind's "Collected" over that is instructions a page`,
  );
}
for (const [name, runs] of results) {
  const sorted = [...runs].sort((a, b) => a - b);
  console.log(
    `${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0).padStart(6)} µs  ${name}  (${runs.map((r) => r.toFixed(0)).join(", ")})`,
  );
}
await app.close();
await store.close();
