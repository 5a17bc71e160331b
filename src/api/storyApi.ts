// What the reader app asks of the story server. The browser answers it over HTTP (/api/*);
// the server answers it in-process from the store when it renders a page.

import type { SearchPage, SearchParams } from "../model/search";
import type { NamedRef, Section, Story, StoryPage, StorySummary } from "../model/story";
import type { StoryListParams } from "../model/storyList";

export interface StoryApi {
  story(slug: string, signal?: AbortSignal): Promise<Story>;
  stories(params: StoryListParams, signal?: AbortSignal): Promise<StoryPage>;
  sections(signal?: AbortSignal): Promise<Section[]>;
  search(params: SearchParams, signal?: AbortSignal): Promise<SearchPage>;
  mostRead(signal?: AbortSignal): Promise<StorySummary[]>;
  tag(slug: string, signal?: AbortSignal): Promise<NamedRef>;
  author(slug: string, signal?: AbortSignal): Promise<NamedRef>;
}

/** An answer other than success, as the API states it: `{ error: { code, message } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

export const isNotFound = (error: unknown): boolean => error instanceof ApiError && error.status === 404;
