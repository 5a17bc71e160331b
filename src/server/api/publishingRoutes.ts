// The publishing API: PUT and DELETE /api/stories/:slug, and renaming an author or a tag everywhere
// (PUT /api/authors/:slug, /api/tags/:slug), for a CMS or an editor's tool, behind
// `Authorization: Bearer $ADMIN_TOKEN` (adminAuth.ts). Off (403) when the server has no ADMIN_TOKEN.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { sitePicturesOf } from "../../media/renditions";
import { PictureError, type SitePictures } from "../../media/sitePictures";
import { picturesWithoutAlt, versionStoryPictures } from "../../media/storyPictures";
import { ApiError } from "../../model/apiError";
import { findStoryByHeadline } from "../../model/headlineMatch";
import { namedRefSchema, publishedStorySchema } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import type { SharedRecord } from "../../store/renameRefs";
import type { StoryStore } from "../../store/storyStore";
import { slugParam } from "../http/slugParam";
import { requireAdmin } from "./adminAuth";

type SlugRequest = { Params: { slug: string } };

export interface PublishingRoutesOptions {
  store: StoryStore;
  reader: StoryApi;
  /** The bearer token publishing asks for; publishing answers 403 without one. */
  adminToken: string | undefined;
  /** The site's pictures: a story's pictures under public/ must be there and readable. */
  pictures: SitePictures;
  /** Told of a published story's site pictures, to derive their renditions before readers ask. */
  warm?: (srcs: string[]) => void;
}

export const publishingRoutes: FastifyPluginAsync<PublishingRoutesOptions> = async (
  app,
  { store, reader, adminToken, pictures, warm },
) => {
  const preHandler = requireAdmin(app, adminToken);
  // A story is JSON: Fastify's own text/plain parser would hand the route a string, so it goes (415).
  app.removeContentTypeParser("text/plain");

  app.put<SlugRequest>("/api/stories/:slug", { preHandler }, async (request, reply) => {
    const slug = slugParam(request.params.slug, "write");
    const parsed = publishedStorySchema.safeParse(request.body);
    if (!parsed.success) throw new ApiError("invalid_story", z.prettifyError(parsed.error));
    const story = await versionStoryPictures({ ...parsed.data, slug: parsed.data.slug ?? slug }, pictures).catch(
      (error: unknown) => {
        throw error instanceof PictureError ? new ApiError("invalid_story", error.message) : error;
      },
    );
    const withoutAlt = picturesWithoutAlt(story);
    if (withoutAlt.length > 0)
      throw new ApiError(
        "invalid_story",
        `alt: a published story's pictures need alt text (what each shows); none for ${withoutAlt.join(", ")}`,
      );
    const sections = await store.listSections();
    if (!sections.some((section) => section.slug === story.section))
      throw new ApiError("invalid_story", `section: there is no section ${JSON.stringify(story.section)}`);
    // A move needs a story at the old slug (not one an old slug redirects to) and none at the new.
    const moving = story.slug !== slug;
    if (moving && (await store.getStory(slug))?.slug !== slug)
      throw new ApiError("story_not_found", `There is no story at ${slug} to move to ${story.slug}.`);
    if (moving && (await store.getStory(story.slug))?.slug === story.slug)
      throw new ApiError("slug_taken", `Another story is already at ${story.slug}.`);

    const { outcomes } = await store.saveStories([{ ...story, ...(moving ? { movedFrom: slug } : {}) }], {
      linkHeadlines: findStoryByHeadline,
    });
    const created = outcomes[0]?.outcome === "created";
    warm?.(sitePicturesOf([story]));
    return reply
      .code(created ? 201 : 200)
      .header("location", `/api/stories/${story.slug}`)
      .send(await reader.story(story.slug));
  });

  // Authors and tags are shared by every story naming them: a story's PUT may not rename one (409),
  // this does, for every story at once (docs/decisions/023).
  const renameBody = z.strictObject({ name: namedRefSchema.shape.name });
  const rename = (kind: SharedRecord) => async (request: { params: { slug: string }; body: unknown }) => {
    const slug = slugParam(request.params.slug);
    const body = renameBody.safeParse(request.body);
    if (!body.success) throw new ApiError("bad_request", z.prettifyError(body.error));
    const renamed = await store.rename(kind, slug, body.data.name);
    if (!renamed) throw new ApiError(`${kind}_not_found`, `There is no ${kind} ${slug}.`);
    return renamed.ref;
  };
  app.put<SlugRequest>("/api/authors/:slug", { preHandler }, rename("author"));
  app.put<SlugRequest>("/api/tags/:slug", { preHandler }, rename("tag"));

  app.delete<SlugRequest>("/api/stories/:slug", { preHandler }, async (request, reply) => {
    const slug = slugParam(request.params.slug, "write");
    if (!(await store.deleteStory(slug))) throw new ApiError("story_not_found", `There is no story at ${slug}.`);
    return reply.code(204).send();
  });
};
