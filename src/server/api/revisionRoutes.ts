// GET /api/stories/:slug/revisions: the story as each write that changed it left it, newest first,
// for an editor's tool, for staff (auth/access.ts), each naming who wrote it. Outside the scope of kept
// answers: a kept answer would be served before the token is checked, and a CDN must keep none.
import type { FastifyPluginAsync } from "fastify";
import { ApiError } from "../../model/apiError";
import { revisionQuerySchema } from "../../model/revision";
import type { StoryStore } from "../../store/storyStore";
import type { Access } from "../auth/access";
import { slugParam } from "../http/slugParam";

export interface RevisionRoutesOptions {
  store: StoryStore;
  /** Who may read them (auth/access.ts). */
  access: Access;
}

type RevisionsRequest = { Params: { slug: string }; Querystring: Record<string, unknown> };

export const revisionRoutes: FastifyPluginAsync<RevisionRoutesOptions> = async (app, { store, access }) => {
  const preHandler = access.require("stories:read");

  app.get<RevisionsRequest>("/api/stories/:slug/revisions", { preHandler }, async (request, reply) => {
    reply.header("cache-control", "no-store");
    const slug = slugParam(request.params.slug);
    const query = revisionQuerySchema.safeParse(request.query);
    if (!query.success) {
      const issue = query.error.issues[0];
      throw new ApiError("bad_request", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "not valid"}`);
    }
    // A story held from readers (a draft, say) has its history too.
    const story = (await store.heldStory(slug))?.story ?? (await store.getStory(slug));
    if (!story) throw new ApiError("story_not_found", `There is no story at ${slug}.`);
    // An old slug of a moved story: its history is under the slug it has now.
    if (story.slug !== slug) {
      const search = request.url.includes("?") ? request.url.slice(request.url.indexOf("?")) : "";
      return reply.redirect(`/api/stories/${story.slug}/revisions${search}`, 301);
    }
    return store.revisions(slug, { limit: query.data.limit, before: query.data.cursor });
  });
};
