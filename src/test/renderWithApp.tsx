// Test support: renders a component inside the app's providers (a router in memory and a query
// client over the real HTTP API client, and the test site and its words), as the running app would.
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { httpStoryApi } from "../api/httpStoryApi";
import { createQueryClient } from "../api/queries";
import { SiteContext } from "../app/siteContext";
import type { Site } from "../head/head";
import { wordsFor } from "../words/siteWords";
import { WordsContext } from "../words/useWords";

/** The site components are drawn for in these tests (the demo's, in English). */
export const TEST_SITE: Site = {
  url: "https://news.example",
  name: "Dispatch",
  description: "Dispatch: the day's stories.",
  tagline: "the day's stories",
  language: "en",
  dir: "ltr",
  locale: "en-GB",
  timeZone: "UTC",
};

/** The test site's words (English), as the app gives them to every component. */
export const testWords = wordsFor(TEST_SITE);

/** A component with the test site and its words around it, for a test that needs no router or queries. */
export const withTestSite = (ui: ReactNode) => (
  <SiteContext value={TEST_SITE}>
    <WordsContext value={testWords}>{ui}</WordsContext>
  </SiteContext>
);

export function renderWithApp(ui: ReactNode, { path = "/", site = TEST_SITE }: { path?: string; site?: Site } = {}) {
  const queryClient = createQueryClient(httpStoryApi);
  const router = createMemoryRouter([{ path: "*", element: ui }], { initialEntries: [path] });
  const result = render(
    <SiteContext value={site}>
      <QueryClientProvider client={queryClient}>
        <WordsContext value={wordsFor(site)}>
          <RouterProvider router={router} />
        </WordsContext>
      </QueryClientProvider>
    </SiteContext>,
  );
  return { ...result, queryClient, router };
}
