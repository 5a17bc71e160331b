// Who wrote what, for staff (auth/access.ts), outside the scope of kept answers and `private,
// no-store` (docs/decisions/035): readers' pages, lists, feeds and the public entries API never
// carry an author of a write.
// - GET /api/newsroom/stories/:slug/corrections: the story's corrections, oldest first, each with
//   the revision that added it and its author;
// - GET /api/newsroom/stories/:slug/entries: a live story's entries, pages as the public list pages
//   them (`?before=&limit=`), each naming who wrote it last.
import type { FastifyPluginAsync } from "fastify";
import { ApiError } from "../../model/apiError";
import { liveEntryQuerySchema } from "../../model/liveEntry";
import type { StoryStore } from "../../store/storyStore";
import type { Access } from "../auth/access";
import { slugParam } from "../http/slugParam";

export interface AuthorshipRoutesOptions {
  store: StoryStore;
  access: Access;
}

type StoryRequest = { Params: { slug: string }; Querystring: Record<string, unknown> };

export const authorshipRoutes: FastifyPluginAsync<AuthorshipRoutesOptions> = async (app, { store, access }) => {
  const preHandler = access.require("stories:read");

  app.get<StoryRequest>("/api/newsroom/stories/:slug/corrections", { preHandler }, async (request, reply) => {
    reply.header("cache-control", "private, no-store");
    const slug = slugParam(request.params.slug);
    const story = (await store.heldStory(slug))?.story ?? (await store.getStory(slug));
    // An old slug of a moved story is not the story: staff ask by the slug it has now.
    if (story?.slug !== slug) throw new ApiError("story_not_found", `There is no story at ${slug}.`);
    return { items: await store.correctionAuthors(slug, story.body) };
  });

  app.get<StoryRequest>("/api/newsroom/stories/:slug/entries", { preHandler }, async (request, reply) => {
    reply.header("cache-control", "private, no-store");
    const slug = slugParam(request.params.slug);
    const query = liveEntryQuerySchema.safeParse(request.query);
    if (!query.success) {
      const issue = query.error.issues[0];
      throw new ApiError("bad_request", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "not valid"}`);
    }
    const page = await store.listEntries(slug, query.data, { withAuthors: true });
    if (!page) throw new ApiError("story_not_found", `There is no story at ${slug}.`);
    return page;
  });
};
