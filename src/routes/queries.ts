// The lists the pages show, so a loader and its page ask for exactly the same query.
import { storiesQuery, storyListQuery } from "../api/queries";
import type { StoryListParams } from "../model/storyList";

/** The front page: a top story and the latest after it. */
export const HOME_LATEST = 9;
/** Stories per section on the front page. */
export const HOME_PER_SECTION = 4;
/** Stories on a section, tag or author page. */
export const LISTING_PAGE_SIZE = 20;

export const homeSectionQuery = (section: string) => storiesQuery({ section, limit: HOME_PER_SECTION });

export type ListingFilter = Pick<StoryListParams, "section" | "tag" | "author">;

/** A section, tag or author page: from `?before=` (a cursor), or from the newest. */
export const listingQuery = (filter: ListingFilter, before?: string) =>
  storyListQuery(filter, LISTING_PAGE_SIZE, before);

/** `/search?q=&cursor=`: what the search page shows. */
export function searchPageParams(params: URLSearchParams): { q: string; cursor?: string } {
  const q = (params.get("q") ?? "").trim().slice(0, 200);
  const cursor = params.get("cursor") ?? undefined;
  return { q, ...(cursor ? { cursor } : {}) };
}
