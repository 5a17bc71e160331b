// The data the browser's router hydrates from, as the script that hands it over. React Router writes
// it as a JSON string of the JSON (JSON.parse("{\"loaderData\"…")), each quote escaped and the whole
// escaped again for HTML: 5.9% of a story page's render (decision 051). Written once as a
// script-safe object literal, the browser gets the same object (the `loaderData`, `actionData` and
// `errors` React Router reads) for less work and fewer bytes.
import type { StaticHandlerContext } from "react-router";
import { scriptSafeJson } from "../head/head";

/** The hydration script's text for a page without errors; a page with errors is left to React Router, which marks them up. */
export function routerHydrationScript(context: StaticHandlerContext): string | undefined {
  if (context.errors) return undefined;
  const data = { loaderData: context.loaderData, actionData: context.actionData, errors: null };
  return `window.__staticRouterHydrationData = ${scriptSafeJson(data)};`;
}
