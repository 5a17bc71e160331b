// npm run backup -- …: loads the command from the source through Vite (see src/backup/cli.ts).
import { createServer } from "vite";

const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: "custom", logLevel: "error" });
try {
  const { backupMain } = await vite.ssrLoadModule("/src/backup/cli.ts");
  process.exitCode = await backupMain(process.argv.slice(2));
} finally {
  await vite.close();
}
