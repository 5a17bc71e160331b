// Preview links (docs/decisions/037): POST /api/stories/:slug/preview, behind the publishing token,
// gives an editor a URL that shows the story as readers will see it once published, whatever its
// status, until the link expires. The link's secret is 32 random bytes; the store keeps only its
// digest. A preview is never kept by this process nor by a CDN (it is outside the scope of kept
// answers, `private, no-store`, with no Surrogate-Key) and asks search engines not to index it.
import { createHash, randomBytes } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import type { Site } from "../../head/head";
import { ApiError } from "../../model/apiError";
import type { StoryApi } from "../../model/storyApi";
import type { StoryStore } from "../../store/storyStore";
import type { Access } from "../auth/access";
import { cspNonce } from "../http/securityHeaders";
import { slugParam } from "../http/slugParam";
import { type PageRenderer, renderPage } from "./pageRoutes";

/** How long a preview link works. */
export const PREVIEW_TTL_MS = 48 * 3600_000;

export interface PreviewRoutesOptions {
  store: StoryStore;
  /** The story reader pages use: a preview reads through it, but for its own story. */
  reader: StoryApi;
  site: Site;
  pages: PageRenderer;
  /** Who may make a preview link: whoever may write stories (auth/access.ts). */
  access: Access;
  now: () => Date;
}

const digest = (token: string) => createHash("sha256").update(token).digest("base64url");
/** A token as the link carries it: 32 bytes, base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const previewRoutes: FastifyPluginAsync<PreviewRoutesOptions> = async (
  app,
  { store, reader, site, pages, access, now },
) => {
  const preHandler = access.require("stories:write");

  app.post<{ Params: { slug: string } }>("/api/stories/:slug/preview", { preHandler }, async (request, reply) => {
    const slug = slugParam(request.params.slug, "write");
    const story = await store.previewStory(slug);
    if (story?.slug !== slug) throw new ApiError("story_not_found", `There is no story at ${slug} to preview.`);
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now().getTime() + PREVIEW_TTL_MS);
    await store.createPreview(slug, digest(token), expiresAt);
    return reply
      .code(201)
      .header("cache-control", "no-store")
      .send({ url: new URL(`/preview/${token}`, site.url).href, expiresAt: expiresAt.toISOString() });
  });

  app.get<{ Params: { token: string } }>("/preview/:token", async (request, reply) => {
    reply.header("x-robots-tag", "noindex, nofollow").header("cache-control", "private, no-store");
    const { token } = request.params;
    const slug = TOKEN.test(token) ? await store.previewOf(digest(token), now()) : null;
    const stored = slug ? await store.previewStory(slug) : null;
    if (!slug || !stored) throw new ApiError("not_found", "This preview link has expired, or there is no such link.");
    const url = new URL(`/stories/${slug}`, site.url);
    const previewReader: StoryApi = {
      ...reader,
      story: (asked, signal) =>
        asked === slug ? Promise.resolve({ ...stored, url: url.href }) : reader.story(asked, signal),
      // A held live story has no entries readers could see yet.
      liveEntries: (asked, params, signal) =>
        asked === slug
          ? reader.liveEntries(asked, params, signal).catch(() => ({ pinned: [], items: [], nextBefore: null }))
          : reader.liveEntries(asked, params, signal),
    };
    const page = await renderPage({ pages, site }, url, previewReader, cspNonce(request), {
      extraHead: '<meta name="robots" content="noindex, nofollow">',
      templateUrl: url.pathname,
    });
    if (page.kind === "redirect") throw new ApiError("not_found", "This preview shows no page.");
    return reply.code(page.status).type("text/html; charset=utf-8").send(page.html);
  });
};
