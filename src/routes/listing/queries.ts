// What a section, tag or author page lists, so its loader and ListingPage ask for
// exactly the same query.
import { storyListQuery } from "../../api/queries";
import type { StoryListParams } from "../../model/storyList";

/** Stories on a section, tag or author page. */
export const LISTING_PAGE_SIZE = 20;

export type ListingFilter = Pick<StoryListParams, "section" | "tag" | "author">;

/** A section, tag or author page: from `?before=` (a cursor), or from the newest. */
export const listingQuery = (filter: ListingFilter, before?: string) =>
  storyListQuery(filter, LISTING_PAGE_SIZE, before);
