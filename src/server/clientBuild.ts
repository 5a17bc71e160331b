// What Vite built for the browser (dist/client): the HTML template and, from its manifest, the
// chunks each page route needs, so the server can preload them with the page.
import { readFileSync } from "node:fs";
import { join } from "node:path";

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}
type Manifest = Record<string, ManifestChunk>;

/** The module that draws each page route (see src/app/pages.ts). */
const routeModules: Record<string, string> = {
  home: "src/routes/home/HomePage.tsx",
  story: "src/routes/story/StoryPage.tsx",
  section: "src/routes/listing/ListingPage.tsx",
  tag: "src/routes/listing/ListingPage.tsx",
  author: "src/routes/listing/ListingPage.tsx",
  search: "src/routes/search/SearchPage.tsx",
  saved: "src/routes/saved/SavedPage.tsx",
};

export interface ClientBuild {
  template: string;
  routeScripts(routeIds: string[]): string[];
}

export function readClientBuild(clientDir: string): ClientBuild {
  const template = readFileSync(join(clientDir, "index.html"), "utf8");
  const manifest = JSON.parse(readFileSync(join(clientDir, ".vite/manifest.json"), "utf8")) as Manifest;
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) closure(imported, seen);
    return seen;
  };
  const entry = closure("index.html");
  return {
    template,
    routeScripts(routeIds) {
      const keys = new Set<string>();
      for (const id of routeIds) {
        const module = routeModules[id];
        if (module) for (const key of closure(module)) if (!entry.has(key)) keys.add(key);
      }
      return [...keys].map((key) => `/${manifest[key]?.file}`);
    },
  };
}
