// Live coverage over HTTP: a live story's entries, read by anyone (GET, keyset pages) and written
// by editors (POST, PUT, DELETE; auth/access.ts), each naming who wrote it, as a Fastify plugin in the scope of pages and
// the API. Every write goes through the store's write transaction, so kept pages of the story are
// answered afresh on the next request.
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { z } from "zod";
import { ApiError } from "../../model/apiError";
import { entryIdSchema, type LiveEntryParams, liveEntryInputSchema } from "../../model/liveEntry";
import type { StoryApi } from "../../model/storyApi";
import type { StoryStore } from "../../store/storyStore";
import { type Access, actorOf } from "../auth/access";
import { slugParam } from "../http/slugParam";

type EntriesRequest = { Params: { slug: string } };
type EntryRequest = { Params: { slug: string; id: string } };

export interface EntryRoutesOptions {
  store: StoryStore;
  /** The story reader for a request, noting what its answer shows (http/answerDependencies.ts). */
  readerFor: (request: FastifyRequest) => StoryApi;
  access: Access;
  now: () => Date;
}

/** How far ahead of the server's clock an entry may be dated (a client's clock runs a little fast). */
const FUTURE_SLACK_MS = 5 * 60_000;

export const entryRoutes: FastifyPluginAsync<EntryRoutesOptions> = async (app, { store, readerFor, access, now }) => {
  const preHandler = access.require("entries:write");
  // An entry is JSON: Fastify's own text/plain parser would hand the route a string, so it goes (415).
  app.removeContentTypeParser("text/plain");

  app.get<EntriesRequest>("/api/stories/:slug/entries", async (request) =>
    readerFor(request).liveEntries(slugParam(request.params.slug), request.query as LiveEntryParams),
  );

  function entryOf(body: unknown) {
    const parsed = liveEntryInputSchema.safeParse(body);
    if (!parsed.success) throw new ApiError("invalid_entry", z.prettifyError(parsed.error));
    const { postedAt } = parsed.data;
    if (postedAt && Date.parse(postedAt) > now().getTime() + FUTURE_SLACK_MS)
      throw new ApiError("invalid_entry", `postedAt: ${postedAt} is in the future; leave it out to post it now.`);
    return parsed.data;
  }

  function idParam(value: string): number {
    const id = entryIdSchema.safeParse(value);
    if (!id.success) throw new ApiError("entry_not_found", `There is no entry ${JSON.stringify(value.slice(0, 40))}.`);
    return id.data;
  }

  app.post<EntriesRequest>("/api/stories/:slug/entries", { preHandler }, async (request, reply) => {
    const slug = slugParam(request.params.slug, "write");
    const entry = await store.addEntry(slug, entryOf(request.body), now(), actorOf(request).author);
    return reply.code(201).header("location", `/api/stories/${slug}/entries/${entry.id}`).send(entry);
  });

  app.put<EntryRequest>("/api/stories/:slug/entries/:id", { preHandler }, async (request) => {
    const slug = slugParam(request.params.slug, "write");
    return store.updateEntry(slug, idParam(request.params.id), entryOf(request.body), now(), actorOf(request).author);
  });

  app.delete<EntryRequest>("/api/stories/:slug/entries/:id", { preHandler }, async (request, reply) => {
    const slug = slugParam(request.params.slug, "write");
    await store.deleteEntry(slug, idParam(request.params.id));
    return reply.code(204).send();
  });
};
