// GET /og/:slug.png: a story's share card, rendered once per version of the story and kept in memory.
import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Story } from "../model/story";
import type { StoryApi } from "../model/storyApi";
import { holdsVersion } from "./http/etag";
import { slugParam } from "./http/slugParam";
import { renderShareCard, shareCardContent, sharePictureSources } from "./shareCard";

export interface ShareCardRouteOptions {
  /** How many rendered cards are kept in memory (200); the least recently used goes first. */
  cacheEntries?: number;
  /** How many bytes of rendered cards are kept (64 MiB): a card with a photo is up to ~0.7 MB. */
  cacheBytes?: number;
  /** Told of every render (not of cache hits): for logs, metrics and tests. */
  onRender?: (render: { slug: string; ms: number }) => void;
}

/** Bumped when the card's design changes, so that caches and ETags from the old design lapse. */
const CARD_DESIGN = "1";
const CACHE_CONTROL = "public, max-age=3600";

type CardRequest = { Params: { slug: string } };

export function registerShareCardRoutes(
  app: FastifyInstance,
  reader: StoryApi,
  publicDir: string,
  { cacheEntries = 200, cacheBytes = 64 * 1024 * 1024, onRender }: ShareCardRouteOptions = {},
): void {
  const rendered = new RecentlyUsed(cacheEntries, cacheBytes);
  const rendering = new Map<string, Promise<Buffer>>();

  const render = async (story: Story): Promise<Buffer> => {
    const started = performance.now();
    const png = await renderShareCard(await shareCardContent(story, publicDir));
    onRender?.({ slug: story.slug, ms: performance.now() - started });
    return png;
  };

  /** Concurrent requests for one card share one render; a failed render is not kept. */
  const cardFor = async (story: Story, etag: string): Promise<Buffer> => {
    const cached = rendered.get(etag) ?? rendering.get(etag);
    if (cached) return cached;
    const card = render(story)
      .then((png) => rendered.set(etag, png))
      .finally(() => rendering.delete(etag));
    rendering.set(etag, card);
    return card;
  };

  app.get<CardRequest>("/og/:slug.png", async (request, reply) => {
    const slug = slugParam(request.params.slug);
    const story = await reader.story(slug);
    if (story.slug !== slug) return reply.redirect(`/og/${story.slug}.png`, 301);

    reply.header("cache-control", CACHE_CONTROL);
    const etag = cardEtag(story);
    if (holdsVersion(request, reply, etag)) return reply.code(304).send();
    return reply.type("image/png").send(await cardFor(story, etag));
  });
}

/** A strong ETag of everything the card is drawn from, so it changes exactly when the card would. */
export function cardEtag(story: Story): string {
  const inputs = [
    CARD_DESIGN,
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

/** Rendered cards by ETag, bounded in count and bytes; the least recently used is forgotten first. */
class RecentlyUsed {
  // A Map iterates in insertion order, so its first key is the least recently used.
  readonly #cards = new Map<string, Buffer>();
  #bytes = 0;
  readonly #maxEntries: number;
  readonly #maxBytes: number;

  constructor(maxEntries: number, maxBytes: number) {
    this.#maxEntries = maxEntries;
    this.#maxBytes = maxBytes;
  }

  get(key: string): Buffer | undefined {
    const card = this.#cards.get(key);
    if (card) this.#touch(key, card);
    return card;
  }

  /** Keeps the card (unless it alone is over the byte bound) and returns it. */
  set(key: string, card: Buffer): Buffer {
    this.#forget(key);
    if (card.length > this.#maxBytes) return card;
    this.#touch(key, card);
    this.#bytes += card.length;
    for (const oldest of this.#cards.keys()) {
      if (this.#cards.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#forget(oldest);
    }
    return card;
  }

  #touch(key: string, card: Buffer): void {
    this.#cards.delete(key);
    this.#cards.set(key, card);
  }

  #forget(key: string): void {
    const card = this.#cards.get(key);
    if (!card) return;
    this.#cards.delete(key);
    this.#bytes -= card.length;
  }
}
