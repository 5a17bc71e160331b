// oEmbed (https://oembed.com) for story URLs: what a CMS or chat app asks to embed a link.
import type { FastifyPluginAsync } from "fastify";
import type { Site } from "../../head/head";
import { SITE_NAME } from "../../head/head";
import { storyShareImage } from "../../head/storyHead";
import { ApiError } from "../../model/apiError";
import { slugSchema } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";

type OEmbedRequest = { Querystring: { url?: string; format?: string } };

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
    if (!url) throw new ApiError("bad_request", "url: the story URL to embed is required.");
    const slug = storySlug(url, site);
    if (!slug) throw new ApiError("not_found", "That URL is not a story on this site.");
    const story = await reader.story(slug);
    const image = storyShareImage(story, site);
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
      thumbnail_url: image.src,
      thumbnail_width: image.width,
      thumbnail_height: image.height,
    };
  });
};
