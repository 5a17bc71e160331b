// The route table, shared by the server (createStaticHandler) and the browser (createBrowserRouter).
// Loaders make sure the page's queries are in the cache and return the page's head; page
// components read the same queries with useSuspenseQuery.
import type { QueryClient } from "@tanstack/react-query";
import { data, type RouteObject, redirect } from "react-router";
import {
  authorQuery,
  mostReadQuery,
  searchQuery,
  sectionsQuery,
  storiesQuery,
  storyQuery,
  tagQuery,
} from "../api/queries";
import { pageHead, SITE_NAME, type Site } from "../head/head";
import { storyHead } from "../head/storyHead";
import { ApiError, isNotFound } from "../model/apiError";
import { quoteParam } from "../model/quotes";
import { HOME_LATEST, homeSectionQuery } from "../routes/home/queries";
import { listingQuery } from "../routes/listing/queries";
import { NotFoundPage } from "../routes/NotFoundPage";
import { searchPageParams } from "../routes/search/queries";
import { Layout } from "./Layout";
import { loadHomePage, loadListingPage, loadSavedPage, loadSearchPage, loadStoryPage } from "./pages";
import { RouteError } from "./RouteError";

/** Shown only if a page must load before the app can hydrate (the server sends the page itself). */
function PageLoading() {
  return null;
}

export interface AppContext {
  queryClient: QueryClient;
  site: Site;
}

/** Something a page shows besides its subject: the page loads without it when it fails. */
const extra = (promise: Promise<unknown>) => promise.catch(() => undefined);

/** `?before=` on a listing page: where the list starts. */
const before = (request: Request) => new URL(request.url).searchParams.get("before") ?? undefined;

/** Awaits a query, turning "no such thing" (or a position that is not one) into the router's 404. */
async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isNotFound(error) || (error instanceof ApiError && error.status === 400))
      throw data("Not found", { status: 404 });
    throw error;
  }
}

export function createRoutes({ queryClient, site }: AppContext): RouteObject[] {
  const ensure = queryClient.ensureQueryData.bind(queryClient) as QueryClient["ensureQueryData"];
  return [
    {
      id: "root",
      path: "/",
      Component: Layout,
      ErrorBoundary: RouteError,
      HydrateFallback: PageLoading,
      loader: async () => {
        await ensure(sectionsQuery());
        return null;
      },
      children: [
        {
          id: "home",
          index: true,
          lazy: { Component: loadHomePage },
          ErrorBoundary: RouteError,
          loader: async () => {
            const sections = await ensure(sectionsQuery());
            await Promise.all([
              ensure(storiesQuery({ limit: HOME_LATEST })),
              extra(ensure(mostReadQuery())),
              ...sections.map((section) => ensure(homeSectionQuery(section.slug))),
            ]);
            return {
              head: pageHead(site, {
                title: SITE_NAME,
                description: "Dispatch: the day's stories from the city, the world, science and culture.",
                path: "/",
              }),
            };
          },
        },
        {
          id: "story",
          path: "stories/:slug",
          lazy: { Component: loadStoryPage },
          ErrorBoundary: RouteError,
          loader: async ({ params, request }) => {
            const slug = params.slug ?? "";
            const [story] = await Promise.all([orNotFound(ensure(storyQuery(slug))), extra(ensure(mostReadQuery()))]);
            if (story.slug !== slug) throw redirect(`/stories/${story.slug}${new URL(request.url).search}`, 301);
            return { head: storyHead(story, site, quoteParam(new URL(request.url).searchParams.get("quote"))) };
          },
        },
        {
          id: "section",
          path: "sections/:section",
          lazy: { Component: loadListingPage },
          ErrorBoundary: RouteError,
          loader: async ({ params, request }) => {
            const sections = await ensure(sectionsQuery());
            const section = sections.find((s) => s.slug === params.section);
            if (!section) throw data("Not found", { status: 404 });
            await orNotFound(
              queryClient.ensureInfiniteQueryData(listingQuery({ section: section.slug }, before(request))),
            );
            return {
              head: pageHead(site, {
                title: section.name,
                description: `The latest ${section.name} stories from ${SITE_NAME}.`,
                path: `/sections/${section.slug}`,
                feed: `/sections/${section.slug}/feed.xml`,
              }),
            };
          },
        },
        {
          id: "tag",
          path: "tags/:tag",
          lazy: { Component: loadListingPage },
          ErrorBoundary: RouteError,
          loader: async ({ params, request }) => {
            const tag = await orNotFound(ensure(tagQuery(params.tag ?? "")));
            await orNotFound(queryClient.ensureInfiniteQueryData(listingQuery({ tag: tag.slug }, before(request))));
            return {
              head: pageHead(site, {
                title: tag.name,
                description: `Stories about ${tag.name} from ${SITE_NAME}.`,
                path: `/tags/${tag.slug}`,
              }),
            };
          },
        },
        {
          id: "author",
          path: "authors/:author",
          lazy: { Component: loadListingPage },
          ErrorBoundary: RouteError,
          loader: async ({ params, request }) => {
            const author = await orNotFound(ensure(authorQuery(params.author ?? "")));
            await orNotFound(
              queryClient.ensureInfiniteQueryData(listingQuery({ author: author.slug }, before(request))),
            );
            return {
              head: pageHead(site, {
                title: author.name,
                description: `Stories by ${author.name} for ${SITE_NAME}.`,
                path: `/authors/${author.slug}`,
              }),
            };
          },
        },
        {
          // The reader's saved stories live in the browser: the server sends the page without them.
          id: "saved",
          path: "saved",
          lazy: { Component: loadSavedPage },
          ErrorBoundary: RouteError,
          loader: () => ({
            head: pageHead(site, {
              title: "Saved stories",
              description: "The stories you saved in this browser, to read later, offline too.",
              path: "/saved",
              noindex: true,
            }),
          }),
        },
        {
          id: "search",
          path: "search",
          lazy: { Component: loadSearchPage },
          ErrorBoundary: RouteError,
          loader: async ({ request }) => {
            const { q, cursor } = searchPageParams(new URL(request.url).searchParams);
            if (q) await orNotFound(ensure(searchQuery({ q, ...(cursor ? { cursor } : {}) })));
            return {
              head: pageHead(site, {
                title: q ? `Search: ${q}` : "Search",
                description: `Search the stories of ${SITE_NAME}.`,
                path: "/search",
                noindex: true,
              }),
            };
          },
        },
        {
          id: "not-found",
          path: "*",
          Component: NotFoundPage,
          ErrorBoundary: RouteError,
          loader: () => {
            throw data("Not found", { status: 404 });
          },
        },
      ],
    },
  ];
}
