// The Dispatch server: one Fastify instance over one story store, made of plugins, each a route
// group with its own options, parsers and hooks: health checks, files, feeds, share cards, oEmbed,
// and the scope of pages and the JSON API (which alone gets the caching hook).
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PassThrough } from "node:stream";
import zlib from "node:zlib";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { UNPURGED_MAX_AGE_S } from "../config";
import { FolderMediaStore, type MediaStore } from "../media/mediaStore";
import { RenditionCache, sitePicturesOf, warmRenditions } from "../media/renditions";
import { SitePictures } from "../media/sitePictures";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "../media/uploads";
import { ApiError } from "../model/apiError";
import { browserSite, type SiteConfig } from "../site/siteConfig";
import type { StoryStore } from "../store/storyStore";
import { wordsFor } from "../words/siteWords";
import { authorshipRoutes } from "./api/authorshipRoutes";
import { entryRoutes } from "./api/entryRoutes";
import { mediaUploadRoutes } from "./api/mediaUploadRoutes";
import { newsroomStoryRoutes } from "./api/newsroomStoryRoutes";
import { publishingRoutes } from "./api/publishingRoutes";
import { readRoutes, SEARCH_LIMIT } from "./api/readRoutes";
import { revisionRoutes } from "./api/revisionRoutes";
import { viewRoutes } from "./api/viewRoutes";
import { createAccess } from "./auth/access";
import { accountRoutes } from "./auth/accountRoutes";
import { passkeyRoutes } from "./auth/passkeyRoutes";
import { DEFAULT_SESSIONS, type SessionSettings } from "./auth/sessions";
import { signInRoutes } from "./auth/signInRoutes";
import { type EventStreamOptions, eventRoutes, tellPagesTheirPlace } from "./events/eventRoutes";
import { type FeedRoutesOptions, feedRoutes } from "./feeds/feedRoutes";
import { liveFeedRoutes } from "./feeds/liveFeed";
import { fileRoutes } from "./fileRoutes";
import { healthRoutes } from "./healthRoutes";
import { recordRoutes } from "./http/allowedMethods";
import { AnswerDependencies } from "./http/answerDependencies";
import { type AnswerFirst, serverAnsweringFirst } from "./http/answerFirst";
import { AnswerFreshness } from "./http/answerFreshness";
import { cacheAnswers } from "./http/caching";
import { cdnPurger } from "./http/cdnPurge";
import { answerClientErrors, answerEarlyRequests, NODE_SERVER_OPTIONS } from "./http/earlyAnswers";
import { errorPageFrom } from "./http/errorPage";
import { errorAnswers, handleErrors } from "./http/errors";
import {
  clientLimit,
  limitPaths,
  noCounter,
  processCounter,
  registerRateLimits,
  storeCounter,
} from "./http/rateLimits";
import { guardRequestTargets, originForm } from "./http/requestTarget";
import { inlineStylesOf, securityHeaderSet, securityHeaders } from "./http/securityHeaders";
import { logServerErrors, type ServerLogOptions, serverLogOptions } from "./http/serverLog";
import { DEFAULT_REQUEST_TIMEOUT_MS, requestTimeouts } from "./http/timeouts";
import { mediaRoutes } from "./mediaRoutes";
import { embedRoutes } from "./pages/embedRoutes";
import { newsroomRoutes } from "./pages/newsroomRoutes";
import { oembedRoutes } from "./pages/oembedRoutes";
import { type PageRenderer, pageRoutes } from "./pages/pageRoutes";
import { previewRoutes } from "./pages/previewRoutes";
import { publishScheduledStories, SCHEDULE_POLL_MS } from "./scheduledPublishing";
import { type ShareCardOptions, shareCardRoutes } from "./shareCard/shareCardRoutes";
import { SITE_FILES, siteFileRoutes } from "./site/siteFiles";
import { offlinePage, siteStyle, withSite } from "./site/siteTemplate";
import { createStoryReader } from "./storyReader";

export interface AppOptions {
  store: StoryStore;
  publicUrl: string;
  /** The site's identity, from its config file (SITE_CONFIG; src/site/siteConfig.ts). */
  site: SiteConfig;
  pages: PageRenderer;
  /** The built client (dist/client): hashed assets and the public files. Absent in dev. */
  clientDir?: string;
  /** The bootstrap and automation token, with admin rights (auth/access.ts); none, and only accounts write. */
  adminToken?: string;
  /** How long a signed-in session may sit idle, and live at all (auth/sessions.ts). */
  sessions?: SessionSettings;
  /** The JSON log: errors and 5xx always, a line per request too when `requests` (http/serverLog.ts). */
  log?: ServerLogOptions;
  /** The site's public files (public/, or its copy in dist/client): the pictures share cards draw. */
  publicDir: string;
  shareCards?: ShareCardOptions;
  /** How feeds and sitemaps are cut (tests make sitemap parts small). */
  feeds?: Pick<FeedRoutesOptions, "sitemapPartSize">;
  /** Fastify's trustProxy: which proxies' X-Forwarded-For to believe for a client's address. */
  trustProxy?: boolean | string;
  /** Per-client limits on (the default); off, every request is let through and every view counted. */
  rateLimits?: boolean;
  /**
   * Count per-client limits in the store, for every process and server on it, rather than in this
   * process: needed whenever another process may answer the same client (docs/decisions/014).
   */
  sharedLimits?: boolean;
  /** The clock, for what depends on the time (view counts, the news sitemap's last 48 hours). */
  now?: () => Date;
  /** Bytes of rendered pages and API answers kept in this process (64 MiB); 0 keeps none. */
  answerCacheBytes?: number;
  /**
   * A CDN in front: where each write's PURGE goes, and how long it may keep pages and API answers
   * (docs/decisions/027). Without purge URLs, 10 s.
   */
  cdn?: { purgeUrls: string[]; sharedMaxAgeS: number; retryDelaysMs?: number[] };
  /** Let pages carry any inline style (Vite's dev server injects them); production allows none but offline.html's. */
  anyInlineStyle?: boolean;
  /** The change stream's timings and limits (server/events/eventRoutes.ts). */
  events?: EventStreamOptions;
  /**
   * Where uploads and every picture's renditions are kept (MEDIA_URL: a folder or an S3 bucket;
   * docs/decisions/039). Without one, a folder under the system's temporary one.
   */
  media?: MediaStore;
  /** The largest picture and video POST /api/media takes. */
  uploadLimits?: UploadLimits;
  /** Derive the renditions of the latest stories' pictures once listening (one process of a server is enough). */
  warmPictures?: boolean;
  /** How long a request's headers and body may take to arrive, in all (20 s; http/timeouts.ts). */
  requestTimeoutMs?: number;
  /** How often this process looks for scheduled stories due (scheduledPublishing.ts); 0 never. */
  schedulePollMs?: number;
  /** Runs before any route is added: the dev server mounts Vite's middleware here. */
  setup?: (app: FastifyInstance) => Promise<void>;
}

/** The paths the search limit counts, kept answers or not. */
const SEARCH_PATHS = ["/search", "/api/search"];
/** Request bodies are small JSON documents; anything bigger is refused with 413. */
const BODY_LIMIT = 1024 * 1024;
/** A slug may be 120 characters (model/story.ts); Fastify matches no route with a longer parameter than this. */
const MAX_PARAM_LENGTH = 200;

export async function buildApp({
  store,
  publicUrl,
  site: siteConfig,
  pages: givenPages,
  clientDir,
  adminToken,
  sessions = DEFAULT_SESSIONS,
  log = { requests: false },
  setup,
  now = () => new Date(),
  trustProxy = false,
  rateLimits = true,
  sharedLimits = false,
  publicDir,
  shareCards,
  answerCacheBytes = 64 * 1024 * 1024,
  cdn = { purgeUrls: [], sharedMaxAgeS: UNPURGED_MAX_AGE_S },
  feeds,
  anyInlineStyle = false,
  events,
  media = new FolderMediaStore(join(tmpdir(), "dispatch-media")),
  uploadLimits = DEFAULT_UPLOAD_LIMITS,
  warmPictures = false,
  requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
  schedulePollMs = SCHEDULE_POLL_MS,
}: AppOptions): Promise<FastifyInstance> {
  const timeouts = requestTimeouts(requestTimeoutMs);
  const site = browserSite(siteConfig, publicUrl);
  // The site's words, in its config's language, locale and zone (site/siteConfig.ts checked there is a catalogue).
  const words = wordsFor(site);
  const offlineFile = join(publicDir, "offline.html");
  // Every page in the site's language, direction and colours (site/siteTemplate.ts).
  // The site is written into a template once: the production build's is the same for every page.
  let given: string | undefined;
  let sited = "";
  const pages: PageRenderer = {
    ...givenPages,
    template: async (url) => {
      const template = await givenPages.template(url);
      if (template !== given) {
        sited = withSite(template, siteConfig);
        given = template;
      }
      return sited;
    },
  };
  const headers = securityHeaderSet({
    publicUrl,
    anyInlineStyle,
    inlineStyles: [
      siteStyle(siteConfig),
      ...(existsSync(offlineFile)
        ? inlineStylesOf(offlinePage(readFileSync(offlineFile, "utf8"), siteConfig, words))
        : []),
    ],
  });
  // Errors carry the security headers even when answered before any hook could add them.
  const answerError = errorAnswers(
    errorPageFrom((url) => pages.template(url), siteConfig.name, words),
    headers.apply,
  );
  // Kept answers go before Fastify once the routes are in, unless each request is to be logged
  // (the log line is Fastify's), and not once the server is closing (Fastify answers 503 then).
  let answerFirst: AnswerFirst | undefined;
  const app = Fastify({
    serverFactory: serverAnsweringFirst(() => answerFirst),
    ...serverLogOptions(log),
    // A client that stalls its request is cut (408), one that stops reading its answer too.
    requestTimeout: timeouts.requestTimeout,
    connectionTimeout: timeouts.connectionTimeout,
    http: { ...NODE_SERVER_OPTIONS, ...timeouts.http },
    bodyLimit: BODY_LIMIT,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    trustProxy,
    // An absolute-form target (GET http://host/path) is routed as its path: no foreign host reaches a route.
    rewriteUrl: (request) => originForm(request.url ?? "/"),
    // Requests the router cannot even read (bad percent-encoding, say) get the same error shape…
    frameworkErrors: (error, request, reply) => answerError(request, reply, new ApiError("bad_request", error.message)),
    // …and so do those Node cannot parse or wait for (431 headers too large, 400 malformed, 408 too slow).
    clientErrorHandler: answerClientErrors(headers.everyAnswer),
  });
  // What Node would answer itself (no Host, an unknown Expect, CONNECT), answered as any request.
  answerEarlyRequests(app, headers.everyAnswer);
  // Before any route: 405s need every route, and odd targets are refused before any route runs.
  const routes = recordRoutes(app, MAX_PARAM_LENGTH);
  guardRequestTargets(app);
  const reader = createStoryReader(store, publicUrl, now);
  // What each answer shows, and which kept answers still hold (docs/decisions/026).
  const dependencies = new AnswerDependencies(reader);
  const freshness = new AnswerFreshness(store);
  app.decorate("namesDependencies", cdn.purgeUrls.length > 0);
  if (cdn.purgeUrls.length > 0) {
    const purge = cdnPurger({
      urls: cdn.purgeUrls,
      ...(cdn.retryDelaysMs ? { retryDelaysMs: cdn.retryDelaysMs } : {}),
      onFailure: (failure) => app.log.error({ cdnPurge: failure }, "a CDN purge failed every try"),
    });
    const stop = store.watchWrites(purge);
    app.addHook("onClose", async () => stop());
  }
  handleErrors(app, routes, answerError);
  logServerErrors(app);
  const counter = !rateLimits ? noCounter(now) : sharedLimits ? storeCounter(store, now) : processCounter(now);
  await registerRateLimits(app, counter, now);
  securityHeaders(app, headers);
  // Cookies are read for the session alone (auth/sessions.ts); nothing readers see depends on them.
  await app.register(fastifyCookie);
  const access = createAccess(app, { store, adminToken, publicUrl, sessions, now });

  await setup?.(app);

  // Pages, API answers and feeds, compressed as they go out (files are pre-compressed at build
  // time). Brotli at a low quality: most of its gain, at a cost a request can afford. Compression
  // hooks each route, so it runs after any hook of a scope (the ETag is of the plain bytes).
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });

  // The change streams this process holds open: /healthz says how many.
  const eventStreams = new Set<PassThrough>();
  await app.register(healthRoutes, { store, eventStreams: () => eventStreams.size });
  await app.register(siteFileRoutes, { config: siteConfig, publicDir, words });
  if (clientDir && existsSync(clientDir)) {
    await app.register(fileRoutes, { clientDir, ignore: SITE_FILES });
    // The newsroom's pages: staff-only, never kept or cached, so outside the scope below.
    await app.register(newsroomRoutes, { clientDir, site, words });
  }
  await app.register(feedRoutes, { reader, store, site, now, publicDir, ...feeds });
  await app.register(liveFeedRoutes, { reader, store, site });
  await app.register(shareCardRoutes, {
    reader,
    publicDir,
    brand: { name: siteConfig.name, accent: siteConfig.colors.accent },
    ...shareCards,
  });
  await app.register(oembedRoutes, { reader, site });
  await app.register(eventRoutes, { store, streams: eventStreams, ...events });
  // Behind the token and never kept or cached: outside the scope below (api/revisionRoutes.ts).
  await app.register(revisionRoutes, { store, access });
  // The newsroom's list of every story, drafts too: staff only, never kept or cached.
  await app.register(newsroomStoryRoutes, { store, access });
  // Who wrote each correction and live entry: staff only, never kept or cached.
  await app.register(authorshipRoutes, { store, access });
  // Accounts, keys and sessions: behind their own checks, never kept or cached.
  await app.register(signInRoutes, { store, access, counter, publicUrl, now });
  await app.register(passkeyRoutes, { store, access, publicUrl, now });
  await app.register(accountRoutes, { store, access, publicUrl, now });
  // Site pictures (under public/ or uploaded): read (and versioned) when a story is published,
  // derived into renditions on request, kept in the media store.
  const pictures = new SitePictures(publicDir, media);
  const renditions = new RenditionCache(media, pictures);
  const warm = (srcs: string[]) => void warmRenditions(srcs, pictures, renditions);
  await app.register(mediaRoutes, { pictures, renditions, media });
  // Uploads: behind the token, never kept or cached, so outside the scope below.
  await app.register(mediaUploadRoutes, { media, access, limits: uploadLimits, now });
  if (warmPictures)
    app.addHook("onListen", async () => {
      reader.stories({ limit: 50 }).then(
        ({ items }) => warm(sitePicturesOf(items)),
        () => {},
      );
    });
  await app.register(embedRoutes, { reader, site, words });
  publishScheduledStories(app, store, now, schedulePollMs);
  // Behind the token, or a secret link; never kept or cached: outside the scope below.
  await app.register(previewRoutes, { store, reader, site, pages, access, now });

  // Pages and the API: a weak ETag, 304s and Cache-Control on every answer of this scope, and the
  // answers kept, compressed, until the store's version changes.
  await app.register(async (dynamic) => {
    // Before the kept answers: a client past the search limit gets its 429 even for a kept page.
    dynamic.addHook("onRequest", limitPaths(clientLimit(dynamic, SEARCH_LIMIT), SEARCH_PATHS));
    const { placeOf, answerKept } = cacheAnswers(dynamic, {
      maxBytes: answerCacheBytes,
      freshness,
      dependencies,
      sharedMaxAgeS: cdn.sharedMaxAgeS,
      now,
      security: headers,
      throughHooks: SEARCH_PATHS,
    });
    if (!log.requests) {
      app.addHook("onReady", async () => {
        answerFirst = answerKept;
      });
      app.addHook("preClose", async () => {
        answerFirst = undefined;
      });
    }
    tellPagesTheirPlace(dynamic, placeOf);
    const readerFor = (request: FastifyRequest) => dependencies.readerFor(request);
    await dynamic.register(publishingRoutes, { store, reader, access, pictures, warm, now });
    await dynamic.register(entryRoutes, { store, readerFor, access, now });
    await dynamic.register(viewRoutes, { store, readerFor, counter, now });
    await dynamic.register(readRoutes, { readerFor });
    await dynamic.register(pageRoutes, { readerFor, site, pages });
  });
  return app;
}
