// Renders a page on the server with the same routes the browser uses. Loaders run against the
// StoryApi given (the store, in-process); the result is the HTML, its head, its status, the data
// the browser hydrates from, and the modules of the pages it shows, whose chunks the server preloads.
import { dehydrate, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { createQueryClient } from "./api/queries";
import { matchedPageModules, routerContextFor } from "./app/definePage";
import { type PageData, withTimestamps } from "./app/pageData";
import { routerHydrationScript } from "./app/routerHydrationScript";
import { createRoutes } from "./app/routes";
import { SiteContext } from "./app/siteContext";
import { currentHead } from "./head/currentHead";
import type { Head, Site } from "./head/head";
import type { StoryApi } from "./model/storyApi";
import { wordsFor } from "./words/siteWords";
import { WordsContext } from "./words/useWords";
import { readersCatalogue } from "./words/words";

export type RenderResult =
  | { kind: "redirect"; status: number; location: string }
  | {
      kind: "page";
      status: number;
      head: Head;
      html: string;
      data: PageData;
      pageModules: string[];
      /** What a route threw, when the page shows its error boundary. */
      error?: unknown;
    };

/** The route table, ranked once: each request brings its own query client in the router's context. */
const { query, dataRoutes } = createStaticHandler(createRoutes());

/** `nonce` goes on the router's hydration script, for the page's Content-Security-Policy. */
export async function render(request: Request, api: StoryApi, site: Site, nonce?: string): Promise<RenderResult> {
  const queryClient = createQueryClient(api, { retries: 0 });
  const words = wordsFor(site);
  const context = await query(request, { requestContext: routerContextFor({ queryClient, site, words }) });
  if (context instanceof Response) {
    return { kind: "redirect", status: context.status, location: context.headers.get("location") ?? "/" };
  }
  const router = createStaticRouter(dataRoutes, context);
  // The router's data for the browser, written by us rather than React Router (routerHydrationScript.ts).
  const hydration = routerHydrationScript(context);
  const html = renderToString(
    <StrictMode>
      <SiteContext value={site}>
        <QueryClientProvider client={queryClient}>
          <WordsContext value={words}>
            <StaticRouterProvider router={router} context={context} nonce={nonce} hydrate={!hydration} />
            {hydration && (
              // biome-ignore lint/security/noDangerouslySetInnerHtml: our own data, made script-safe by scriptSafeJson (React Router writes its own script the same way)
              <script suppressHydrationWarning nonce={nonce} dangerouslySetInnerHTML={{ __html: hydration }} />
            )}
          </WordsContext>
        </QueryClientProvider>
      </SiteContext>
    </StrictMode>,
  );
  const data: PageData = {
    site,
    catalogue: readersCatalogue(words.catalogue),
    queries: withTimestamps(dehydrate(queryClient), 0),
  };
  queryClient.clear();
  return {
    kind: "page",
    status: context.statusCode,
    head: currentHead(context, site, words),
    html,
    data,
    pageModules: matchedPageModules(context.matches, context.loaderData),
    ...(context.errors ? { error: Object.values(context.errors)[0] } : {}),
  };
}
