// The feed of a live story's entries: GET /stories/:slug/feed.xml, RSS 2.0 of its newest 50
// entries (pinned or not) newest first, each whole in content:encoded and linked to its place on
// the page. Any story that has been live has one; other stories have none (404).
import type { FastifyPluginAsync } from "fastify";
import type { Site } from "../../head/head";
import { entryText, entryTitle, liveFeedUrl } from "../../head/liveHead";
import { ApiError } from "../../model/apiError";
import { entriesKey, storyKey } from "../../model/dependencies";
import type { LiveEntry } from "../../model/liveEntry";
import type { Story } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import type { StoryStore } from "../../store/storyStore";
import { wordsFor } from "../../words/siteWords";
import type { Words } from "../../words/words";
import { nameDependencies } from "../http/caching";
import { bodyEtag, holdsVersion } from "../http/etag";
import { slugParam } from "../http/slugParam";
import { RSS_TYPE } from "./rss";
import { type Absolute, blockHtml } from "./storyHtml";
import { later, rfc822, w3cDate } from "./times";
import { el, fragment, type Markup, xmlDocument } from "./xml";

const FEED_ENTRIES = 50;

export const liveFeedRoutes: FastifyPluginAsync<{
  reader: StoryApi;
  store: StoryStore;
  site: Site;
}> = async (app, { reader, store, site }) => {
  const absolute: Absolute = (path) => new URL(path, site.url).href;
  const words = wordsFor(site);

  app.get<{ Params: { slug: string } }>("/stories/:slug/feed.xml", async (request, reply) => {
    const slug = slugParam(request.params.slug);
    const story = await reader.story(slug);
    if (story.slug !== slug || !story.coverage)
      throw new ApiError("not_found", `${slug} has no live coverage, so no feed of updates.`);
    const entries = await store.newestEntries(slug, FEED_ENTRIES);
    const body = liveFeed(story, entries, absolute, site, words);
    // Feed readers poll a live feed often: a minute's cache, and a 304 when nothing changed.
    reply.header("cache-control", "public, max-age=60");
    nameDependencies(reply, [storyKey(slug), entriesKey(slug)]);
    if (holdsVersion(request, reply, bodyEtag(body))) return reply.code(304).send();
    return reply.type(`${RSS_TYPE}; charset=utf-8`).send(body);
  });
};

export function liveFeed(story: Story, entries: LiveEntry[], absolute: Absolute, site: Site, words: Words): string {
  const lastChange = entries.reduce<string>((time, entry) => later(time, entry.updatedAt), story.updatedAt);
  return xmlDocument(
    el(
      "rss",
      {
        version: "2.0",
        "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        "xmlns:atom": "http://www.w3.org/2005/Atom",
      },
      el(
        "channel",
        {},
        el("title", {}, `${words.text("feed.liveTitle", { headline: story.headline })} | ${site.name}`),
        el("link", {}, story.url),
        el("description", {}, story.deck ?? words.text("feed.liveDescription", { headline: story.headline })),
        el("language", {}, site.language),
        el("lastBuildDate", {}, rfc822(lastChange)),
        el("atom:link", { href: liveFeedUrl(story.url), rel: "self", type: RSS_TYPE }),
        ...entries.map((entry) => entryItem(story, entry, absolute, words, site)),
      ),
    ),
  );
}

function entryItem(story: Story, entry: LiveEntry, absolute: Absolute, words: Words, site: Site): Markup {
  const link = `${story.url}#entry-${entry.id}`;
  return el(
    "item",
    {},
    el("title", {}, entryTitle(entry, story.headline)),
    el("link", {}, link),
    el("guid", { isPermaLink: "false" }, link),
    el("pubDate", {}, rfc822(entry.postedAt)),
    el("atom:updated", {}, w3cDate(entry.updatedAt)),
    el("description", {}, entryText(entry)),
    el(
      "content:encoded",
      {},
      fragment(...entry.body.map((block) => blockHtml(block, story, absolute, words, site))).toString(),
    ),
  );
}
