// RSS 2.0 with the extensions feed readers use: the whole story (content:encoded), authors
// (dc:creator), pictures and videos (media:content), the one file to download (enclosure), when
// each item last changed (atom:updated, and dc:date, which more readers read), and the feed's own
// address (atom:link).
import type { Site } from "../../head/head";
import type { Image } from "../../model/story";
import type { Words } from "../../words/words";
import type { Enclosure } from "./enclosures";
import { type Absolute, type FeedStory, playableVideos, storyHtml } from "./storyHtml";
import { later, rfc822, w3cDate } from "./times";
import { el, type Markup, xmlDocument } from "./xml";

export const RSS_TYPE = "application/rss+xml";

const RSS_NAMESPACES = {
  "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
  "xmlns:dc": "http://purl.org/dc/elements/1.1/",
  "xmlns:atom": "http://www.w3.org/2005/Atom",
  "xmlns:media": "http://search.yahoo.com/mrss/",
};

export interface Channel {
  title: string;
  description: string;
  /** The page this feed follows. */
  link: string;
  /** The feed's own URL. */
  self: string;
  /** BCP 47: the language of the feed's stories. */
  language: string;
  /** The site's links say `nofollow` to other sites (site config `nofollowLinks`). */
  nofollowLinks?: true;
}

/** The site's channel, or a section's. */
export function channel(
  site: Site,
  absolute: Absolute,
  words: Words,
  section?: { slug: string; name: string },
): Channel {
  if (!section)
    return {
      title: site.name,
      description: words.text("feed.description", { site: site.name }),
      link: absolute("/"),
      self: absolute("/feed.xml"),
      language: site.language,
      ...(site.nofollowLinks ? { nofollowLinks: true } : {}),
    };
  return {
    title: `${section.name} | ${site.name}`,
    description: words.text("feed.sectionDescription", { section: section.name, site: site.name }),
    link: absolute(`/sections/${section.slug}`),
    self: absolute(`/sections/${section.slug}/feed.xml`),
    language: site.language,
    ...(site.nofollowLinks ? { nofollowLinks: true } : {}),
  };
}

export function rssFeed(
  channel: Channel,
  stories: FeedStory[],
  absolute: Absolute,
  words: Words,
  builtAt: Date,
  enclosures: ReadonlyMap<string, Enclosure> = new Map(),
): string {
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
        el("language", {}, channel.language),
        el("lastBuildDate", {}, rfc822(lastChange ?? builtAt)),
        el("atom:link", { href: channel.self, rel: "self", type: RSS_TYPE }),
        ...stories.map((story) => rssItem(story, absolute, channel, words, enclosures.get(story.slug))),
      ),
    ),
  );
}

function rssItem(story: FeedStory, absolute: Absolute, channel: Channel, words: Words, enclosure?: Enclosure): Markup {
  return el(
    "item",
    {},
    el("title", {}, story.headline),
    // A story in another language than the feed's says so (RSS has no item language of its own).
    story.language && story.language !== channel.language && el("dc:language", {}, story.language),
    el("link", {}, story.url),
    el("guid", { isPermaLink: "true" }, story.url),
    el("pubDate", {}, rfc822(story.publishedAt)),
    el("atom:updated", {}, w3cDate(story.updatedAt)),
    el("dc:date", {}, w3cDate(story.updatedAt)),
    el("description", {}, summary(story)),
    ...story.authors.map((author) => el("dc:creator", {}, author.name)),
    el("category", { domain: absolute(`/sections/${story.section.slug}`) }, story.section.name),
    ...story.tags.map((tag) => el("category", { domain: absolute(`/tags/${tag.slug}`) }, tag.name)),
    // The HTML goes in as escaped text rather than CDATA: nothing in it can end the element early.
    el("content:encoded", {}, storyHtml(story, absolute, words, channel).toString()),
    enclosure && el("enclosure", { url: absolute(enclosure.src), length: enclosure.length, type: enclosure.type }),
    story.image && imageMedia(story.image, absolute),
    ...playableVideos(story.body).map(({ video, file }) =>
      el(
        "media:content",
        {
          url: absolute(file.src),
          medium: "video",
          type: file.type,
          duration: video.durationS ? Math.ceil(video.durationS) : undefined,
        },
        el("media:title", { type: "plain" }, video.title),
        video.poster && el("media:thumbnail", { url: absolute(video.poster) }),
      ),
    ),
  );
}

function summary(story: FeedStory): string {
  return story.deck ?? story.body.find((block) => block.type === "paragraph")?.text ?? story.headline;
}

function imageMedia(image: Image, absolute: Absolute): Markup {
  return el(
    "media:content",
    { url: absolute(image.src), medium: "image", width: image.width, height: image.height },
    image.alt && el("media:description", { type: "plain" }, image.alt),
  );
}
