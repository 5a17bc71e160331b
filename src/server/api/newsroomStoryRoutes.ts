// GET /api/newsroom/stories: every story, held or published, newest change first, found by status,
// section and headline words (model/newsroomStories.ts), for staff (auth/access.ts). Outside the
// scope of kept answers and `private, no-store`: drafts are no reader's and no CDN's.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { ApiError } from "../../model/apiError";
import { newsroomStoryParamsSchema } from "../../model/newsroomStories";
import type { StoryStore } from "../../store/storyStore";
import type { Access } from "../auth/access";

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
};
