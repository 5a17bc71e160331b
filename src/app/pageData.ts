// What the server hands the browser inside the page: the site, its message catalogue (only the
// site's language's) and the React Query cache the page was rendered from, so the browser hydrates
// without fetching anything again and writes every word as the server did.
import type { DehydratedState } from "@tanstack/react-query";
import type { Site } from "../head/head";
import type { Catalogue } from "../words/catalogue";

export const PAGE_DATA_ID = "dispatch-data";

export interface PageData {
  site: Site;
  catalogue: Catalogue;
  queries: DehydratedState;
}

/**
 * The server leaves the cache's timestamps out (0), so the same content makes the same page
 * byte for byte, and its ETag means something; the browser dates the data to the page's arrival.
 */
export function withTimestamps(state: DehydratedState, at: number): DehydratedState {
  return {
    ...state,
    queries: state.queries.map((query) => ({
      ...query,
      dehydratedAt: at,
      state: { ...query.state, dataUpdatedAt: query.state.status === "success" ? at : 0 },
    })),
  };
}
