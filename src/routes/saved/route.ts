// The saved stories page, declared once. The reader's saved stories live in the browser: the
// server sends the page without them, so the loader only says the head.
import { definePage } from "../../app/definePage";
import { pageHead } from "../../head/head";

export const savedPage = definePage({
  id: "saved",
  path: "saved",
  module: "src/routes/saved/SavedPage.tsx",
  loader: (_args, { site, words }) => ({
    head: pageHead(site, {
      title: words.text("saved.title"),
      description: words.text("saved.description"),
      path: "/saved",
      noindex: true,
    }),
  }),
});
