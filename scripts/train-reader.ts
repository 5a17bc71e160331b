// npm run train-reader: the hand weights against trained readers on every corpus set (see
// src/import/plainText/train.ts, decision 011). Loads the source through Vite, as import.ts does.
import { createServer } from "vite";

const vite = await createServer({
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: "custom",
  logLevel: "error",
});
try {
  const { main } = await vite.ssrLoadModule("/src/import/plainText/train.ts");
  process.exitCode = await main(process.argv.slice(2));
} finally {
  await vite.close();
}
