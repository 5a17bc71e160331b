// How a page is declared, once, in its folder (src/routes/<page>/route.ts): its route (id and path),
// its loader, which fills the query cache and returns the page's head, and the module of its
// component. The declaration stays in the main bundle, so a page's data never waits for its code;
// the component is found by its module path among the pages globbed below, each its own chunk,
// loaded when the page is first shown or, for a story, ahead of a click. The route records that
// path, so the server can preload the chunks of the pages it renders (src/server/pages/clientBuild.ts).
// definePage adds what every page shares: the error boundary.
import type { QueryClient } from "@tanstack/react-query";
import type { ComponentType } from "react";
import { createContext, data, type LoaderFunctionArgs, type RouteObject, RouterContextProvider } from "react-router";
import type { Head, Site } from "../head/head";
import { ApiError, isNotFound } from "../model/apiError";
import type { Words } from "../words/words";
import { RouteError } from "./RouteError";

/**
 * Every page component, by its module's path from the project root ("src/routes/story/StoryPage.tsx",
 * the key Vite's manifest uses too): a page module's default export is the page.
 */
const pageComponents = new Map(
  Object.entries(import.meta.glob<ComponentType>("/src/routes/*/*Page.tsx", { import: "default" })).map(
    ([path, load]) => [path.replace(/^\//, ""), load],
  ),
);

/** What pages' loaders may use: the query client they fill, the site they are on, and its words. */
export interface AppContext {
  queryClient: QueryClient;
  site: Site;
  words: Words;
}

/**
 * Where loaders find the app: in the router's context, which the browser's router gives once and
 * the server gives per request. So the route table is made once, and the server's handler with it.
 */
const appContext = createContext<AppContext>();

/** The router context that gives loaders this app. */
export const routerContextFor = (app: AppContext) => new RouterContextProvider(new Map([[appContext, app]]));

/** The app a loader runs for, from its router context. */
export const appOf = ({ context }: Pick<LoaderFunctionArgs, "context">): AppContext => context.get(appContext);

/** What a page's loader returns: the page's head, which the server writes and the browser applies. */
export interface PageLoaderData {
  head: Head;
  /** Code this page shows beyond its page module, loaded on demand (a live story's entries): the server preloads it too. */
  modules?: string[];
}

export type PageDeclaration = ({ index: true } | { path: string }) & {
  /** The route's id: unique among the pages. */
  id: string;
  /** The page component's module, from the project root: "src/routes/<page>/<Name>Page.tsx". */
  module: string;
  /** Makes sure the page's queries are in the cache (its component reads them) and says its head. */
  loader(args: LoaderFunctionArgs, app: AppContext): Promise<PageLoaderData> | PageLoaderData;
};

export interface Page {
  id: string;
  module: string;
  /** Loads the page component (its chunk); the router calls it, and anyone may ahead of time. */
  load(): Promise<ComponentType>;
  /** The page's route; its loader finds the app's query client and site in the router's context. */
  route: RouteObject;
}

/** What a page's route carries in its `handle`. */
interface PageHandle {
  module: string;
}

export function definePage({ module, loader, ...route }: PageDeclaration): Page {
  const load = pageComponents.get(module);
  if (!load) throw new Error(`page "${route.id}": ${module} is not a page module (src/routes/*/*Page.tsx)`);
  return {
    id: route.id,
    module,
    load,
    route: {
      ...route,
      loader: (args) => loader(args, appOf(args)),
      lazy: { Component: load },
      ErrorBoundary: RouteError,
      handle: { module } satisfies PageHandle,
    },
  };
}

/**
 * The page modules of the routes a request matched (not the layout's, or the 404's), and the
 * modules their loaders named: their code to preload.
 */
export function matchedPageModules(
  matches: { route: { id?: string; handle?: unknown } }[],
  loaderData: Record<string, unknown> = {},
): string[] {
  return matches.flatMap(({ route }) => {
    const handle = route.handle as Partial<PageHandle> | undefined;
    if (typeof handle?.module !== "string") return [];
    const named = (route.id && (loaderData[route.id] as Partial<PageLoaderData> | undefined)?.modules) || [];
    return [handle.module, ...named];
  });
}

/** Awaits a query, turning "no such thing" (or a position that is not one) into the router's 404. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isNotFound(error) || (error instanceof ApiError && error.status === 400))
      throw data("Not found", { status: 404 });
    throw error;
  }
}
