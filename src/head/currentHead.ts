// The head of whatever page the router is showing: the deepest route's head from its loader,
// or the head of the 404 or error page. The server and the browser both ask this one function.
// The page the server wrote comes to the browser's router without its head (routerHydrationScript.ts):
// while the router shows that data, the document's head is the page's.
import { isRouteErrorResponse } from "react-router";
import type { Words } from "../words/words";
import { type Head, pageHead, type Site } from "./head";

interface RouterStateLike {
  matches: { route: { id: string } }[];
  loaderData: Record<string, unknown>;
  errors: Record<string, unknown> | null;
  location: { pathname: string };
}

/** Whether the router shows the page the server wrote, whose head the document holds: its page data came without one. */
export function headInDocument(state: RouterStateLike): boolean {
  if (state.errors) return false;
  const deepest = [...state.matches].reverse().find(({ route }) => state.loaderData[route.id]);
  const data = deepest && state.loaderData[deepest.route.id];
  return typeof data === "object" && data !== null && !("head" in data);
}

export function currentHead(state: RouterStateLike, site: Site, words: Words): Head {
  const error = state.errors ? Object.values(state.errors)[0] : undefined;
  if (error !== undefined) {
    const notFound = isRouteErrorResponse(error) && error.status === 404;
    return pageHead(site, {
      title: words.text(notFound ? "error.notFoundTitle" : "error.loadFailedTitle"),
      description: words.text(notFound ? "error.notFoundDescription" : "error.loadFailedDescription"),
      path: state.location.pathname,
      noindex: true,
    });
  }
  for (const match of [...state.matches].reverse()) {
    const data = state.loaderData[match.route.id];
    if (data && typeof data === "object" && "head" in data) return data.head as Head;
  }
  return pageHead(site, { title: site.name, description: site.description, path: state.location.pathname });
}
