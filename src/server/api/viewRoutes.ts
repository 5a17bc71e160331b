// "Most read": story pages report a view (navigator.sendBeacon to POST /api/views, no cookies);
// views are counted per story and hour in the store, and GET /api/most-read ranks the last 24 hours.
// A reader's view of a story counts once an hour, and a client may report 30 a minute, however
// many processes or servers its reports reach (the counter of http/rateLimits.ts).

import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { z } from "zod";
import { ApiError } from "../../model/apiError";
import { slugSchema } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import type { StoryStore } from "../../store/storyStore";
import { clientLimit, clientOf, type Limit, type RequestCounter } from "../http/rateLimits";

const viewSchema = z.strictObject({ slug: slugSchema });
const HOUR_MS = 60 * 60 * 1000;

/** Views one client may report a minute; more is not a reader. */
export const VIEWS_LIMIT: Limit = {
  name: "views",
  max: 30,
  windowMs: 60_000,
  code: "too_many_views",
  message: "Too many views from this client; try later.",
};

export interface ViewRoutesOptions {
  store: StoryStore;
  /** The story reader for a request, noting what its answer shows (http/answerDependencies.ts). */
  readerFor: (request: FastifyRequest) => StoryApi;
  /**
   * Where views are counted per reader: a reader's view of a story counts once an hour, across
   * every process and server that shares the counter (http/rateLimits.ts).
   */
  counter: RequestCounter;
  /** The clock: views are counted per hour. */
  now: () => Date;
}

/** POST /api/views and GET /api/most-read; the beacon's text/plain parser stays in this plugin's scope. */
export const viewRoutes: FastifyPluginAsync<ViewRoutesOptions> = async (app, { store, readerFor, counter, now }) => {
  const views = clientLimit(app, VIEWS_LIMIT);
  // sendBeacon may send its JSON as text/plain.
  app.addContentTypeParser("text/plain", { parseAs: "string", bodyLimit: 1024 }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new ApiError("bad_request", 'The body must be JSON: { "slug": "…" }.'));
    }
  });

  app.post("/api/views", { bodyLimit: 1024, onRequest: views.hit }, async (request, reply) => {
    const view = viewSchema.safeParse(request.body);
    if (!view.success) throw new ApiError("bad_request", 'The body must be { "slug": "…" } with a story slug.');
    const client = clientOf(request);
    if (client === null) throw new ApiError("bad_request", "The connection closed before the view was read.");
    const at = now();
    const seen = await counter.count(`seen:${client} ${view.data.slug}`, HOUR_MS);
    if (seen.count === 1 && !(await store.countView(view.data.slug, at)))
      throw new ApiError("story_not_found", `There is no story at ${view.data.slug}.`);
    return reply.code(204).send();
  });

  app.get("/api/most-read", async (request) => readerFor(request).mostRead());
};
