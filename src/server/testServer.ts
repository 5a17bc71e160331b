// Test support: the real Dispatch server over HTTP on a free port, on a fresh database of either
// engine (see src/store/testDatabases.ts), with the demo stories loaded. Every server test starts
// its server here. Not part of the running app.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { render } from "../entry-server";
import { loadDemoContentIfEmpty } from "../import/demoContent";
import type { MediaStore } from "../media/mediaStore";
import type { UploadLimits } from "../media/uploads";
import { readSiteConfig, type SiteConfig } from "../site/siteConfig";
import type { Engine } from "../store/engine";
import { openStore } from "../store/openStore";
import type { StoryStore } from "../store/storyStore";
import { createTestDatabase, type TestDatabase } from "../store/testDatabases";
import { buildApp } from "./app";
import type { EventStreamOptions } from "./events/eventRoutes";
import type { FeedRoutesOptions } from "./feeds/feedRoutes";
import type { ShareCardOptions } from "./shareCard/shareCardRoutes";

export interface TestServer {
  url: string;
  /** The database it runs on: another server may be started on it (`database`). */
  databaseUrl: string;
  store: StoryStore;
  /** How many pages the server has rendered, and how many stories it has read from the store. */
  work(): { renders: number; storyReads: number };
  close(): Promise<void>;
}

const root = join(import.meta.dirname, "../..");

export interface TestServerOptions {
  /** Load the demo stories (default: yes). */
  demo?: boolean;
  adminToken?: string;
  /** How long sessions may sit idle and live (the app's defaults when absent). */
  sessions?: { idleMs: number; maxMs: number };
  /** The store's engine (default: SQLite); see src/store/testDatabases.ts. */
  engine?: Engine;
  /** Count per-client limits in the store, as several processes or servers do. */
  sharedLimits?: boolean;
  /** Per-client limits on (default) or off (RATE_LIMITS=0). */
  rateLimits?: boolean;
  /** Believe X-Forwarded-For (tests use it to stand in for many readers). */
  trustProxy?: boolean;
  now?: () => Date;
  /** The share cards' cache bounds and render listener. */
  shareCards?: ShareCardOptions;
  /** The public files share cards draw pictures from (default: public/). */
  publicDir?: string;
  /** The files served as the built client (default: public/, which the build copies into dist/client). */
  clientDir?: string;
  /** Bytes of answers the server keeps (the app's default when absent). */
  answerCacheBytes?: number;
  /** How feeds and sitemaps are cut (a small sitemap part size, say). */
  feeds?: Pick<FeedRoutesOptions, "sitemapPartSize">;
  /** Puts something between the server and its store: a fault, say. */
  wrapStore?: (store: StoryStore) => StoryStore;
  /** Where the server's JSON log lines go (nowhere). */
  logStream?: { write(line: string): void };
  /** A log line per request too (LOG_REQUESTS=1). */
  logRequests?: boolean;
  /** The site's origin (https://news.example). */
  publicUrl?: string;
  /** The site's config (the demo's, content/site.yaml); its sections are the demo's sections. */
  site?: SiteConfig;
  /** Called with the SQL of every query the server's store runs (migrations included). */
  onQuery?: (sql: string) => void;
  /**
   * A database to use instead of a fresh one of `engine`, dropped on close by its own `drop`: another
   * server's (`{ url: first.databaseUrl, drop: async () => {} }`) stands in for several servers on one store.
   */
  database?: TestDatabase;
  /** The change stream's timings and limits (a short heartbeat, say). */
  events?: EventStreamOptions;
  /** Where the server keeps uploads and renditions (the app's default folder when absent). */
  media?: MediaStore;
  /** The largest upload it takes (the app's defaults when absent). */
  uploadLimits?: UploadLimits;
  /** A CDN in front: where purges go and how long it may keep answers (none by default). */
  cdn?: { purgeUrls: string[]; sharedMaxAgeS: number; retryDelaysMs?: number[] };
  /** How long close() lets connections finish before cutting them (1 s): longer for a slow answer in flight. */
  closeGraceMs?: number;
  /**
   * How often the server looks for scheduled stories due (the app's default; none while `onQuery`
   * counts queries, which counts what requests run).
   */
  schedulePollMs?: number;
  /** How long a request may take to arrive (the app's default when absent; a test of timeouts makes it short). */
  requestTimeoutMs?: number;
  /** How long a write waits for a busy SQLite before it answers busy (the store's default, 1 s, when absent). */
  busyWaitMs?: number;
}

export async function startTestServer({
  demo = true,
  adminToken,
  sessions,
  engine = "sqlite",
  sharedLimits = false,
  rateLimits = true,
  trustProxy = false,
  now,
  shareCards,
  publicDir = join(root, "public"),
  clientDir = join(root, "public"),
  answerCacheBytes,
  feeds,
  onQuery,
  database: given,
  publicUrl = "https://news.example",
  site = readSiteConfig(join(root, "content/site.yaml")),
  logStream = { write: () => {} },
  logRequests = false,
  wrapStore = (store) => store,
  events,
  media,
  uploadLimits,
  cdn,
  closeGraceMs = 1_000,
  requestTimeoutMs,
  schedulePollMs = onQuery ? 0 : undefined,
  busyWaitMs,
}: TestServerOptions = {}): Promise<TestServer> {
  const database = given ?? (await createTestDatabase(engine));
  const store = await openStore(database.url, {
    ...(onQuery
      ? {
          log: (event) => {
            if (event.level === "query") onQuery(event.query.sql);
          },
        }
      : {}),
    ...(busyWaitMs === undefined ? {} : { busyWaitMs }),
  });
  if (demo) await loadDemoContentIfEmpty(store, join(root, "content"), join(root, "public"), site.sections);
  const template = readFileSync(join(root, "index.html"), "utf8");
  const work = { renders: 0, storyReads: 0 };
  // The server's store and renderer, counted: a test can tell work done from work saved.
  const served = wrapStore(store);
  const counted: StoryStore = {
    ...served,
    getStory: (slug) => {
      work.storyReads += 1;
      return served.getStory(slug);
    },
  };
  const app = await buildApp({
    store: counted,
    clientDir,
    publicDir,
    publicUrl,
    site,
    adminToken,
    trustProxy,
    sharedLimits,
    rateLimits,
    log: { requests: logRequests, stream: logStream },
    ...(now ? { now } : {}),
    ...(sessions ? { sessions } : {}),
    ...(shareCards ? { shareCards } : {}),
    ...(feeds ? { feeds } : {}),
    ...(answerCacheBytes !== undefined ? { answerCacheBytes } : {}),
    ...(events ? { events } : {}),
    ...(media ? { media } : {}),
    ...(uploadLimits ? { uploadLimits } : {}),
    ...(cdn ? { cdn } : {}),
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
    ...(schedulePollMs !== undefined ? { schedulePollMs } : {}),
    pages: {
      template: () => template,
      render: (...args) => {
        work.renders += 1;
        return render(...args);
      },
      loader: () => "",
    },
  });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    url: address,
    databaseUrl: database.url,
    store,
    work: () => ({ ...work }),
    async close() {
      const closing = app.close();
      // A test's fetch may leave a connection open past its answer (undici keeps sockets a while):
      // the server does not wait on it as it would on a request in flight.
      setTimeout(() => app.server.closeAllConnections(), closeGraceMs).unref();
      await named("the server's close (its onClose hooks)", closing);
      await named("the store's close", store.close());
      await named("the database's drop", database.drop());
    },
  };
}

/**
 * Waits for one step of closing, and says on stderr which step it still is after 10 s: a close that
 * hangs then fails its test's hook by timing out, and the line names what it waited for.
 */
async function named<T>(step: string, work: Promise<T>): Promise<T> {
  const warning = setTimeout(() => console.error(`testServer.close: still waiting for ${step} after 10 s`), 10_000);
  try {
    return await work;
  } finally {
    clearTimeout(warning);
  }
}
