// The route table, shared by the server (createStaticHandler) and the browser (createBrowserRouter).
// Loaders make sure the page's queries are in the cache and return the page's head; page
// components read the same queries with useSuspenseQuery.
import type { QueryClient } from "@tanstack/react-query";
import { data, type RouteObject, redirect } from "react-router";
import { authorQuery, sectionsQuery, storiesQuery, storyQuery, tagQuery } from "../api/queries";
import { isNotFound } from "../api/storyApi";
import { pageHead, SITE_NAME, type Site } from "../head/head";
import { storyHead } from "../head/storyHead";
import { quoteParam } from "../model/quotes";
import { NotFoundPage } from "../routes/NotFoundPage";
import { HOME_LATEST, homeSectionQuery, LISTING_PAGE_SIZE } from "../routes/queries";
import { Layout } from "./Layout";
import { loadHomePage, loadListingPage, loadStoryPage } from "./pages";
import { RouteError } from "./RouteError";

/** Shown only if a page must load before the app can hydrate (the server sends the page itself). */
function PageLoading() {
  return null;
}

export interface AppContext {
  queryClient: QueryClient;
  site: Site;
}

/** Awaits a query, turning "no such thing" into the router's 404. */
async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isNotFound(error)) throw data("Not found", { status: 404 });
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
            const story = await orNotFound(ensure(storyQuery(slug)));
            if (story.slug !== slug) throw redirect(`/stories/${story.slug}${new URL(request.url).search}`, 301);
            return { head: storyHead(story, site, quoteParam(new URL(request.url).searchParams.get("quote"))) };
          },
        },
        {
          id: "section",
          path: "sections/:section",
          lazy: { Component: loadListingPage },
          ErrorBoundary: RouteError,
          loader: async ({ params }) => {
            const sections = await ensure(sectionsQuery());
            const section = sections.find((s) => s.slug === params.section);
            if (!section) throw data("Not found", { status: 404 });
            await ensure(storiesQuery({ section: section.slug, limit: LISTING_PAGE_SIZE }));
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
          loader: async ({ params }) => {
            const tag = await orNotFound(ensure(tagQuery(params.tag ?? "")));
            await ensure(storiesQuery({ tag: tag.slug, limit: LISTING_PAGE_SIZE }));
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
          loader: async ({ params }) => {
            const author = await orNotFound(ensure(authorQuery(params.author ?? "")));
            await ensure(storiesQuery({ author: author.slug, limit: LISTING_PAGE_SIZE }));
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
