// npm test: every check, in order, stopping at the first that fails.
// Typecheck, lint, unit + component + server tests, the production build and its size budget,
// then the browser tests against that build.
import { spawnSync } from "node:child_process";
import { findChromium, missingChromiumMessage } from "../e2e/chromium.ts";

const steps: [string, string[]][] = [
  ["typecheck", ["npx", "tsc", "-p", "tsconfig.json"]],
  ["lint", ["npx", "biome", "ci", "."]],
  ["unit, component and server tests", ["npx", "vitest", "run"]],
  ["production build", ["npx", "vite", "build", "--logLevel", "warn"]],
  ["newsroom build", ["npx", "vite", "build", "--config", "vite.newsroom.config.ts", "--logLevel", "warn"]],
  [
    "server build",
    ["npx", "vite", "build", "--ssr", "src/server/main.ts", "--outDir", "dist/server", "--logLevel", "warn"],
  ],
  ["bundle budget", ["node", "scripts/check-budget.ts"]],
  ["browser tests", ["npx", "playwright", "test"]],
];

if (!findChromium()) {
  console.error(`\n${missingChromiumMessage}\n`);
  process.exit(1);
}

// The CDN tests run the shipped VCL in a real Varnish with the xkey vmod (src/server/http/cdn.test.ts).
if (spawnSync("varnishd", ["-V"], { stdio: "ignore" }).status !== 0) {
  console.error(
    "\nNo varnishd was found for the CDN tests. Install Varnish 7 and its modules (Debian/Ubuntu: apt-get install -y varnish varnish-modules).\n",
  );
  process.exit(1);
}

for (const [name, [command, ...args]] of steps) {
  console.log(`\n── ${name} ──`);
  const { status } = spawnSync(command as string, args, { stdio: "inherit" });
  if (status !== 0) {
    console.error(`\nnpm test: ${name} failed.`);
    process.exit(status ?? 1);
  }
}
console.log("\nnpm test: every check passed.");
