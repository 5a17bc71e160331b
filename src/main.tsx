// The browser's entry: hydrate the server-rendered page from the data it carries, then take over
// navigation. Matched route chunks are loaded before hydrating, so the first render matches.
import { hydrate, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { createBrowserRouter, matchRoutes, type RouteObject, RouterProvider } from "react-router";
import { httpStoryApi } from "./api/httpStoryApi";
import { createQueryClient } from "./api/queries";
import { routerContextFor } from "./app/definePage";
import { PAGE_DATA_ID, type PageData, withTimestamps } from "./app/pageData";
import { createRoutes } from "./app/routes";
import { SiteContext } from "./app/siteContext";
import { applyHead } from "./head/applyHead";
import { currentHead, headInDocument } from "./head/currentHead";
import { registerServiceWorker } from "./serviceWorker/registerServiceWorker";
import { WordsContext } from "./words/useWords";
import { makeWords } from "./words/words";
import "./app/global.css";
import "./app/fontStacks.css";

async function loadMatchedRoutes(routes: RouteObject[]): Promise<void> {
  const matches = matchRoutes(routes, window.location) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      if (!route.lazy || typeof route.lazy === "function") return;
      const lazy = route.lazy as Record<string, () => Promise<unknown>>;
      const loaded = await Promise.all(Object.entries(lazy).map(async ([key, load]) => [key, await load()] as const));
      Object.assign(route, Object.fromEntries(loaded));
      route.lazy = undefined;
    }),
  );
}

async function start(): Promise<void> {
  const data = JSON.parse(document.getElementById(PAGE_DATA_ID)?.textContent ?? "null") as PageData;
  const queryClient = createQueryClient(httpStoryApi);
  hydrate(queryClient, withTimestamps(data.queries, Date.now()));
  const routes = createRoutes();
  await loadMatchedRoutes(routes);
  const words = makeWords(data.catalogue, data.site);
  const context = routerContextFor({ queryClient, site: data.site, words });
  const router = createBrowserRouter(routes, { getContext: () => context });
  // The head follows the page once it is painted: the reader sees the new page first, its title
  // and tags a frame later (at once in a hidden page, which paints nothing).
  router.subscribe((state) => {
    if (state.navigation.state !== "idle" || headInDocument(state)) return;
    const write = () => applyHead(currentHead(router.state, data.site, words));
    if (document.hidden) write();
    else requestAnimationFrame(() => setTimeout(write));
  });
  // Hydration is a transition: it yields to the browser every few milliseconds rather than holding
  // the main thread until the whole page is hydrated, so a tap or a scroll meanwhile is answered.
  // Navigations after it render in one pass (useTransitions={false}, docs/decisions/021).
  startTransition(() => {
    hydrateRoot(
      document.getElementById("root") as HTMLElement,
      <StrictMode>
        <SiteContext value={data.site}>
          <QueryClientProvider client={queryClient}>
            <WordsContext value={words}>
              <RouterProvider router={router} useTransitions={false} />
            </WordsContext>
          </QueryClientProvider>
        </SiteContext>
      </StrictMode>,
    );
  });
  if (import.meta.env.PROD) registerServiceWorker();
  // What changes while the page is open reaches it through the change stream (its own chunk).
  void import("./updates/changeStream").then(({ startChangeStream }) => startChangeStream(queryClient));
}

void start();
