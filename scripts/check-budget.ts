// The size budget: the JavaScript a story page loads before it is interactive (the entry, what it
// imports, and the story route's chunks the server preloads), gzip-compressed, must stay under
// BUDGET. React, react-dom, the router and TanStack Query are about 108 KB of it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readClientBuild } from "../src/server/pages/clientBuild.ts";

// 126 KB since 2026-12-06 (docs/decisions/028): 125 until this session's reader work filled the last of it.
const BUDGET = 126 * 1024;
const clientDir = "dist/client";
const client = readClientBuild(clientDir);

// The entry and what it imports, from Vite's manifest (the page imports the entry once it has loaded).
const fromTemplate = client.entryScripts;
if (fromTemplate.length === 0) throw new Error("the build's manifest names no entry script for index.html");
// The story page's own chunks, as the server preloads them (see src/routes/story/route.ts).
const storyScripts = client.routeScripts(["src/routes/story/StoryPage.tsx"]);
if (storyScripts.length === 0)
  throw new Error("the build has no src/routes/story/StoryPage.tsx: where is the story page?");
const files = [...new Set([...fromTemplate, ...storyScripts])];

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
const naming = files.filter((file) => /newsroom/i.test(readFileSync(join(clientDir, file), "utf8")));
if (naming.length > 0) throw new Error(`story page chunks name the newsroom: ${naming.join(", ")}`);
console.log("no newsroom module in the reader's build, and no story page chunk names it");

let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(join(clientDir, file)), { level: 9 }).length;
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
const verdict = total <= BUDGET ? "within" : "OVER";
console.log(
  `${(total / 1024).toFixed(1).padStart(7)} KB  story page JavaScript, gzip (${verdict} the ${BUDGET / 1024} KB budget)`,
);
if (total > BUDGET) process.exit(1);
