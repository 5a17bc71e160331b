// oEmbed (https://oembed.com) for story URLs: what a CMS or chat app asks to embed a link.
import type { FastifyPluginAsync } from "fastify";
import type { Site } from "../../head/head";
import { storyShareImage } from "../../head/storyHead";
import { ApiError } from "../../model/apiError";
import { storyKey } from "../../model/dependencies";
import { embedPath, embedSize, storyVideo } from "../../model/embed";
import { cropPath, heightAt, PICTURE_CROPS, pictureWidths, renditionPath } from "../../model/picture";
import { type Story, slugSchema } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import { nameDependencies } from "../http/caching";

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
 * The largest picture of the story that fits the consumer's box: of a site picture, its share crop
 * or the JPEG rendition of the widest width that fits; else the share image or the lead picture as
 * they are. A box smaller than all of them gets no thumbnail: the spec lets a provider leave it
 * out, and forbids one larger than asked.
 */
function thumbnail(story: Story, site: Site, box: { width: number; height: number }) {
  const absolute = (path: string) => new URL(path, site.url).href;
  const lead = story.image;
  const candidates = lead?.version
    ? [
        { src: absolute(cropPath({ ...lead, version: lead.version }, "og")), ...PICTURE_CROPS.og },
        ...pictureWidths(lead.width).map((width) => ({
          src: absolute(renditionPath({ ...lead, version: lead.version ?? "" }, `w${width}`, "jpg")),
          width,
          height: heightAt(lead, width),
        })),
      ]
    : [storyShareImage(story, site), ...(lead ? [{ ...lead, src: absolute(lead.src) }] : [])];
  return candidates
    .filter((image) => image.width <= box.width && image.height <= box.height)
    .sort((a, b) => b.width * b.height - a.width * a.height)[0];
}

/** A video story's player, in a frame as large as the box allows (oEmbed's `video` type). */
function player(story: Story, site: Site, box: { width: number; height: number }) {
  const video = storyVideo(story);
  if (!video) return undefined;
  const { width, height } = embedSize(video, box);
  const src = new URL(embedPath(story.slug), site.url).href;
  const title = story.headline.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    type: "video",
    html: `<iframe src="${src}" width="${width}" height="${height}" title="${title}" allow="fullscreen; picture-in-picture" allowfullscreen loading="lazy"></iframe>`,
    width,
    height,
  };
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
    const video = player(story, site, box);
    const [author] = story.authors;
    reply.header("cache-control", "public, max-age=3600");
    nameDependencies(reply, [storyKey(story.slug)]);
    return {
      version: "1.0",
      ...(video ?? { type: "link" }),
      title: story.headline,
      ...(author
        ? {
            author_name: story.authors.map((a) => a.name).join(", "),
            author_url: new URL(`/authors/${author.slug}`, site.url).href,
          }
        : {}),
      provider_name: site.name,
      provider_url: new URL("/", site.url).href,
      cache_age: 3600,
      ...(image ? { thumbnail_url: image.src, thumbnail_width: image.width, thumbnail_height: image.height } : {}),
    };
  });
};
