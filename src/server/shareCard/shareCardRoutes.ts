// GET /og/:slug.png as a Fastify plugin: a story's share card, rendered once per version of the
// story and kept in memory; concurrent requests for one card share one render. Cards are drawn on
// worker threads (cardPool.ts), a few at a time behind a bounded queue: past it a card answers 503
// with Retry-After, and the main thread, which serves every page, only reads the story. One client
// may have a few renders under way and start a few dozen a minute (429 with Retry-After past
// either), so no one client fills the queue; cards already drawn are never limited. A client with
// no render left is refused before its story is read, unless a card is drawn under that URL: a
// flood of refused cards then costs the main thread a limit's check each (docs/decisions/024).
import { createHash } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "../../model/apiError";
import type { Story } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import { BoundedCache } from "../http/boundedCache";
import { sendError } from "../http/errors";
import { holdsVersion } from "../http/etag";
import { clientLimit, clientOf, type Limit } from "../http/rateLimits";
import { slugParam } from "../http/slugParam";
import { type CardBrand, cardFacts } from "./cardFacts";
import { CardPool, CardPoolBusy, type CardThreadEvent, defaultCardThreads } from "./cardPool";
import { type CardShape, isCardShape } from "./cardShapes";
import { sharePictureSources } from "./picture";

export interface ShareCardOptions {
  /** How many rendered cards are kept in memory (200); the least recently used goes first. */
  cacheEntries?: number;
  /** How many bytes of rendered cards are kept (64 MiB): a card with a photo is up to ~0.7 MB. */
  cacheBytes?: number;
  /** Worker threads that draw cards, and so renders at once (a core less than the machine has, 1 to 2). */
  threads?: number;
  /** Renders that may wait for a thread (32); past that a card answers 503 with Retry-After. */
  queue?: number;
  /** A render still running after this long fails, and its thread is replaced (20 s). */
  renderTimeoutMs?: number;
  /**
   * Renders one client may have under way at once in a process (2), and start a minute (30); past
   * either, 429 with Retry-After. Cards already drawn are never limited.
   */
  perClient?: { atOnce: number; perMinute: number };
  /** Told of every render (not of cache hits): for logs, metrics and tests. */
  onRender?: (render: CardRender) => void;
  /** Told when a render thread starts and when it has exited: for logs and tests. */
  onThread?: (event: CardThreadEvent) => void;
}

export interface CardRender {
  slug: string;
  /** How long the worker took to draw the card. */
  ms: number;
  /** How long the card waited for a worker. */
  queuedMs: number;
  /** When the worker began drawing, in ms since the epoch (performance.timeOrigin + now()). */
  startedAt: number;
  /** The worker thread's id. */
  thread: number;
}

export interface ShareCardRoutesOptions extends ShareCardOptions {
  reader: StoryApi;
  /** The site's public files: the pictures cards draw. */
  publicDir: string;
  /** The site's name and accent colour, which every card carries (from the site config). */
  brand: CardBrand;
}

/** Bumped when the card's design changes, so that caches and ETags from the old design lapse. */
const CARD_DESIGN = "1";
const CACHE_CONTROL = "public, max-age=3600";
/** A full queue drains in a few seconds at a few renders a second per thread. */
const RETRY_AFTER_SECONDS = 5;
/** Renders one client may start a minute (cards already drawn are free). */
const cardRendersLimit = (max: number): Limit => ({
  name: "card-renders",
  max,
  windowMs: 60_000,
  message: "Too many share cards drawn for this client: try again in a minute.",
});

type CardRequest = { Params: { slug: string } };

export const shareCardRoutes: FastifyPluginAsync<ShareCardRoutesOptions> = async (
  app,
  {
    reader,
    publicDir,
    brand,
    cacheEntries = 200,
    cacheBytes = 64 * 1024 * 1024,
    threads = defaultCardThreads(),
    queue = 32,
    renderTimeoutMs = 20_000,
    perClient = { atOnce: 2, perMinute: 30 },
    onRender,
    onThread,
  },
) => {
  // Cards by slug (and shape), each the drawing of one version of its story; and those being drawn.
  const rendered = new BoundedCache<{ etag: string; png: Buffer }>({ maxEntries: cacheEntries, maxBytes: cacheBytes });
  const rendering = new Map<string, { etag: string; card: Promise<Buffer> }>();
  // Its threads start with the first card drawn, and stop when the app closes (after the requests in flight).
  const pool = new CardPool({ threads, queue, renderTimeoutMs, publicDir, onThread });
  app.addHook("onClose", () => pool.close());

  const renders = clientLimit(app, cardRendersLimit(perClient.perMinute));
  const underWay = new Map<string, number>();
  const tooManyAtOnce = (reply: FastifyReply) => {
    reply.header("retry-after", String(RETRY_AFTER_SECONDS)).header("cache-control", "no-store");
    return new ApiError("too_many_requests", "This client already has share cards being drawn: try again shortly.");
  };

  /** This version's card, drawn or being drawn, if there is one. */
  const existing = (key: string, etag: string): Buffer | Promise<Buffer> | undefined => {
    const kept = rendered.get(key);
    if (kept?.etag === etag) return kept.png;
    const started = rendering.get(key);
    if (started?.etag === etag) return started.card;
    return undefined;
  };

  /**
   * Before the story is read: a client that may start no render now is refused when no card is
   * drawn or being drawn under this key, since its request could only start one (unless it holds a
   * card already: a 304 is never limited). A refused flood then costs the main thread next to
   * nothing (a limit's check), not a story read each.
   */
  const refuseEarly = async (request: FastifyRequest, reply: FastifyReply, key: string) => {
    if (rendered.get(key) || rendering.has(key) || request.headers["if-none-match"]) return;
    const client = clientOf(request);
    if (client === null) throw new ApiError("bad_request", "The connection closed before the card could be drawn.");
    if ((underWay.get(client) ?? 0) >= perClient.atOnce) throw tooManyAtOnce(reply);
    await renders.spent(request, reply);
  };

  /** A new render, if this client may start one: counted per minute, and per client at once. */
  const renderFor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    story: Story,
    key: string,
    etag: string,
    shape?: CardShape,
  ) => {
    await renders.hit(request, reply);
    // Another request may have started this card while the limit was counted.
    const started = existing(key, etag);
    if (started) return started;
    const client = clientOf(request);
    if (client === null) throw new ApiError("bad_request", "The connection closed before the card could be drawn.");
    const own = underWay.get(client) ?? 0;
    if (own >= perClient.atOnce) throw tooManyAtOnce(reply);
    underWay.set(client, own + 1);
    const card = pool
      .render(cardFacts(story, brand), shape)
      .then(({ png, ...timing }) => {
        onRender?.({ slug: story.slug, ...timing });
        rendered.set(key, { etag, png }, png.length);
        return png;
      })
      .finally(() => {
        if (rendering.get(key)?.card === card) rendering.delete(key);
        const left = (underWay.get(client) ?? 1) - 1;
        if (left > 0) underWay.set(client, left);
        else underWay.delete(client);
      });
    rendering.set(key, { etag, card });
    return card;
  };

  // The card, and (/og/:slug/16x9.png, 4x3, 1x1) the card set in the shapes JSON-LD offers.
  const serveCard = async (request: FastifyRequest, reply: FastifyReply, slugValue: string, shapeValue?: string) => {
    const slug = slugParam(slugValue);
    if (shapeValue !== undefined && !isCardShape(shapeValue))
      throw new ApiError("not_found", "A share card comes in the shapes 16x9, 4x3 and 1x1.");
    const shape = shapeValue;
    const key = shape ? `${slug}/${shape}` : slug;
    await refuseEarly(request, reply, key);
    const story = await reader.story(slug);
    if (story.slug !== slug) return reply.redirect(`/og/${story.slug}${shape ? `/${shape}` : ""}.png`, 301);

    const etag = shape ? `${cardEtag(story, brand).slice(0, -1)}-${shape}"` : cardEtag(story, brand);
    if (holdsVersion(request, reply, etag)) return reply.code(304).header("cache-control", CACHE_CONTROL).send();
    let png: Buffer;
    try {
      // Cache hits and renders already under way never wait for the pool nor count; a failed render is not kept.
      png = await (existing(key, etag) ?? renderFor(request, reply, story, key, etag, shape));
    } catch (error) {
      if (!(error instanceof CardPoolBusy)) throw error;
      reply.removeHeader("etag").header("cache-control", "no-store").header("retry-after", String(RETRY_AFTER_SECONDS));
      return sendError(
        reply,
        new ApiError("busy", "Too many share cards are being drawn: try again in a few seconds."),
      );
    }
    return reply.header("cache-control", CACHE_CONTROL).type("image/png").send(png);
  };
  app.get<CardRequest>("/og/:slug.png", (request, reply) => serveCard(request, reply, request.params.slug));
  app.get<{ Params: { slug: string; shape: string } }>("/og/:slug/:shape.png", (request, reply) =>
    serveCard(request, reply, request.params.slug, request.params.shape),
  );
};

/** A strong ETag of everything the card is drawn from, so it changes exactly when the card would. */
export function cardEtag(story: Story, brand: CardBrand): string {
  const inputs = [
    CARD_DESIGN,
    brand.name,
    brand.accent,
    story.slug,
    story.updatedAt,
    story.section.name,
    story.kicker ?? "",
    story.headline,
    story.hasVideo,
    ...sharePictureSources(story),
  ];
  return `"${createHash("sha256").update(JSON.stringify(inputs)).digest("base64url").slice(0, 32)}"`;
}
