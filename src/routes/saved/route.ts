// The saved stories page, declared once. The reader's saved stories live in the browser: the
// server sends the page without them, so the loader only says the head.
import { definePage } from "../../app/definePage";
import { pageHead } from "../../head/head";

export const savedPage = definePage({
  id: "saved",
  path: "saved",
  module: "src/routes/saved/SavedPage.tsx",
  loader: (_args, { site }) => ({
    head: pageHead(site, {
      title: "Saved stories",
      description: "The stories you saved in this browser, to read later, offline too.",
      path: "/saved",
      noindex: true,
    }),
  }),
});
