// Test support: renders a component inside the app's providers (a router in memory and a query
// client over the real HTTP API client, and the demo site's words), as the running app would.
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { httpStoryApi } from "../api/httpStoryApi";
import { createQueryClient } from "../api/queries";
import { DEFAULT_SITE_WORDS, wordsFor } from "../words/siteWords";
import { WordsContext } from "../words/useWords";

/** The demo site's words (English), as the app gives them to every component. */
export const demoWords = wordsFor(DEFAULT_SITE_WORDS);

/** A component with the site's words around it, for a test that needs no router or queries. */
export const withWords = (ui: ReactNode) => <WordsContext value={demoWords}>{ui}</WordsContext>;

export function renderWithApp(ui: ReactNode, { path = "/" } = {}) {
  const queryClient = createQueryClient(httpStoryApi);
  const router = createMemoryRouter([{ path: "*", element: ui }], { initialEntries: [path] });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <WordsContext value={demoWords}>
        <RouterProvider router={router} />
      </WordsContext>
    </QueryClientProvider>,
  );
  return { ...result, queryClient, router };
}
