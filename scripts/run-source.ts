// node scripts/run-source.ts /src/MODULE.ts EXPORT [ARGS…]: runs a command kept in the project's
// TypeScript source, loaded through Vite as the dev server loads it: MODULE's EXPORT gets ARGS and
// resolves to the exit code. package.json's import, seed, backup, export, account, train-reader and
// corpus:diff go through it. No WebSocket server (ws: false): nothing here reloads, and one would
// fight a dev server for its port.
import { createServer } from "vite";

const [module, name, ...args] = process.argv.slice(2);
if (!module || !name) {
  console.error("usage: node scripts/run-source.ts /src/MODULE.ts EXPORT [ARGS…]");
  process.exit(2);
}
const vite = await createServer({
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: "custom",
  logLevel: "error",
});
try {
  const loaded = await vite.ssrLoadModule(module);
  if (typeof loaded[name] !== "function") throw new Error(`${module} has no command ${name}`);
  process.exitCode = await loaded[name](args);
} finally {
  await vite.close();
}
