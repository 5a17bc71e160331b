// The data the browser's router hydrates from, as the script that hands it over. React Router writes
// it as a JSON string of the JSON (JSON.parse("{\"loaderData\"…")), each quote escaped and the whole
// escaped again for HTML: 5.9% of a story page's render (decision 051). Written once as a
// script-safe object literal, the browser gets the same object (the `loaderData`, `actionData` and
// `errors` React Router reads) for less work and fewer bytes.
//
// Each page's data goes without its head: the page's <head> already says it, and a story's head
// (its tags and structured data) was a ninth of the page's bytes, written twice. The browser keeps
// the document's head while its router shows that data (src/head/currentHead.ts, decision 053).
import type { StaticHandlerContext } from "react-router";
import { scriptSafeJson } from "../head/head";

/** A page's loader data as the browser gets it first: everything but the head. */
function withoutHead(data: unknown): unknown {
  if (!data || typeof data !== "object" || !("head" in data)) return data;
  const { head: _inTheDocument, ...rest } = data;
  return rest;
}

/** The hydration script's text for a page without errors; a page with errors is left to React Router, which marks them up. */
export function routerHydrationScript(context: StaticHandlerContext): string | undefined {
  if (context.errors) return undefined;
  const loaderData = Object.fromEntries(
    Object.entries(context.loaderData).map(([id, data]) => [id, withoutHead(data)]),
  );
  const data = { loaderData, actionData: context.actionData, errors: null };
  return `window.__staticRouterHydrationData = ${scriptSafeJson(data)};`;
}
