// Feeds and crawling: RSS for feed readers (the whole site and each section), sitemaps and a Google
// News sitemap for search engines, and robots.txt pointing at them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { SITE_NAME, type Site } from "../head/head";
import { ApiError, isNotFound } from "../model/apiError";
import type { Block, Image, Section, Story, StorySummary, VideoBlock } from "../model/story";
import type { StoryApi } from "../model/storyApi";
import { type Cursor, decodeCursor, MAX_PAGE_SIZE } from "../model/storyList";
import type { StoryStore } from "../store/storyStore";
import { bodyEtag, holdsVersion } from "./http/etag";
import { el, fragment, type Markup, xmlDocument } from "./xml";

const FEED_SIZE = 50;
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Google News reads at most this many URLs from one news sitemap. */
const NEWS_SITEMAP_LIMIT = 1000;

const RSS_TYPE = "application/rss+xml";
const XML_TYPE = "application/xml";
const TEXT_TYPE = "text/plain";

const RSS_NAMESPACES = {
  "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
  "xmlns:dc": "http://purl.org/dc/elements/1.1/",
  "xmlns:atom": "http://www.w3.org/2005/Atom",
  "xmlns:media": "http://search.yahoo.com/mrss/",
};
const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NAMESPACE = "http://www.google.com/schemas/sitemap-news/0.9";

/** Makes a site path (or an https URL, left as it is) absolute against PUBLIC_URL. */
type Absolute = (path: string) => string;

interface Channel {
  title: string;
  description: string;
  /** The page this feed follows. */
  link: string;
  /** The feed's own URL. */
  self: string;
}

type SectionRequest = { Params: { section: string } };

export function registerFeedRoutes(
  app: FastifyInstance,
  reader: StoryApi,
  store: StoryStore,
  site: Site,
  now: () => Date = () => new Date(),
): void {
  const absolute: Absolute = (path) => new URL(path, site.url).href;

  app.get("/feed.xml", async (request, reply) => {
    const channel: Channel = {
      title: SITE_NAME,
      description: `The latest stories from ${SITE_NAME}.`,
      link: absolute("/"),
      self: absolute("/feed.xml"),
    };
    const stories = await newestStories(reader);
    return send(request, reply, RSS_TYPE, rssFeed(channel, stories, absolute, now()));
  });

  app.get<SectionRequest>("/sections/:section/feed.xml", async (request, reply) => {
    const section = await findSection(reader, request.params.section);
    const channel: Channel = {
      title: `${section.name} | ${SITE_NAME}`,
      description: `The latest ${section.name} stories from ${SITE_NAME}.`,
      link: absolute(`/sections/${section.slug}`),
      self: absolute(`/sections/${section.slug}/feed.xml`),
    };
    const stories = await newestStories(reader, section.slug);
    return send(request, reply, RSS_TYPE, rssFeed(channel, stories, absolute, now()));
  });

  app.get("/sitemap.xml", async (request, reply) => {
    const sections = await reader.sections();
    return send(request, reply, XML_TYPE, await sitemap(store, sections, absolute));
  });

  app.get("/news-sitemap.xml", async (request, reply) => {
    const stories = await recentStories(store, now());
    return send(request, reply, XML_TYPE, newsSitemap(stories, absolute));
  });

  const robots = robotsTxt(absolute);
  app.get("/robots.txt", async (request, reply) => send(request, reply, TEXT_TYPE, robots, 3600));
}

async function findSection(reader: StoryApi, slug: string): Promise<Section> {
  const section = (await reader.sections()).find((s) => s.slug === slug);
  if (!section) throw new ApiError("section_not_found", `There is no section ${JSON.stringify(slug.slice(0, 120))}.`);
  return section;
}

/** The newest stories in full, for a feed; one deleted since it was listed is left out. */
async function newestStories(reader: StoryApi, section?: string): Promise<Story[]> {
  const page = await reader.stories({ limit: FEED_SIZE, ...(section ? { section } : {}) });
  const stories = await Promise.all(
    page.items.map((summary) =>
      reader.story(summary.slug).catch((error: unknown) => {
        if (isNotFound(error)) return null;
        throw error;
      }),
    ),
  );
  return stories.filter((story) => story !== null);
}

/** Every story, newest first, a page at a time. */
async function* everyStory(store: StoryStore): AsyncGenerator<StorySummary> {
  let cursor: Cursor | undefined;
  do {
    const page = await store.listStories({ limit: MAX_PAGE_SIZE, cursor });
    yield* page.items;
    cursor = page.nextCursor ? (decodeCursor(page.nextCursor) ?? undefined) : undefined;
  } while (cursor);
}

async function recentStories(store: StoryStore, now: Date): Promise<StorySummary[]> {
  const since = now.getTime() - NEWS_WINDOW_MS;
  const recent: StorySummary[] = [];
  for await (const story of everyStory(store)) {
    const published = Date.parse(story.publishedAt);
    if (published < since || recent.length === NEWS_SITEMAP_LIMIT) break;
    if (published <= now.getTime()) recent.push(story);
  }
  return recent;
}

// ---- RSS

function rssFeed(channel: Channel, stories: Story[], absolute: Absolute, builtAt: Date): string {
  const lastChange = stories.reduce<string | undefined>((time, story) => later(time, story.updatedAt), undefined);
  return xmlDocument(
    el(
      "rss",
      { version: "2.0", ...RSS_NAMESPACES },
      el(
        "channel",
        {},
        el("title", {}, channel.title),
        el("link", {}, channel.link),
        el("description", {}, channel.description),
        el("language", {}, "en"),
        el("lastBuildDate", {}, rfc822(lastChange ?? builtAt)),
        el("atom:link", { href: channel.self, rel: "self", type: RSS_TYPE }),
        ...stories.map((story) => rssItem(story, absolute)),
      ),
    ),
  );
}

function rssItem(story: Story, absolute: Absolute): Markup {
  return el(
    "item",
    {},
    el("title", {}, story.headline),
    el("link", {}, story.url),
    el("guid", { isPermaLink: "true" }, story.url),
    el("pubDate", {}, rfc822(story.publishedAt)),
    el("description", {}, summary(story)),
    ...story.authors.map((author) => el("dc:creator", {}, author.name)),
    el("category", { domain: absolute(`/sections/${story.section.slug}`) }, story.section.name),
    ...story.tags.map((tag) => el("category", { domain: absolute(`/tags/${tag.slug}`) }, tag.name)),
    // The HTML goes in as escaped text rather than CDATA: nothing in it can end the element early.
    el("content:encoded", {}, storyHtml(story, absolute).toString()),
    story.image && imageMedia(story.image, absolute),
    ...playableVideos(story.body).map((video) => videoMedia(video, absolute)),
  );
}

function summary(story: Story): string {
  return story.deck ?? story.body.find((block) => block.type === "paragraph")?.text ?? story.headline;
}

function imageMedia(image: Image, absolute: Absolute): Markup {
  return el(
    "media:content",
    { url: absolute(image.src), medium: "image", width: image.width, height: image.height },
    image.alt && el("media:description", { type: "plain" }, image.alt),
  );
}

/** Videos with a file a feed reader can fetch: YouTube ids and placeholders have none. */
function playableVideos(body: Block[]): { video: VideoBlock; file: VideoBlock["sources"][number] }[] {
  return body.flatMap((block) => {
    if (block.type !== "video") return [];
    const file =
      block.sources.find((s) => s.type === "video/mp4") ?? block.sources.find((s) => s.type !== "video/youtube");
    return file ? [{ video: block, file }] : [];
  });
}

function videoMedia(
  { video, file }: { video: VideoBlock; file: VideoBlock["sources"][number] },
  absolute: Absolute,
): Markup {
  return el(
    "media:content",
    {
      url: absolute(file.src),
      medium: "video",
      type: file.type,
      duration: video.durationS ? Math.ceil(video.durationS) : undefined,
    },
    el("media:title", { type: "plain" }, video.title),
    video.poster && el("media:thumbnail", { url: absolute(video.poster) }),
  );
}

// ---- The story as HTML, for content:encoded

function storyHtml(story: Story, absolute: Absolute): Markup {
  return fragment(
    story.image && el("figure", {}, imageElement(story.image, absolute)),
    ...story.body.map((block) => blockHtml(block, story, absolute)),
  );
}

function blockHtml(block: Block, story: Story, absolute: Absolute): Markup {
  switch (block.type) {
    case "paragraph":
      return el("p", {}, block.text);
    case "heading":
      return el("h2", {}, block.text);
    case "quote":
      // As on the page: who said it is a caption, not a <cite> (which names works, not people).
      return el(
        "figure",
        {},
        el("blockquote", {}, el("p", {}, block.text)),
        block.cite && el("figcaption", {}, block.cite),
      );
    case "image":
      return el("figure", {}, imageElement(block, absolute), block.caption && el("figcaption", {}, block.caption));
    case "related":
      return el(
        "p",
        {},
        block.slug ? el("a", { href: absolute(`/stories/${block.slug}`) }, block.headline) : block.headline,
      );
    case "video":
      return videoHtml(block, story, absolute);
    default:
      return unknownBlock(block);
  }
}

function unknownBlock(block: never): never {
  throw new Error(`No feed renderer for story block ${JSON.stringify(block)}`);
}

function imageElement(image: Image, absolute: Absolute): Markup {
  return el("img", { src: absolute(image.src), alt: image.alt, width: image.width, height: image.height });
}

function videoHtml(video: VideoBlock, story: Story, absolute: Absolute): Markup {
  if (video.sources.length === 0) return el("p", {}, "Video unavailable");
  // A YouTube video plays on the story page, behind its privacy facade; the feed links there.
  if (video.sources.some((source) => source.type === "video/youtube"))
    return el("p", {}, el("a", { href: story.url }, `Video: ${video.title}`));
  const download = video.sources.find((s) => s.type === "video/mp4" || s.type === "video/webm");
  return el(
    "figure",
    {},
    el(
      "video",
      { controls: "controls", preload: "metadata", poster: video.poster && absolute(video.poster) },
      ...video.sources.map((source) => el("source", { src: absolute(source.src), type: source.type })),
      ...(video.captions ?? []).map((track) =>
        el("track", { kind: "captions", src: absolute(track.src), srclang: track.srclang, label: track.label }),
      ),
      download && el("p", {}, el("a", { href: absolute(download.src) }, "Download the video")),
    ),
    el("figcaption", {}, video.title),
  );
}

// ---- Sitemaps

async function sitemap(store: StoryStore, sections: Section[], absolute: Absolute): Promise<string> {
  const storyUrls: Markup[] = [];
  const lastChangeBySection = new Map<string, string>();
  let lastChange: string | undefined;
  for await (const story of everyStory(store)) {
    storyUrls.push(sitemapUrl(absolute(`/stories/${story.slug}`), story.updatedAt));
    lastChange = later(lastChange, story.updatedAt);
    lastChangeBySection.set(story.section.slug, later(lastChangeBySection.get(story.section.slug), story.updatedAt));
  }
  return xmlDocument(
    el(
      "urlset",
      { xmlns: SITEMAP_NAMESPACE },
      sitemapUrl(absolute("/"), lastChange),
      ...sections.map((section) =>
        sitemapUrl(absolute(`/sections/${section.slug}`), lastChangeBySection.get(section.slug)),
      ),
      ...storyUrls,
    ),
  );
}

function sitemapUrl(loc: string, lastmod: string | undefined): Markup {
  return el("url", {}, el("loc", {}, loc), lastmod && el("lastmod", {}, w3cDate(lastmod)));
}

function newsSitemap(stories: StorySummary[], absolute: Absolute): string {
  return xmlDocument(
    el(
      "urlset",
      { xmlns: SITEMAP_NAMESPACE, "xmlns:news": NEWS_NAMESPACE },
      ...stories.map((story) =>
        el(
          "url",
          {},
          el("loc", {}, absolute(`/stories/${story.slug}`)),
          el(
            "news:news",
            {},
            el("news:publication", {}, el("news:name", {}, SITE_NAME), el("news:language", {}, "en")),
            el("news:publication_date", {}, w3cDate(story.publishedAt)),
            el("news:title", {}, story.headline),
          ),
        ),
      ),
    ),
  );
}

function robotsTxt(absolute: Absolute): string {
  return [
    "User-agent: *",
    "Allow: /",
    "Disallow: /api/",
    "",
    `Sitemap: ${absolute("/sitemap.xml")}`,
    `Sitemap: ${absolute("/news-sitemap.xml")}`,
    "",
  ].join("\n");
}

// ---- Dates and responses

/** RSS dates are RFC 822; toUTCString writes its RFC 1123 form, which every reader accepts. */
const rfc822 = (date: string | Date) => new Date(date).toUTCString();
const w3cDate = (iso: string) => new Date(iso).toISOString();

/** The later of two ISO times (which may carry different offsets). */
const later = (a: string | undefined, b: string): string => (a && Date.parse(a) >= Date.parse(b) ? a : b);

/**
 * Feed readers poll: an ETag lets them ask again for the cost of a 304. Responses are cacheable
 * by browsers and CDNs for a few minutes, so a new story shows up soon after it is published.
 */
function send(request: FastifyRequest, reply: FastifyReply, type: string, body: string, maxAge = 300) {
  reply.header("cache-control", `public, max-age=${maxAge}`);
  if (holdsVersion(request, reply, bodyEtag(body))) return reply.code(304).send();
  return reply.type(`${type}; charset=utf-8`).send(body);
}
