// npm run seed -- --stories N [--reset]: loads the seeder from the source through Vite (see src/import/seed.ts).
// No WebSocket server (ws: false): nothing here reloads, and it would fight a dev server for its port.
import { createServer } from "vite";

const vite = await createServer({
  server: { middlewareMode: true, hmr: false, ws: false },
  appType: "custom",
  logLevel: "error",
});
try {
  const { main } = await vite.ssrLoadModule("/src/import/seed.ts");
  process.exitCode = await main(process.argv.slice(2));
} finally {
  await vite.close();
}
