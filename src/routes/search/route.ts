// The search page, declared once: its address, and a loader that fills the cache with the results
// for `?q=` (from `?cursor=` when given) or, before a search, the most read stories (where the
// Most read block sends readers without JavaScript), and says its head.
import { mostReadQuery, searchQuery } from "../../api/queries";
import { definePage, orNotFound } from "../../app/definePage";
import { pageHead } from "../../head/head";
import { searchPageParams } from "./queries";

export const searchPage = definePage({
  id: "search",
  path: "search",
  module: "src/routes/search/SearchPage.tsx",
  loader: async ({ request }, { queryClient, site, words }) => {
    const { q, cursor } = searchPageParams(new URL(request.url).searchParams);
    if (q) await orNotFound(queryClient.ensureQueryData(searchQuery({ q, ...(cursor ? { cursor } : {}) })));
    else await queryClient.ensureQueryData(mostReadQuery()).catch(() => undefined);
    return {
      head: pageHead(site, {
        title: q ? words.text("search.titleFor", { q }) : words.text("search.title"),
        description: words.text("search.description", { site: site.name }),
        path: "/search",
        noindex: true,
      }),
    };
  },
});
