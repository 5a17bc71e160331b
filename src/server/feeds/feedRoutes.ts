// Feeds and crawling, as one Fastify plugin: RSS for feed readers (the whole site and each
// section), a sitemap index with its child sitemaps and a Google News sitemap for search engines,
// and robots.txt pointing at them.
import { Readable } from "node:stream";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Site } from "../../head/head";
import { ApiError } from "../../model/apiError";
import { STORIES } from "../../model/dependencies";
import type { Section } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import { MAX_PAGE_SIZE } from "../../model/storyList";
import type { StoryStore } from "../../store/storyStore";
import { wordsFor } from "../../words/siteWords";
import { nameDependencies } from "../http/caching";
import { bodyEtag, holdsVersion } from "../http/etag";
import { enclosures } from "./enclosures";
import { robotsTxt } from "./robots";
import { channel, RSS_TYPE, rssFeed } from "./rss";
import {
  lastChange,
  newsSitemap,
  PAGES_SITEMAP,
  pagesSitemap,
  parseChildName,
  SITEMAP_MAX_URLS,
  type SitemapLink,
  type StoryChild,
  sitemapIndex,
  storyChild,
  storyChildren,
  storySitemap,
} from "./sitemaps";
import type { Absolute } from "./storyHtml";
import { newestStories, recentStories } from "./storyPages";
import { later } from "./times";

export interface FeedRoutesOptions {
  /** Sections, as pages read them. */
  reader: StoryApi;
  /** Stories: feeds and sitemaps read the store directly, in pages and spans (see storyPages.ts). */
  store: StoryStore;
  site: Site;
  /** The clock: the news sitemap lists the last 48 hours. */
  now: () => Date;
  /** The public files, whose sizes the feeds' enclosures give (none known without it). */
  publicDir?: string;
  /** The most URLs one child sitemap lists; a month with more is split (default: the protocol's 50,000). */
  sitemapPartSize?: number;
}

const XML_TYPE = "application/xml";
const TEXT_TYPE = "text/plain";

type SectionRequest = { Params: { section: string } };
type SitemapRequest = { Params: { name: string } };

export const feedRoutes: FastifyPluginAsync<FeedRoutesOptions> = async (
  app,
  { reader, store, site, now, publicDir, sitemapPartSize = SITEMAP_MAX_URLS },
) => {
  if (!Number.isInteger(sitemapPartSize) || sitemapPartSize < 1 || sitemapPartSize > SITEMAP_MAX_URLS)
    throw new Error(`sitemapPartSize must be an integer from 1 to ${SITEMAP_MAX_URLS}, got ${sitemapPartSize}`);
  const absolute: Absolute = (path) => new URL(path, site.url).href;
  const words = wordsFor(site);

  // A streamed answer sends its headers before its body, so a keep-alive connection it holds when
  // the server starts closing is not idle then, and Node leaves it open once the answer is done
  // until the keep-alive timeout (72 s in Fastify): a shutdown would wait that long, or be cut
  // short. Such connections are ended once their answer has gone out.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });
  const endAfterwardsIfClosing = (reply: FastifyReply) => {
    const socket = reply.raw.socket;
    reply.raw.once("finish", () => {
      if (closing) socket?.end();
    });
  };

  app.get("/feed.xml", async (request, reply) => {
    const stories = await newestStories(store, absolute);
    const files = await enclosures(stories, publicDir);
    return send(
      request,
      reply,
      RSS_TYPE,
      rssFeed(channel(site, absolute, words), stories, absolute, words, now(), files),
    );
  });

  app.get<SectionRequest>("/sections/:section/feed.xml", async (request, reply) => {
    const section = await findSection(reader, request.params.section);
    const stories = await newestStories(store, absolute, section.slug);
    const files = await enclosures(stories, publicDir);
    return send(
      request,
      reply,
      RSS_TYPE,
      rssFeed(channel(site, absolute, words, section), stories, absolute, words, now(), files),
    );
  });

  /**
   * The front page and each section, each changed when one of the stories it lists first changed:
   * the latest update among its newest stories (one page of the list, read from its index). An
   * edit to a story years old changes no page but the story's own.
   */
  async function sitePages(): Promise<SitemapLink[]> {
    const newestChange = async (section?: string) =>
      (await store.listStories({ limit: MAX_PAGE_SIZE, ...(section ? { section } : {}) })).items.reduce<
        string | undefined
      >((time, story) => later(time, story.updatedAt), undefined);
    const sections = await reader.sections();
    return Promise.all([
      newestChange().then((lastmod) => ({ loc: absolute("/"), lastmod })),
      ...sections.map(async (section) => ({
        loc: absolute(`/sections/${section.slug}`),
        lastmod: await newestChange(section.slug),
      })),
    ]);
  }

  app.get("/sitemap.xml", async (request, reply) => {
    const [pages, children] = await Promise.all([sitePages(), storyChildren(store.sitemaps, sitemapPartSize)]);
    const index = sitemapIndex([
      { loc: absolute(`/sitemaps/${PAGES_SITEMAP}`), lastmod: lastChange(pages) },
      ...children.map((child) => ({ loc: absolute(`/sitemaps/${child.name}`), lastmod: child.lastmod })),
    ]);
    return send(request, reply, XML_TYPE, index);
  });

  app.get<SitemapRequest>("/sitemaps/:name", async (request, reply) => {
    const { name } = request.params;
    if (name === PAGES_SITEMAP) return send(request, reply, XML_TYPE, pagesSitemap(await sitePages()));
    const wanted = parseChildName(name);
    const child = wanted && (await storyChild(store.sitemaps, wanted.month, wanted.part, sitemapPartSize));
    if (!child) throw new ApiError("not_found", `There is no sitemap ${JSON.stringify(name.slice(0, 120))}.`);
    reply.header("cache-control", "public, max-age=300");
    nameDependencies(reply, [STORIES]);
    if (holdsVersion(request, reply, childEtag(child, site))) return reply.code(304).send();
    const body = Readable.from(storySitemap(store.sitemaps, child, sitemapPartSize, absolute), { objectMode: false });
    endAfterwardsIfClosing(reply);
    return reply.type(`${XML_TYPE}; charset=utf-8`).send(body);
  });

  app.get("/news-sitemap.xml", async (request, reply) =>
    send(request, reply, XML_TYPE, newsSitemap(await recentStories(store, now()), absolute, site)),
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
 * A streamed child has no bytes to hash before it is sent: its tag is drawn from what it is made of
 * instead, its bounds and its stories' count and latest update (read before streaming, from the
 * index). Adding, deleting or editing one of its stories changes one of them. A change that keeps
 * both (a story moved to a new slug with its updatedAt kept) keeps the old tag until the month's
 * next change; the crawler meanwhile holds the old URL, which redirects to the new one.
 */
function childEtag(child: StoryChild, site: Site): string {
  const { span, count, lastmod } = child;
  return bodyEtag(JSON.stringify(["story-sitemap-1", site.url, child.name, span.from, span.to, count, lastmod]));
}

/**
 * Feed readers poll: an ETag lets them ask again for the cost of a 304. Answers are cacheable by
 * browsers and CDNs for a few minutes, so a new story shows up soon after it is published.
 */
function send(request: FastifyRequest, reply: FastifyReply, type: string, body: string, maxAge = 300) {
  reply.header("cache-control", `public, max-age=${maxAge}`);
  // Every feed and sitemap lists from the whole collection: any story write may change it.
  nameDependencies(reply, [STORIES]);
  if (holdsVersion(request, reply, bodyEtag(body))) return reply.code(304).send();
  return reply.type(`${type}; charset=utf-8`).send(body);
}
