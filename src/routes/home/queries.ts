// What the front page shows, so its loader and HomePage ask for exactly the same queries.
import { storiesQuery } from "../../api/queries";

/** The front page: a top story and the latest after it. */
export const HOME_LATEST = 9;
/** Stories per section on the front page. */
export const HOME_PER_SECTION = 4;

export const homeSectionQuery = (section: string) => storiesQuery({ section, limit: HOME_PER_SECTION });
