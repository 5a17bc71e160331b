// The server's StoryApi: answers from the store in-process, with absolute URLs from PUBLIC_URL.
// The /api routes and server rendering both read through it, so a page and the API agree.
// What a client asks is checked here (zod); what the store answers is not checked again: the
// store already reads its JSON columns through the model's schemas, and its answers are typed.
import { ApiError } from "../model/apiError";
import { liveEntryQuerySchema } from "../model/liveEntry";
import { encodeSearchCursor, type SearchPage, searchQuerySchema } from "../model/search";
import { queryWords } from "../model/searchText";
import { snippet } from "../model/snippet";
import type { Story } from "../model/story";
import type { StoryApi } from "../model/storyApi";
import { storyListQuerySchema } from "../model/storyList";
import type { StoryStore } from "../store/storyStore";

const MOST_READ = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export function createStoryReader(store: StoryStore, publicUrl: string, now: () => Date = () => new Date()): StoryApi {
  return {
    async mostRead() {
      return store.mostRead(new Date(now().getTime() - DAY_MS), MOST_READ);
    },
    async story(slug) {
      const stored = await store.getStory(slug);
      if (!stored) throw new ApiError("story_not_found", `There is no story at ${slug}.`);
      return { ...stored, url: new URL(`/stories/${stored.slug}`, publicUrl).href } satisfies Story;
    },
    async stories(params) {
      const query = storyListQuerySchema.safeParse(params);
      if (!query.success) {
        const issue = query.error.issues[0];
        const field = issue?.path.join(".") || "query";
        throw new ApiError("bad_request", `${field}: ${issue?.message ?? "not valid"}`);
      }
      return store.listStories(query.data);
    },
    async tag(slug) {
      const tag = await store.getTag(slug);
      if (!tag) throw new ApiError("tag_not_found", `There is no tag ${slug}.`);
      return tag;
    },
    async author(slug) {
      const author = await store.getAuthor(slug);
      if (!author) throw new ApiError("author_not_found", `There is no author ${slug}.`);
      return author;
    },
    async search(params) {
      const query = searchQuerySchema.safeParse(params);
      if (!query.success) {
        const issue = query.error.issues[0];
        throw new ApiError("bad_request", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "not valid"}`);
      }
      const { q, limit, cursor } = query.data;
      const words = queryWords(q);
      const hits = await store.searchStories(words, limit + 1, cursor);
      const shown = hits.slice(0, limit);
      const last = shown.at(-1);
      return {
        items: shown.map(({ story, text }) => ({ ...story, snippet: snippet(text, words) })),
        nextCursor:
          hits.length > limit && last
            ? encodeSearchCursor({ phase: last.phase, publishedAt: last.story.publishedAt, slug: last.story.slug })
            : null,
      } satisfies SearchPage;
    },
    async sections() {
      return store.listSections();
    },
    async liveEntries(slug, params) {
      const query = liveEntryQuerySchema.safeParse(params);
      if (!query.success) {
        const issue = query.error.issues[0];
        throw new ApiError("bad_request", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "not valid"}`);
      }
      const page = await store.listEntries(slug, query.data);
      if (!page) throw new ApiError("story_not_found", `There is no story at ${slug}.`);
      return page;
    },
  };
}
