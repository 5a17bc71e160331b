// The site the pages are drawn for (its name, language and direction), for components: given once
// around the router, by the server per request and by the browser from the page's data.
import { createContext, useContext } from "react";
import type { Site } from "../head/head";

export const SiteContext = createContext<Site | null>(null);

/** The site this page belongs to. */
export function useSite(): Site {
  const site = useContext(SiteContext);
  if (!site) throw new Error("useSite: no SiteContext above this component");
  return site;
}
