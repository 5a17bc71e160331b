// Starts Dispatch in production: the built client, server rendering, and the store named by
// DATABASE_URL (an SQLite file under ./data/ by default), with the demo stories on first start.
import { fileURLToPath } from "node:url";
import { render } from "../entry-server";
import { loadDemoContentIfEmpty } from "../import/demoContent";
import { openStore } from "../store/openStore";
import { buildApp } from "./app";
import { readClientBuild } from "./clientBuild";
import { readConfig } from "./config";

const root = fileURLToPath(new URL("../..", import.meta.url));
const clientDir = `${root}dist/client`;

const config = readConfig();
const store = await openStore(config.databaseUrl);
const loaded = await loadDemoContentIfEmpty(store, `${root}content`, `${root}public`);
const client = readClientBuild(clientDir);
const app = await buildApp({
  store,
  publicUrl: config.publicUrl,
  clientDir,
  publicDir: clientDir,
  adminToken: config.adminToken,
  logger: process.env.LOG_REQUESTS !== "0",
  pages: { template: () => client.template, render, routeScripts: client.routeScripts },
});

if (loaded) app.log.info(`loaded ${loaded} demo stories into the empty store`);
await app.listen({ port: config.port, host: config.host });

for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, async () => {
    await app.close();
    await store.close();
    process.exit(0);
  });
