// The Dispatch server: pages, the JSON API, files, and health checks, over one story store.
import { existsSync } from "node:fs";
import zlib from "node:zlib";
import fastifyCompress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance } from "fastify";
import { ApiError } from "../model/apiError";
import type { StoryStore } from "../store/storyStore";
import { registerApiRoutes } from "./apiRoutes";
import { registerFeedRoutes } from "./feedRoutes";
import { registerHttpCaching } from "./http/caching";
import { handleErrors, sendError } from "./http/errors";
import { registerOEmbedRoutes } from "./oembedRoutes";
import { type PageRenderer, registerPageRoutes } from "./pageRoutes";
import { registerPublishingRoutes } from "./publishingRoutes";
import { registerShareCardRoutes, type ShareCardRouteOptions } from "./shareCardRoutes";
import { createStoryReader } from "./storyReader";
import { registerViewRoutes } from "./viewRoutes";

export interface AppOptions {
  store: StoryStore;
  publicUrl: string;
  pages: PageRenderer;
  /** The built client (dist/client): hashed assets and the public files. Absent in dev and tests. */
  clientDir?: string;
  /** The publishing API's bearer token; publishing answers 403 without one. */
  adminToken?: string;
  logger?: boolean;
  /** The site's public files (public/, or its copy in dist/client): the pictures share cards draw. */
  publicDir: string;
  shareCards?: ShareCardRouteOptions;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For to believe for a client's address. */
  trustProxy?: boolean | string;
  /** The clock, for what depends on the time (the news sitemap's last 48 hours). */
  now?: () => Date;
  /** Runs before any route is added: the dev server mounts Vite's middleware here. */
  setup?: (app: FastifyInstance) => Promise<void>;
}

/**
 * Hashed assets never change; the service worker and the manifest must be checked on every load
 * (a new deploy must reach readers); other public files may be an hour old.
 */
function fileCacheControl(path: string): string {
  if (path.includes("/assets/")) return "public, max-age=31536000, immutable";
  if (/\/(sw\.js|manifest\.webmanifest)(\.br|\.gz)?$/.test(path)) return "no-cache";
  return "public, max-age=3600";
}

/** Request bodies are small JSON documents; anything bigger is refused with 413. */
const BODY_LIMIT = 1024 * 1024;

export async function buildApp({
  store,
  publicUrl,
  pages,
  clientDir,
  adminToken,
  logger = false,
  setup,
  now = () => new Date(),
  trustProxy = false,
  publicDir,
  shareCards,
}: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: BODY_LIMIT,
    trustProxy,
    // Requests the router cannot even read (bad percent-encoding, say) get the same error shape.
    frameworkErrors: (error, _request, reply) => sendError(reply, new ApiError("bad_request", error.message)),
  });
  const reader = createStoryReader(store, publicUrl, now);

  handleErrors(app);

  await setup?.(app);

  registerHttpCaching(app);
  // Pages and API answers, compressed as they go out (files are pre-compressed at build time).
  // Brotli at a low quality: most of its gain, at a cost a request can afford.
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });

  app.get("/healthz", async (_request, reply) => reply.header("cache-control", "no-store").send({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    reply.header("cache-control", "no-store");
    try {
      await store.ping();
      return { status: "ready" };
    } catch {
      return sendError(reply, new ApiError("store_unreachable", "The story store does not answer."));
    }
  });

  if (clientDir && existsSync(clientDir)) {
    await app.register(fastifyStatic, {
      root: clientDir,
      wildcard: false,
      index: false,
      preCompressed: true,
      // The template is served as rendered pages, never raw; the manifest is the server's own.
      globIgnore: ["index.html", ".vite/**"],
      setHeaders(reply, path) {
        reply.header("cache-control", fileCacheControl(path));
      },
    });
  }

  registerPublishingRoutes(app, store, reader, adminToken);
  registerOEmbedRoutes(app, reader, { url: publicUrl });
  registerFeedRoutes(app, reader, store, { url: publicUrl }, now);
  registerViewRoutes(app, store, reader, now);
  registerShareCardRoutes(app, reader, publicDir, shareCards);
  registerApiRoutes(app, reader);
  registerPageRoutes(app, reader, { url: publicUrl }, pages);
  return app;
}
