// oEmbed (https://oembed.com) for story URLs: what a CMS or chat app asks to embed a link.
import type { FastifyPluginAsync } from "fastify";
import type { Site } from "../../head/head";
import { SITE_NAME } from "../../head/head";
import { storyShareImage } from "../../head/storyHead";
import { ApiError } from "../../model/apiError";
import { type Story, slugSchema } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";

type OEmbedRequest = { Querystring: { url?: string; format?: string; maxwidth?: string; maxheight?: string } };

/** `maxwidth` or `maxheight`: a whole number of pixels, or absent. */
function maxSize(name: string, value: string | undefined): number {
  if (value === undefined || value === "") return Number.POSITIVE_INFINITY;
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1)
    throw new ApiError(
      "bad_request",
      `${name}: a whole number of pixels from 1, if given; got ${JSON.stringify(value)}.`,
    );
  return Number(value);
}

/**
 * The largest picture of the story that fits the consumer's box: the one it is shared with, or
 * its lead image as it is. There are no smaller renditions (yet), so a box smaller than both gets
 * no thumbnail: the spec lets a provider leave it out, and forbids one larger than asked.
 */
function thumbnail(story: Story, site: Site, box: { width: number; height: number }) {
  const shared = storyShareImage(story, site);
  const lead = story.image && { ...story.image, src: new URL(story.image.src, site.url).href };
  return [shared, lead].find((image) => image && image.width <= box.width && image.height <= box.height);
}

/** The story slug a URL of this site names, or undefined. */
function storySlug(url: string, site: Site): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.origin !== new URL(site.url).origin) return undefined;
  const slug = /^\/stories\/([^/]+)\/?$/.exec(parsed.pathname)?.[1];
  return slug && slugSchema.safeParse(slug).success ? slug : undefined;
}

export const oembedRoutes: FastifyPluginAsync<{ reader: StoryApi; site: Site }> = async (app, { reader, site }) => {
  app.get<OEmbedRequest>("/oembed", async (request, reply) => {
    const { url, format = "json" } = request.query;
    if (format !== "json") throw new ApiError("format_not_supported", "Only format=json is offered.");
    const box = {
      width: maxSize("maxwidth", request.query.maxwidth),
      height: maxSize("maxheight", request.query.maxheight),
    };
    if (!url) throw new ApiError("bad_request", "url: the story URL to embed is required.");
    const slug = storySlug(url, site);
    if (!slug) throw new ApiError("not_found", "That URL is not a story on this site.");
    const story = await reader.story(slug);
    const image = thumbnail(story, site, box);
    const [author] = story.authors;
    reply.header("cache-control", "public, max-age=3600");
    return {
      version: "1.0",
      type: "link",
      title: story.headline,
      ...(author
        ? {
            author_name: story.authors.map((a) => a.name).join(", "),
            author_url: new URL(`/authors/${author.slug}`, site.url).href,
          }
        : {}),
      provider_name: SITE_NAME,
      provider_url: new URL("/", site.url).href,
      cache_age: 3600,
      ...(image ? { thumbnail_url: image.src, thumbnail_width: image.width, thumbnail_height: image.height } : {}),
    };
  });
};
