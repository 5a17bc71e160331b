// What the reader app asks of the story server: the contract both sides share. The browser
// answers it over HTTP (/api/*, src/api/httpStoryApi.ts); the server answers it in-process from
// the store when it renders a page (src/server/storyReader.ts). See docs/decisions/001.
import type { LiveEntryPage, LiveEntryParams } from "./liveEntry";
import type { SearchPage, SearchParams } from "./search";
import type { NamedRef, Section, Story, StoryPage, StorySummary } from "./story";
import type { StoryListParams } from "./storyList";

export interface StoryApi {
  story(slug: string, signal?: AbortSignal): Promise<Story>;
  stories(params: StoryListParams, signal?: AbortSignal): Promise<StoryPage>;
  sections(signal?: AbortSignal): Promise<Section[]>;
  search(params: SearchParams, signal?: AbortSignal): Promise<SearchPage>;
  mostRead(signal?: AbortSignal): Promise<StorySummary[]>;
  tag(slug: string, signal?: AbortSignal): Promise<NamedRef>;
  author(slug: string, signal?: AbortSignal): Promise<NamedRef>;
  /** A page of a live story's entries (model/liveEntry.ts). */
  liveEntries(slug: string, params: LiveEntryParams, signal?: AbortSignal): Promise<LiveEntryPage>;
}
