// What the server hands the browser inside the page: the site's URL and the React Query cache
// the page was rendered from, so the browser hydrates without fetching anything again.
import type { DehydratedState } from "@tanstack/react-query";
import type { Site } from "../head/head";

export const PAGE_DATA_ID = "dispatch-data";

export interface PageData {
  site: Site;
  queries: DehydratedState;
}
