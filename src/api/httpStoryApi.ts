// The browser's StoryApi: JSON over fetch from this site's own /api.

import { ApiError } from "../model/apiError";
import type { LiveEntryParams } from "../model/liveEntry";
import type { SearchParams } from "../model/search";
import type { StoryApi } from "../model/storyApi";
import type { StoryListParams } from "../model/storyList";

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  // Revalidate with the server every time (a 304 costs little): a shared cache may keep answers a
  // few seconds, but a reader's own browser must never show a story older than the server has.
  const response = await fetch(path, { headers: { accept: "application/json" }, cache: "no-cache", signal });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error;
    throw ApiError.received(response.status, error?.code ?? "http_error", error?.message ?? response.statusText);
  }
  return body as T;
}

function listQuery(params: StoryListParams | SearchParams | LiveEntryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const query = search.toString();
  return query ? `?${query}` : "";
}

export const httpStoryApi: StoryApi = {
  story: (slug, signal) => getJson(`/api/stories/${encodeURIComponent(slug)}`, signal),
  stories: (params, signal) => getJson(`/api/stories${listQuery(params)}`, signal),
  sections: (signal) => getJson("/api/sections", signal),
  mostRead: (signal) => getJson("/api/most-read", signal),
  search: (params, signal) => getJson(`/api/search${listQuery(params)}`, signal),
  tag: (slug, signal) => getJson(`/api/tags/${encodeURIComponent(slug)}`, signal),
  author: (slug, signal) => getJson(`/api/authors/${encodeURIComponent(slug)}`, signal),
  liveEntries: (slug, params, signal) =>
    getJson(`/api/stories/${encodeURIComponent(slug)}/entries${listQuery(params)}`, signal),
};
