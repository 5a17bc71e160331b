// The publishing API: PUT and DELETE /api/stories/:slug (a story published, or held from readers as
// a draft, scheduled or unpublished; a write may name the version it edits with If-Match: see
// docs/decisions/037), and renaming an author or a tag everywhere (PUT /api/authors/:slug,
// /api/tags/:slug), for a CMS or an editor's tool, behind an account's role, an API key or
// ADMIN_TOKEN (auth/access.ts); each write records who made it.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { sitePicturesOf } from "../../media/renditions";
import { PictureError, type SitePictures } from "../../media/sitePictures";
import { picturesWithoutAlt, versionStoryPictures } from "../../media/storyPictures";
import { ApiError } from "../../model/apiError";
import { findStoryByHeadline } from "../../model/headlineMatch";
import { type Block, namedRefSchema, publishedStorySchema, type StoryInput, storyInputSchema } from "../../model/story";
import type { StoryApi } from "../../model/storyApi";
import { PUBLISHED_AT_LEEWAY_MS, type StoryStatus, storyWorkflowSchema } from "../../model/storyStatus";
import type { SharedRecord } from "../../store/renameRefs";
import type { ExpectedRevision, StoryStore } from "../../store/storyStore";
import { type Access, actorOf, mayWriteStory } from "../auth/access";
import { bodyEtag } from "../http/etag";
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
  /** The clock: a published story may not be dated after it. */
  now: () => Date;
}

/**
 * The story as readers will get it: published now (dated no later than now), or at `publishAt`
 * (dated then, and updated no earlier), or held as sent. The dates are checked again as a whole.
 */
function storyAsItGoesOut(
  story: StoryInput,
  status: StoryStatus,
  publishAt: string | undefined,
  now: Date,
): StoryInput {
  if (status === "published" && Date.parse(story.publishedAt) > now.getTime() + PUBLISHED_AT_LEEWAY_MS)
    throw new ApiError(
      "invalid_story",
      `publishedAt: ${story.publishedAt} is in the future; a story cannot be published dated later than now. ` +
        'To publish it then, send status "scheduled" with publishAt.',
    );
  if (status !== "scheduled" || publishAt === undefined) return story;
  const at = new Date(publishAt).toISOString();
  const dated = {
    ...story,
    publishedAt: at,
    updatedAt: Date.parse(story.updatedAt) > Date.parse(at) ? story.updatedAt : at,
  };
  const checked = storyInputSchema.safeParse(dated);
  if (!checked.success)
    throw new ApiError("invalid_story", `as published at publishAt: ${z.prettifyError(checked.error)}`);
  return dated;
}

export const publishingRoutes: FastifyPluginAsync<PublishingRoutesOptions> = async (
  app,
  { store, reader, access, pictures, warm, now },
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
    const workflow = storyWorkflowSchema.safeParse(request.body);
    if (!workflow.success) throw new ApiError("invalid_story", z.prettifyError(workflow.error));
    const { status, publishAt } = workflow.data;
    const sent = { ...parsed.data, slug: parsed.data.slug ?? slug };
    const checked = storyAsItGoesOut(sent, status, publishAt, now());
    const story = await versionStoryPictures(checked, pictures).catch((error: unknown) => {
      throw error instanceof PictureError ? new ApiError("invalid_story", error.message) : error;
    });
    // A draft may wait for its alt text; what readers will see (now or at its time) may not.
    const withoutAlt = status === "published" || status === "scheduled" ? picturesWithoutAlt(story) : [];
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
    if (moving && status !== "published")
      throw new ApiError("invalid_story", `slug: a story moves to a new slug as it is published, not as ${status}.`);
    if (moving && (await store.getStory(slug))?.slug !== slug)
      throw new ApiError("story_not_found", `There is no story at ${slug} to move to ${story.slug}.`);
    if (moving && (await store.getStory(story.slug))?.slug === story.slug)
      throw new ApiError("slug_taken", `Another story is already at ${story.slug}.`);
    const actor = actorOf(request);
    await mayWriteStory(actor, status, async () => {
      const current = await store.getStory(slug);
      const published = current?.slug === slug;
      const held = published ? null : await store.heldStory(slug);
      return {
        exists: published || held !== null,
        published,
        owner: published || held ? await store.accounts.storyOwner(slug) : null,
        addsCorrection: addsCorrection(published ? current.body : (held?.story.body ?? []), story.body),
      };
    });
    const expectRevision = await versionNamed(request.headers["if-match"], slug);

    if (status !== "published") {
      const { outcome } = await store
        .holdStory(
          story,
          { status, ...(publishAt ? { publishAt } : {}), ...expectRevision, author: actor.author },
          now(),
        )
        .catch(withCurrentVersion(slug));
      return reply
        .code(outcome === "created" ? 201 : 200)
        .header("location", `/api/stories/${story.slug}`)
        .send(await store.heldStory(story.slug));
    }
    const { outcomes } = await store
      .saveStories([{ ...story, ...(moving ? { movedFrom: slug } : {}) }], {
        linkHeadlines: findStoryByHeadline,
        author: actor.author,
        ...expectRevision,
      })
      .catch(withCurrentVersion(slug));
    const created = outcomes[0]?.outcome === "created";
    warm?.(sitePicturesOf([story]));
    return reply
      .code(created ? 201 : 200)
      .header("location", `/api/stories/${story.slug}`)
      .send(await reader.story(story.slug));
  });

  /**
   * The version an If-Match names, as the revision the write must find (docs/decisions/037): a
   * revision number (`"12"`), or the ETag GET /api/stories/:slug gave, which is the revision the
   * story is at while that answer is still what GET would give. None: the write goes ahead as ever.
   */
  async function versionNamed(
    ifMatch: string | undefined,
    slug: string,
  ): Promise<{ expectRevision?: ExpectedRevision }> {
    if (ifMatch === undefined) return {};
    const tags = ifMatch.split(",").map((tag) => tag.trim());
    // Read first: a write landing after this read moves the revision, so the write below fails.
    const revision = await store.latestRevision(slug);
    const numbered = tags.map((tag) => /^"?(\d{1,9})"?$/.exec(tag)?.[1]).filter((n) => n !== undefined);
    if (numbered.length > 0) {
      if (numbered.map(Number).includes(revision)) return { expectRevision: { slug, revision } };
      throw await currentVersion(slug, revision);
    }
    const current = await reader.story(slug).then(
      (story) => (story.slug === slug ? bodyEtag(JSON.stringify(story)) : null),
      () => null,
    );
    const opaque = (tag: string) => tag.replace(/^W\//, "");
    if (current && tags.some((tag) => opaque(tag) === opaque(current))) return { expectRevision: { slug, revision } };
    // `*`: whatever version there is, as long as there is a story (published or held) to edit.
    if (tags.includes("*") && (current !== null || (await store.heldStory(slug)) !== null))
      return { expectRevision: { slug, revision } };
    throw await currentVersion(slug, revision);
  }

  /** A 412 with the version the story is at: its revision, and the story (with its ETag) or the held story. */
  async function currentVersion(slug: string, revision: number): Promise<ApiError> {
    const error = new ApiError(
      "version_mismatch",
      `The story at ${slug} has changed since the version this write names: it is at revision ${revision} now. ` +
        "Read it again, then write.",
    );
    const held = await store.heldStory(slug);
    if (held) error.current = { revision: held.revision, held };
    else {
      const story = await reader.story(slug).catch(() => null);
      error.current = { revision, ...(story ? { etag: bodyEtag(JSON.stringify(story)), story } : {}) };
    }
    return error;
  }

  /** The store refused a write whose version moved under it: the 412 says where the story is now. */
  const withCurrentVersion =
    (slug: string) =>
    async (error: unknown): Promise<never> => {
      if (error instanceof ApiError && error.code === "version_mismatch")
        throw await currentVersion(slug, await store.latestRevision(slug));
      throw error;
    };

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
    // A draft, a scheduled or an unpublished story is deleted as a published one is.
    if (!(await store.deleteStory(slug))) throw new ApiError("story_not_found", `There is no story at ${slug}.`);
    return reply.code(204).send();
  });
};
