// The search page, declared once: its address, and a loader that fills the cache with the results
// for `?q=` (from `?cursor=` when given; nothing without a query) and says its head.
import { searchQuery } from "../../api/queries";
import { definePage, orNotFound } from "../../app/definePage";
import { pageHead, SITE_NAME } from "../../head/head";
import { searchPageParams } from "./queries";

export const searchPage = definePage({
  id: "search",
  path: "search",
  module: "src/routes/search/SearchPage.tsx",
  loader: async ({ request }, { queryClient, site }) => {
    const { q, cursor } = searchPageParams(new URL(request.url).searchParams);
    if (q) await orNotFound(queryClient.ensureQueryData(searchQuery({ q, ...(cursor ? { cursor } : {}) })));
    return {
      head: pageHead(site, {
        title: q ? `Search: ${q}` : "Search",
        description: `Search the stories of ${SITE_NAME}.`,
        path: "/search",
        noindex: true,
      }),
    };
  },
});
