// The JSON API's reads under /api, as a Fastify plugin: what the reader app fetches on client-side
// navigation, answered by the same StoryApi that renders pages.
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { SearchParams } from "../../model/search";
import type { StoryApi } from "../../model/storyApi";
import type { StoryListParams } from "../../model/storyList";
import type { Limit } from "../http/rateLimits";
import { slugParam } from "../http/slugParam";

type SlugRequest = { Params: { slug: string } };

/**
 * Searches one client may make a minute, through the API and the search page together (app.ts
 * applies it to both): search as you type asks once a keystroke pause, a reader far less than this.
 */
export const SEARCH_LIMIT: Limit = {
  name: "search",
  max: 120,
  windowMs: 60_000,
  message: "Too many searches from this client; try again in a minute.",
};

export interface ReadRoutesOptions {
  /** The story reader for a request, noting what its answer shows (http/answerDependencies.ts). */
  readerFor: (request: FastifyRequest) => StoryApi;
}

export const readRoutes: FastifyPluginAsync<ReadRoutesOptions> = async (app, { readerFor }) => {
  // The reader validates the query and answers 400 with the failing field.
  app.get("/api/stories", async (request) => readerFor(request).stories(request.query as StoryListParams));

  app.get<SlugRequest>("/api/stories/:slug", async (request, reply) => {
    const slug = slugParam(request.params.slug);
    const story = await readerFor(request).story(slug);
    if (story.slug !== slug) return reply.redirect(`/api/stories/${story.slug}`, 301);
    return story;
  });

  app.get("/api/sections", async (request) => readerFor(request).sections());
  app.get("/api/search", async (request) => readerFor(request).search(request.query as SearchParams));
  app.get<SlugRequest>("/api/tags/:slug", async (request) => readerFor(request).tag(slugParam(request.params.slug)));
  app.get<SlugRequest>("/api/authors/:slug", async (request) =>
    readerFor(request).author(slugParam(request.params.slug)),
  );

  // Keeps the API's unknown paths from the pages' catch-all: a 404, or a 405 on a path that has other methods.
  app.all("/api/*", { config: { fallback: true } }, (_request, reply) => reply.callNotFound());
};
