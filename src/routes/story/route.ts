// A story page, declared once: its address, and a loader that fills the cache with the story (for a
// live story, a page of its entries and their code: story/LiveEntriesOnDemand.tsx), sends an old
// slug on to the story's current one, and says its head (code loaded with the story's data, see
// storyPageHead.ts). Most read is fetched by the browser (headlines/MostRead.tsx).
import { data, redirect } from "react-router";
import { liveEntriesQuery, storyQuery } from "../../api/queries";
import { definePage, orNotFound } from "../../app/definePage";
import { beforeParam } from "../../model/liveParams";
import { quoteParam } from "../../model/quotes";
import { LIVE_ENTRIES_MODULE, loadLiveEntries } from "../../story/LiveEntriesOnDemand";

/**
 * The head's module, imported once: an `import()` of a module already loaded still costs a module
 * lookup and a promise chain each time, about 4% of a story page's render on the server. A failed
 * import (the browser offline) is forgotten, so the next navigation tries again.
 */
let storyPageHead: Promise<typeof import("./storyPageHead")> | undefined;
const loadStoryPageHead = () =>
  (storyPageHead ??= import("./storyPageHead").catch((error: unknown) => {
    storyPageHead = undefined;
    throw error;
  }));

export const storyPage = definePage({
  id: "story",
  path: "stories/:slug",
  module: "src/routes/story/StoryPage.tsx",
  loader: async ({ params, request }, { queryClient, site }) => {
    const slug = params.slug ?? "";
    const url = new URL(request.url);
    const [story, { storyHead, liveHead }] = await Promise.all([
      orNotFound(queryClient.ensureQueryData(storyQuery(slug))),
      loadStoryPageHead(),
    ]);
    if (story.slug !== slug) throw redirect(`/stories/${story.slug}${url.search}`, 301);
    const head = storyHead(story, site, quoteParam(url.searchParams.get("quote")));
    if (!story.coverage) return { head };
    const before = beforeParam(url.searchParams.get("before"));
    if (before === null) throw data("Not found", { status: 404 });
    const [entries] = await Promise.all([
      orNotFound(queryClient.ensureInfiniteQueryData(liveEntriesQuery(slug, before))),
      loadLiveEntries(),
    ]);
    const shown = entries.pages.flatMap((page) => [...page.pinned, ...page.items]);
    return { head: liveHead(head, story, shown, before !== undefined), modules: [LIVE_ENTRIES_MODULE] };
  },
});

/** The story page's code, its head's with it: fetched ahead of a click on a headline. */
export const loadStoryPage = () => Promise.all([storyPage.load(), loadStoryPageHead()]);
