// The newsroom's reads, for staff (auth/access.ts), outside the scope of kept answers and
// `private, no-store`: drafts are no reader's and no CDN's.
// - GET /api/newsroom/stories: every story, held or published, newest change first, found by
//   status, section, author and headline words (model/newsroomStories.ts);
// - GET /api/newsroom/authors: every author a story names, held or published, to filter by;
// - GET /api/newsroom/stories/:slug: one story to edit, held or published, with its status and the
//   revision a save names in If-Match (docs/decisions/037).
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { ApiError } from "../../model/apiError";
import { newsroomStoryParamsSchema } from "../../model/newsroomStories";
import type { StoryStore } from "../../store/storyStore";
import type { Access } from "../auth/access";
import { slugParam } from "../http/slugParam";

export interface NewsroomStoryRoutesOptions {
  store: StoryStore;
  access: Access;
}

export const newsroomStoryRoutes: FastifyPluginAsync<NewsroomStoryRoutesOptions> = async (app, { store, access }) => {
  const preHandler = access.require("stories:read");

  app.get("/api/newsroom/stories", { preHandler }, async (request, reply) => {
    reply.header("cache-control", "private, no-store");
    const params = newsroomStoryParamsSchema.safeParse(request.query);
    if (!params.success) throw new ApiError("bad_request", z.prettifyError(params.error));
    return { items: await store.newsroomStories(params.data) };
  });

  app.get("/api/newsroom/authors", { preHandler }, async (_request, reply) => {
    reply.header("cache-control", "private, no-store");
    return { items: await store.newsroomAuthors() };
  });

  app.get<{ Params: { slug: string } }>("/api/newsroom/stories/:slug", { preHandler }, async (request, reply) => {
    reply.header("cache-control", "private, no-store");
    const slug = slugParam(request.params.slug);
    const held = await store.heldStory(slug);
    if (held) return held;
    const story = await store.getStory(slug);
    // An old slug of a moved story is not the story to edit: the editor asks by the slug it has now.
    if (story?.slug !== slug) throw new ApiError("story_not_found", `There is no story at ${slug}.`);
    return { status: "published", revision: await store.latestRevision(slug), story };
  });
};
