// npm run corpus:diff -- SET…: expected against read, line by line, and misses by kind (see
// src/import/plainText/corpusDiff.ts). Loads the source through Vite, as import.ts does.
import { createServer } from "vite";

const vite = await createServer({
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: "custom",
  logLevel: "error",
});
try {
  const { main } = await vite.ssrLoadModule("/src/import/plainText/corpusDiff.ts");
  process.exitCode = await main(process.argv.slice(2));
} finally {
  await vite.close();
}
