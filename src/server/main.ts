// Starts Dispatch in production: the built client, server rendering, and the store named by
// DATABASE_URL (an SQLite file under ./data/ by default), with the demo stories on first start.
// WEB_CONCURRENCY=N (or "auto": one per core) runs N server processes on one port (Node's
// cluster); SIGTERM or SIGINT stops taking requests, lets those in flight finish, closes the store.
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";
import { readConfig } from "../config";
import { render } from "../entry-server";
import { loadDemoContentIfEmpty } from "../import/demoContent";
import { openMediaStore } from "../media/mediaStore";
import { openStore } from "../store/openStore";
import { buildApp } from "./app";
import { readClientBuild } from "./pages/clientBuild";
import { RestartBackoff } from "./restartBackoff";

const root = fileURLToPath(new URL("../..", import.meta.url));
const clientDir = `${root}dist/client`;
/** How long in-flight requests get to finish on shutdown before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;
/** How long after SIGTERM the process still reads requests on kept connections, answering each with Connection: close. */
const DRAIN_MS = 500;

const config = configOrExit();
const workers = config.webConcurrency;

if (workers > 1 && cluster.isPrimary) await runPrimary(workers);
else await runServer();

/** Migrates and seeds the store once, then keeps `count` server processes running. */
async function runPrimary(count: number) {
  const store = await openStore(config.databaseUrl);
  const loaded = await loadDemoContentIfEmpty(store, config.site.folder, `${root}public`, config.site.sections);
  await store.close();
  if (loaded) console.log(`loaded ${loaded} demo stories into the empty store`);
  let stopping = false;
  const running = () => Object.keys(cluster.workers ?? {}).length;
  const startedAt = new Map<number, number>();
  const fork = () => startedAt.set(cluster.fork().id, Date.now());
  // A process that dies is started again, after doubling waits while processes die young.
  const backoff = new RestartBackoff();
  cluster.on("exit", (worker, code) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? Date.now());
    startedAt.delete(worker.id);
    if (!stopping) {
      const wait = backoff.next(lived);
      console.error(`server process ${worker.process.pid} exited (${code}) after ${lived} ms; another in ${wait} ms`);
      setTimeout(() => stopping || fork(), wait);
    } else if (running() === 0) process.exit(0);
  });
  for (let i = 0; i < count; i++) fork();
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      stopping = true;
      if (running() === 0) process.exit(0);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    });
}

async function runServer() {
  const store = await openStore(config.databaseUrl);
  const loaded = cluster.isWorker
    ? 0
    : await loadDemoContentIfEmpty(store, config.site.folder, `${root}public`, config.site.sections);
  const client = readClientBuild(clientDir);
  const app = await buildApp({
    store,
    publicUrl: config.publicUrl,
    site: config.site,
    clientDir,
    publicDir: clientDir,
    adminToken: config.adminToken,
    sessions: config.sessions,
    trustProxy: config.trustProxy,
    rateLimits: config.rateLimits,
    sharedLimits: config.sharedLimits,
    log: { requests: config.logRequests },
    answerCacheBytes: config.renderCacheBytes,
    cdn: { purgeUrls: config.cdnPurgeUrls, sharedMaxAgeS: config.cdnMaxAgeS },
    requestTimeoutMs: config.requestTimeoutMs,
    media: openMediaStore(config.mediaUrl),
    uploadLimits: config.uploadLimits,
    // One process per server derives the latest stories' renditions ahead of readers.
    warmPictures: !cluster.isWorker || cluster.worker?.id === 1,
    pages: { template: () => client.template, render, loader: client.loader },
  });
  if (loaded) app.log.info(`loaded ${loaded} demo stories into the empty store`);
  // While draining, every answer says Connection: close: a keep-alive client then sends its next
  // request on a new connection (to another process or server) rather than on this one, which
  // would be reset as the process exits. First among the server's listeners: kept answers are
  // written by the one before Fastify's (http/answerFirst.ts).
  let draining = false;
  app.server.prependListener("request", (_request, response) => {
    if (draining) response.shouldKeepAlive = false;
  });
  await app.listen({ port: config.port, host: config.host });

  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, async () => {
      draining = true;
      setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
      // A moment in which a request already on its way over a kept connection is still read and
      // answered (saying close), before idle connections are closed under it.
      await new Promise((resolve) => setTimeout(resolve, DRAIN_MS));
      await app.close(); // stops accepting, closes idle connections, waits for requests in flight
      await store.close();
      process.exit(0);
    });
}

/** The config, or exit 1 with its one message (which names each wrong variable) and no stack. */
function configOrExit() {
  try {
    return readConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
