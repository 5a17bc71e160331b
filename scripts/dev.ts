// npm run dev: Vite in middleware mode inside the Dispatch server (see src/server/devServer.ts).
import { createServer } from "vite";

const vite = await createServer({ server: { middlewareMode: true }, appType: "custom" });
const { startDevServer } = await vite.ssrLoadModule("/src/server/devServer.ts");
await startDevServer(vite);
