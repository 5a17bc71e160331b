// npm run account -- …: loads the accounts command from the source through Vite (see src/server/auth/accountCli.ts).
import { createServer } from "vite";

const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: "custom", logLevel: "error" });
try {
  const { main } = await vite.ssrLoadModule("/src/server/auth/accountCli.ts");
  process.exitCode = await main(process.argv.slice(2));
} finally {
  await vite.close();
}
