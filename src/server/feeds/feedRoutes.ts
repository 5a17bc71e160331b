// Feeds and crawling, as one Fastify plugin: RSS for feed readers (the whole site and each
// section), sitemaps and a Google News sitemap for search engines, and robots.txt pointing at them.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Site } from "../../head/head";
import { ApiError } from "../../model/apiError";
import type { Section } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import type { StoryStore } from "../../store/storyStore";
import { bodyEtag, holdsVersion } from "../http/etag";
import { robotsTxt } from "./robots";
import { channel, RSS_TYPE, rssFeed } from "./rss";
import { newsSitemap, sitemap } from "./sitemaps";
import type { Absolute } from "./storyHtml";
import { newestStories, recentStories } from "./storyPages";

export interface FeedRoutesOptions {
  /** Sections, as pages read them. */
  reader: StoryApi;
  /** Stories: feeds and sitemaps read the store directly, in pages (see storyPages.ts). */
  store: StoryStore;
  site: Site;
  /** The clock: the news sitemap lists the last 48 hours. */
  now: () => Date;
}

const XML_TYPE = "application/xml";
const TEXT_TYPE = "text/plain";

type SectionRequest = { Params: { section: string } };

export const feedRoutes: FastifyPluginAsync<FeedRoutesOptions> = async (app, { reader, store, site, now }) => {
  const absolute: Absolute = (path) => new URL(path, site.url).href;

  app.get("/feed.xml", async (request, reply) => {
    const stories = await newestStories(store, absolute);
    return send(request, reply, RSS_TYPE, rssFeed(channel(absolute), stories, absolute, now()));
  });

  app.get<SectionRequest>("/sections/:section/feed.xml", async (request, reply) => {
    const section = await findSection(reader, request.params.section);
    const stories = await newestStories(store, absolute, section.slug);
    return send(request, reply, RSS_TYPE, rssFeed(channel(absolute, section), stories, absolute, now()));
  });

  app.get("/sitemap.xml", async (request, reply) =>
    send(request, reply, XML_TYPE, await sitemap(store, await reader.sections(), absolute)),
  );

  app.get("/news-sitemap.xml", async (request, reply) =>
    send(request, reply, XML_TYPE, newsSitemap(await recentStories(store, now()), absolute)),
  );

  const robots = robotsTxt(absolute);
  app.get("/robots.txt", async (request, reply) => send(request, reply, TEXT_TYPE, robots, 3600));
};

async function findSection(reader: StoryApi, slug: string): Promise<Section> {
  const section = (await reader.sections()).find((s) => s.slug === slug);
  if (!section) throw new ApiError("section_not_found", `There is no section ${JSON.stringify(slug.slice(0, 120))}.`);
  return section;
}

/**
 * Feed readers poll: an ETag lets them ask again for the cost of a 304. Answers are cacheable by
 * browsers and CDNs for a few minutes, so a new story shows up soon after it is published.
 */
function send(request: FastifyRequest, reply: FastifyReply, type: string, body: string, maxAge = 300) {
  reply.header("cache-control", `public, max-age=${maxAge}`);
  if (holdsVersion(request, reply, bodyEtag(body))) return reply.code(304).send();
  return reply.type(`${type}; charset=utf-8`).send(body);
}
