// GET /embed/:slug as a Fastify plugin: a video story's player alone, for other sites' frames
// (oEmbed's `html`, twitter:player, og:video). A small static page: a native <video> with the
// story's file sources, poster and captions (or YouTube's no-cookie player for a YouTube video),
// no app, no script. It is the one page any site may frame (frame-ancestors *); every other page
// keeps frame-ancestors 'self' (http/securityHeaders.ts).
import { createHash } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import type { Site } from "../../head/head";
import { ApiError } from "../../model/apiError";
import { storyKey } from "../../model/dependencies";
import { embedPath, storyVideo } from "../../model/embed";
import type { Story, VideoBlock } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import type { Words } from "../../words/words";
import { nameDependencies } from "../http/caching";
import { CSP } from "../http/securityHeaders";
import { slugParam } from "../http/slugParam";

// The player fills the frame under one line that names the story and links back to it.
const STYLE =
  "html,body{margin:0;height:100%;background:#000;color:#fff;font:16px system-ui,sans-serif}" +
  "body{display:flex;flex-direction:column}" +
  "header{padding:0.5rem 0.75rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}" +
  "a{color:#fff}a:focus-visible,video:focus-visible{outline:3px solid #8ab4f8;outline-offset:-3px}" +
  "video,iframe{display:block;flex:1;min-height:0;width:100%;border:0;object-fit:contain}";

const styleHash = `'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`;

/** This page's own policy: no script at all, its one style by hash, framed by anyone. */
export const EMBED_CSP = [
  "default-src 'none'",
  `style-src ${styleHash}`,
  "img-src 'self' https:",
  "media-src 'self' https: blob:",
  "frame-src https://www.youtube-nocookie.com",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors *",
].join("; ");

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

export function embedPage(story: Story, video: VideoBlock, site: Site, words: Words): string {
  const title = escapeHtml(video.title);
  const storyLink = `<a href="${escapeHtml(story.url)}" target="_blank" rel="noopener">${escapeHtml(story.headline)}</a>`;
  const files = video.sources.filter((s) => s.type !== "video/youtube");
  const youtube = video.sources.find((s) => s.type === "video/youtube");
  const player =
    files.length > 0
      ? [
          `<video controls preload="metadata" playsinline aria-label="${title}"`,
          video.poster ? ` poster="${escapeHtml(video.poster)}"` : "",
          video.width && video.height ? ` width="${video.width}" height="${video.height}"` : "",
          ">",
          ...files.map((s) => `<source src="${escapeHtml(s.src)}" type="${escapeHtml(s.type)}">`),
          // The first captions track is on from the start, as on the story's page.
          ...(video.captions ?? []).map(
            (c, index) =>
              `<track kind="captions" src="${escapeHtml(c.src)}" srclang="${escapeHtml(c.srclang)}" label="${escapeHtml(c.label)}"${index === 0 ? " default" : ""}>`,
          ),
          `<a href="${escapeHtml(story.url)}" target="_blank" rel="noopener">${escapeHtml(words.text("embed.watchOn", { headline: story.headline, site: site.name }))}</a>`,
          "</video>",
        ].join("")
      : `<iframe src="https://www.youtube-nocookie.com/embed/${escapeHtml(youtube?.src ?? "")}" title="${title}" allow="fullscreen; picture-in-picture" allowfullscreen></iframe>`;
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(site.language)}" dir="${site.dir}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(story.headline)} | ${escapeHtml(site.name)}</title>`,
    `<link rel="canonical" href="${escapeHtml(story.url)}">`,
    '<meta name="robots" content="noindex">',
    `<style>${STYLE}</style>`,
    "</head>",
    `<body><header>${storyLink} · ${escapeHtml(site.name)}</header>${player}</body>`,
    "</html>",
    "",
  ].join("\n");
}

export const embedRoutes: FastifyPluginAsync<{ reader: StoryApi; site: Site; words: Words }> = async (
  app,
  { reader, site, words },
) => {
  app.get<{ Params: { slug: string } }>("/embed/:slug", async (request, reply) => {
    const slug = slugParam(request.params.slug);
    const story = await reader.story(slug);
    if (story.slug !== slug) return reply.redirect(embedPath(story.slug), 301);
    const video = storyVideo(story);
    if (!video) throw new ApiError("not_found", `The story ${slug} has no video to embed.`);
    nameDependencies(reply, [storyKey(slug)]);
    return reply
      .header(CSP, EMBED_CSP)
      .header("cache-control", "public, max-age=0, s-maxage=10, stale-while-revalidate=60")
      .type("text/html; charset=utf-8")
      .send(embedPage(story, video, site, words));
  });
};
