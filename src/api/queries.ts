// The reader app's queries, defined once: route loaders ensure them, components read them.
// Each QueryClient is bound to the StoryApi that answers it (HTTP in the browser, the store
// on the server), so the same query definitions serve both.
import { infiniteQueryOptions, keepPreviousData, QueryClient, queryOptions } from "@tanstack/react-query";
import { ApiError } from "../model/apiError";
import type { SearchParams } from "../model/search";
import type { StoryApi } from "../model/storyApi";
import type { StoryListParams } from "../model/storyList";

const apis = new WeakMap<QueryClient, StoryApi>();

function apiOf(client: QueryClient): StoryApi {
  const api = apis.get(client);
  if (!api) throw new Error("this QueryClient was not made by createQueryClient");
  return api;
}

/**
 * `retries`: how often a failed read is tried again (not for an answer the API gave, such as a 404).
 * The browser's network drops requests, so it tries twice more; the server reads its store, which
 * retries a lost connection itself, so a page that cannot be read fails at once, not seconds later.
 */
export function createQueryClient(api: StoryApi, { retries = 2 }: { retries?: number } = {}): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < retries,
      },
    },
  });
  apis.set(client, api);
  return client;
}

export const storyQuery = (slug: string) =>
  queryOptions({
    queryKey: ["story", slug],
    queryFn: ({ client, signal }) => apiOf(client).story(slug, signal),
  });

export const storiesQuery = (params: StoryListParams) =>
  queryOptions({
    queryKey: ["stories", params],
    queryFn: ({ client, signal }) => apiOf(client).stories(params, signal),
  });

/** A list of stories page by page, starting at `start` (a cursor) or at the newest. */
export const storyListQuery = (filter: Omit<StoryListParams, "cursor" | "limit">, limit: number, start?: string) =>
  infiniteQueryOptions({
    queryKey: ["story-list", filter, limit, start ?? null],
    queryFn: ({ client, signal, pageParam }) =>
      apiOf(client).stories({ ...filter, limit, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: start ?? null,
    getNextPageParam: (page) => page.nextCursor,
  });

/**
 * The newest stories of a list, fetched apart from the list on screen (its own key), so a page can
 * tell how many are new without changing what it shows (updates/NewStoriesNotice.tsx); fetched
 * again each time `published` (stories announced since the page opened) grows.
 */
export const newestStoriesQuery = (filter: Omit<StoryListParams, "cursor" | "limit">, published: number) =>
  queryOptions({
    queryKey: ["newest-stories", filter, published],
    queryFn: ({ client, signal }) => apiOf(client).stories({ ...filter, limit: 20 }, signal),
    enabled: published > 0,
    placeholderData: keepPreviousData,
  });

export const mostReadQuery = () =>
  queryOptions({
    queryKey: ["most-read"],
    queryFn: ({ client, signal }) => apiOf(client).mostRead(signal),
  });

export const searchQuery = (params: SearchParams) =>
  queryOptions({
    queryKey: ["search", params],
    queryFn: ({ client, signal }) => apiOf(client).search(params, signal),
  });

export const sectionsQuery = () =>
  queryOptions({
    queryKey: ["sections"],
    queryFn: ({ client, signal }) => apiOf(client).sections(signal),
    staleTime: 10 * 60_000,
  });

export const tagQuery = (slug: string) =>
  queryOptions({
    queryKey: ["tag", slug],
    queryFn: ({ client, signal }) => apiOf(client).tag(slug, signal),
  });

export const authorQuery = (slug: string) =>
  queryOptions({
    queryKey: ["author", slug],
    queryFn: ({ client, signal }) => apiOf(client).author(slug, signal),
  });

/**
 * A live story's entries page by page (model/liveEntry.ts): from the newest (with the pinned ones)
 * or from just before the entry `before`. Keyed `["live-entries", slug, …]`: whatever learns that an
 * entry of the story changed invalidates `["live-entries", slug]` and every page of it refetches.
 */
export const liveEntriesQuery = (slug: string, before?: number) =>
  infiniteQueryOptions({
    queryKey: ["live-entries", slug, before ?? null],
    queryFn: ({ client, signal, pageParam }) =>
      apiOf(client).liveEntries(slug, pageParam ? { before: pageParam } : {}, signal),
    initialPageParam: before ?? null,
    getNextPageParam: (page) => page.nextBefore,
    // Live data: a reader coming back to the tab after 10 s sees what was added meanwhile.
    staleTime: 10_000,
  });
