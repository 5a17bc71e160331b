// Test support: the real Dispatch server over HTTP on a free port, on a real SQLite file in a
// temp folder, with the demo stories loaded. Not part of the running app.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render } from "../entry-server";
import { loadDemoContentIfEmpty } from "../import/demoContent";
import type { Engine } from "../store/engine";
import { openStore } from "../store/openStore";
import type { StoryStore } from "../store/storyStore";
import { createTestDatabase } from "../store/testDatabases";
import { buildApp } from "./app";

export interface TestServer {
  url: string;
  store: StoryStore;
  close(): Promise<void>;
}

const root = join(import.meta.dirname, "../..");

export interface TestServerOptions {
  /** Load the demo stories (default: yes). */
  demo?: boolean;
  adminToken?: string;
  /** The store's engine (default: SQLite); see src/store/testDatabases.ts. */
  engine?: Engine;
  /** Believe X-Forwarded-For (tests use it to stand in for many readers). */
  trustProxy?: boolean;
  now?: () => Date;
}

export async function startTestServer({
  demo = true,
  adminToken,
  engine = "sqlite",
  trustProxy = false,
  now,
}: TestServerOptions = {}): Promise<TestServer> {
  const database = await createTestDatabase(engine);
  const store = await openStore(database.url);
  if (demo) await loadDemoContentIfEmpty(store, join(root, "content"), join(root, "public"));
  const template = readFileSync(join(root, "index.html"), "utf8");
  const publicUrl = "https://news.example";
  // The public folder is what the built client serves as files (Vite copies it into dist/client).
  const clientDir = join(root, "public");
  const app = await buildApp({
    store,
    clientDir,
    publicDir: clientDir,
    publicUrl,
    adminToken,
    trustProxy,
    ...(now ? { now } : {}),
    pages: { template: () => template, render, routeScripts: () => [] },
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: address,
    store,
    async close() {
      await app.close();
      await store.close();
      await database.drop();
    },
  };
}
