// A story page, declared once: its address, and a loader that fills the cache with the story (and
// the most read beside it), sends an old slug on to the story's current one, and says its head.
import { redirect } from "react-router";
import { mostReadQuery, storyQuery } from "../../api/queries";
import { definePage, extra, orNotFound } from "../../app/definePage";
import { storyHead } from "../../head/storyHead";
import { quoteParam } from "../../model/quotes";

export const storyPage = definePage({
  id: "story",
  path: "stories/:slug",
  module: "src/routes/story/StoryPage.tsx",
  loader: async ({ params, request }, { queryClient, site }) => {
    const slug = params.slug ?? "";
    const url = new URL(request.url);
    const [story] = await Promise.all([
      orNotFound(queryClient.ensureQueryData(storyQuery(slug))),
      extra(queryClient.ensureQueryData(mostReadQuery())),
    ]);
    if (story.slug !== slug) throw redirect(`/stories/${story.slug}${url.search}`, 301);
    return { head: storyHead(story, site, quoteParam(url.searchParams.get("quote"))) };
  },
});
