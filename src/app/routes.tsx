// The route table, shared by the server (createStaticHandler) and the browser (createBrowserRouter):
// the pages, each declared once in its folder (src/routes/<page>/route.ts, see definePage.ts), under
// the root layout, which loads the sections for the masthead; anything else is the 404 page.
import { data, type RouteObject } from "react-router";
import { sectionsQuery } from "../api/queries";
import { homePage } from "../routes/home/route";
import { authorPage, sectionPage, tagPage } from "../routes/listing/route";
import { NotFoundPage } from "../routes/NotFoundPage";
import { savedPage } from "../routes/saved/route";
import { searchPage } from "../routes/search/route";
import { storyPage } from "../routes/story/route";
import { appOf, type Page } from "./definePage";
import { Layout } from "./Layout";
import { RouteError } from "./RouteError";

export const pages: Page[] = [homePage, storyPage, sectionPage, tagPage, authorPage, savedPage, searchPage];

/** Shown only if a page must load before the app can hydrate (the server sends the page itself). */
function PageLoading() {
  return null;
}

/** The route table; its loaders find the app in the router's context (`routerContextFor`). */
export function createRoutes(): RouteObject[] {
  return [
    {
      id: "root",
      path: "/",
      Component: Layout,
      ErrorBoundary: RouteError,
      HydrateFallback: PageLoading,
      loader: async (args) => {
        await appOf(args).queryClient.ensureQueryData(sectionsQuery());
        return null;
      },
      children: [
        ...pages.map((page) => ({ ...page.route })),
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
