// The most read page, declared once: the list the Most read block shows once the browser runs,
// as a page of its own for readers without JavaScript (the block links here). It changes by the
// minute, so it is kept a minute (docs/decisions/026).
import { mostReadQuery } from "../../api/queries";
import { definePage } from "../../app/definePage";
import { pageHead } from "../../head/head";

export const mostReadPage = definePage({
  id: "most-read",
  path: "most-read",
  module: "src/routes/mostRead/MostReadPage.tsx",
  loader: async (_args, { queryClient, site }) => {
    await queryClient.ensureQueryData(mostReadQuery());
    return {
      head: pageHead(site, {
        title: "Most read",
        description: "The stories read most in the last 24 hours.",
        path: "/most-read",
        noindex: true,
      }),
    };
  },
});
