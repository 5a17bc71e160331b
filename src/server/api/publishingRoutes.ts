// The publishing API: PUT and DELETE /api/stories/:slug, and renaming an author or a tag everywhere
// (PUT /api/authors/:slug, /api/tags/:slug), for a CMS or an editor's tool, behind an account's
// role, an API key or ADMIN_TOKEN (auth/access.ts); each write records who made it.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { sitePicturesOf } from "../../media/renditions";
import { PictureError, type SitePictures } from "../../media/sitePictures";
import { picturesWithoutAlt, versionStoryPictures } from "../../media/storyPictures";
import { ApiError } from "../../model/apiError";
import { findStoryByHeadline } from "../../model/headlineMatch";
import { type Block, namedRefSchema, publishedStorySchema } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import type { SharedRecord } from "../../store/renameRefs";
import type { StoryStore } from "../../store/storyStore";
import { type Access, actorOf, mayWriteStory } from "../auth/access";
import { slugParam } from "../http/slugParam";

type SlugRequest = { Params: { slug: string } };

/** Whether `body` has a correction `before` did not. */
const addsCorrection = (before: Block[], body: Block[]): boolean => {
  const had = new Set(before.filter((block) => block.type === "correction").map((block) => JSON.stringify(block)));
  return body.some((block) => block.type === "correction" && !had.has(JSON.stringify(block)));
};

export interface PublishingRoutesOptions {
  store: StoryStore;
  reader: StoryApi;
  /** Who may write what (auth/access.ts). */
  access: Access;
  /** The site's pictures: a story's pictures under public/ must be there and readable. */
  pictures: SitePictures;
  /** Told of a published story's site pictures, to derive their renditions before readers ask. */
  warm?: (srcs: string[]) => void;
}

export const publishingRoutes: FastifyPluginAsync<PublishingRoutesOptions> = async (
  app,
  { store, reader, access, pictures, warm },
) => {
  const preHandler = access.require("stories:write");
  const renamer = access.require("names:rename");
  const deleter = access.require("stories:delete");
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
    const actor = actorOf(request);
    await mayWriteStory(actor, async () => {
      const current = await store.getStory(slug);
      const exists = current?.slug === slug;
      return {
        exists,
        owner: exists ? await store.accounts.storyOwner(slug) : null,
        addsCorrection: addsCorrection(exists ? current.body : [], story.body),
      };
    });

    const { outcomes } = await store.saveStories([{ ...story, ...(moving ? { movedFrom: slug } : {}) }], {
      linkHeadlines: findStoryByHeadline,
      author: actor.author,
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
  app.put<SlugRequest>("/api/authors/:slug", { preHandler: renamer }, rename("author"));
  app.put<SlugRequest>("/api/tags/:slug", { preHandler: renamer }, rename("tag"));

  app.delete<SlugRequest>("/api/stories/:slug", { preHandler: deleter }, async (request, reply) => {
    const slug = slugParam(request.params.slug, "write");
    if (!(await store.deleteStory(slug))) throw new ApiError("story_not_found", `There is no story at ${slug}.`);
    return reply.code(204).send();
  });
};
