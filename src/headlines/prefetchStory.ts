import type { QueryClient } from "@tanstack/react-query";
import { storyQuery } from "../api/queries";
import { loadStoryPage } from "../app/pages";

/** Fetches a story and the story page's code ahead of a click, so the click paints at once. */
export function prefetchStory(queryClient: QueryClient, slug: string): void {
  void queryClient.prefetchQuery(storyQuery(slug));
  void loadStoryPage();
}
