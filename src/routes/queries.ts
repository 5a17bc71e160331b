// The lists the pages show, so a loader and its page ask for exactly the same query.
import { storiesQuery } from "../api/queries";

/** The front page: a top story and the latest after it. */
export const HOME_LATEST = 9;
/** Stories per section on the front page. */
export const HOME_PER_SECTION = 4;
/** Stories on a section, tag or author page. */
export const LISTING_PAGE_SIZE = 20;

export const homeSectionQuery = (section: string) => storiesQuery({ section, limit: HOME_PER_SECTION });
