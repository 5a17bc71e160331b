// The JSON API under /api: what the reader app fetches on client-side navigation.
import type { FastifyInstance, FastifyReply } from "fastify";
import { ApiError, type StoryApi } from "../api/storyApi";
import type { SearchParams } from "../model/search";
import { slugSchema } from "../model/story";
import type { StoryListParams } from "../model/storyList";

export function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

/** A path segment that cannot be a slug names nothing the store could hold. */
function assertSlug(value: string): string {
  if (slugSchema.safeParse(value).success) return value;
  throw new ApiError(404, "not_found", `There is nothing at ${JSON.stringify(value.slice(0, 120))}.`);
}

type SlugRequest = { Params: { slug: string } };

export function registerApiRoutes(app: FastifyInstance, reader: StoryApi) {
  // The reader validates the query and answers 400 with the failing field.
  app.get("/api/stories", async (request) => reader.stories(request.query as StoryListParams));

  app.get<SlugRequest>("/api/stories/:slug", async (request, reply) => {
    const slug = assertSlug(request.params.slug);
    const story = await reader.story(slug);
    if (story.slug !== slug) return reply.redirect(`/api/stories/${story.slug}`, 301);
    return story;
  });

  app.get("/api/sections", async () => reader.sections());
  app.get("/api/search", async (request) => reader.search(request.query as SearchParams));
  app.get<SlugRequest>("/api/tags/:slug", async (request) => reader.tag(assertSlug(request.params.slug)));
  app.get<SlugRequest>("/api/authors/:slug", async (request) => reader.author(assertSlug(request.params.slug)));

  app.all("/api/*", async (request) => {
    throw new ApiError(404, "not_found", `There is no API at ${request.method} ${request.url.split("?")[0]}.`);
  });
}
