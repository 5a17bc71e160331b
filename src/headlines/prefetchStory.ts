// Fetching a story ahead of a click, when the reader points at or focuses its headline: the story's
// data (its query) and the story page's code, so the click paints at once. Where that code lives is
// the app's to know, not headlines': the app provides it through StoryPageLoader (src/app/Layout).
// Importing it from here would close a cycle, as the pages themselves import the headlines.
import { useQueryClient } from "@tanstack/react-query";
import { createContext, use } from "react";
import { storyQuery } from "../api/queries";

/** Loads the story page's code. Outside the app (a component test, say) there is none to load. */
export const StoryPageLoader = createContext<() => Promise<unknown>>(() => Promise.resolve());

/** A function that fetches a story, and the story page's code, into the browser ahead of a click. */
export function usePrefetchStory(): (slug: string) => void {
  const queryClient = useQueryClient();
  const loadStoryPage = use(StoryPageLoader);
  return (slug) => {
    void queryClient.prefetchQuery(storyQuery(slug));
    void loadStoryPage();
  };
}
