// GET /og/:slug.png as a Fastify plugin: a story's share card, rendered once per version of the
// story and kept in memory; concurrent requests for one card share one render.
import { createHash } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import type { Story } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import { holdsVersion } from "../http/etag";
import { slugParam } from "../http/slugParam";
import { RecentlyUsed } from "./cardCache";
import { sharePictureSources } from "./picture";
import { renderShareCard, shareCardContent } from "./ShareCard";

export interface ShareCardOptions {
  /** How many rendered cards are kept in memory (200); the least recently used goes first. */
  cacheEntries?: number;
  /** How many bytes of rendered cards are kept (64 MiB): a card with a photo is up to ~0.7 MB. */
  cacheBytes?: number;
  /** Told of every render (not of cache hits): for logs, metrics and tests. */
  onRender?: (render: { slug: string; ms: number }) => void;
}

export interface ShareCardRoutesOptions extends ShareCardOptions {
  reader: StoryApi;
  /** The site's public files: the pictures cards draw. */
  publicDir: string;
}

/** Bumped when the card's design changes, so that caches and ETags from the old design lapse. */
const CARD_DESIGN = "1";
const CACHE_CONTROL = "public, max-age=3600";

type CardRequest = { Params: { slug: string } };

export const shareCardRoutes: FastifyPluginAsync<ShareCardRoutesOptions> = async (
  app,
  { reader, publicDir, cacheEntries = 200, cacheBytes = 64 * 1024 * 1024, onRender },
) => {
  const rendered = new RecentlyUsed(cacheEntries, cacheBytes);
  const rendering = new Map<string, Promise<Buffer>>();

  const render = async (story: Story): Promise<Buffer> => {
    const started = performance.now();
    const png = await renderShareCard(await shareCardContent(story, publicDir));
    onRender?.({ slug: story.slug, ms: performance.now() - started });
    return png;
  };

  /** A failed render is not kept. */
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
};

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
