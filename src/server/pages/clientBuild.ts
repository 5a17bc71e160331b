// What Vite built for the browser (dist/client): the HTML template and, from its manifest, the
// chunks a page needs. Pages are named by their component's module path from the project root
// (src/routes/<page>/<Name>Page.tsx: each page's route records it, see src/app/definePage.ts),
// which is how the manifest names them too; a page's chunks are its module's static imports,
// all the way down, less what the entry already loads. The server preloads them with the page.
//
// The template is arranged for the first paint: the stylesheet first, before anything the head
// adds, and the app's entry imported only once the page has loaded (its HTML, CSS, fonts and lead
// picture in), so that on a slow connection they get the bandwidth and the page paints as soon as
// a static copy would; the app hydrates a moment later, and until then the page is the server's
// HTML, links and forms working. (Measured with Lighthouse mobile: docs/performance.md.)
import { readFileSync } from "node:fs";
import { join } from "node:path";

interface ManifestChunk {
  file: string;
  imports?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface ClientBuild {
  template: string;
  /** The entry's script and every chunk it imports statically, as URL paths: what each page starts with. */
  entryScripts: string[];
  /** The script chunks the pages need beyond the entry's, as URL paths. A module not built is skipped. */
  routeScripts(pageModules: string[]): string[];
}

export function readClientBuild(clientDir: string): ClientBuild {
  const template = readFileSync(join(clientDir, "index.html"), "utf8");
  const manifest = JSON.parse(readFileSync(join(clientDir, ".vite/manifest.json"), "utf8")) as Manifest;
  return clientBuild(template, manifest);
}

/** The template with its stylesheet moved before the head's tags and its entry imported after load. */
export function forFirstPaint(template: string): string {
  const stylesheets = template.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
  let arranged = template;
  for (const link of stylesheets) arranged = arranged.replace(link, "");
  return (
    arranged
      .replace("<!--app-head-->", [...stylesheets, "<!--app-head-->"].join("\n    "))
      .replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_tag, src: string) => appAfterLoad(src))
      // The chunks the entry imports, which Vite preloads: wanted by hydration, not by the paint.
      .replace(/<link rel="modulepreload" crossorigin href="([^"]+)">/g, (_tag, href: string) => modulePreload(href))
  );
}

/** The app's entry, imported once the page has loaded (its HTML, CSS, fonts and lead picture in). */
const appAfterLoad = (src: string) =>
  `<script type="module">const start = () => import(${JSON.stringify(src)}); document.readyState === "complete" ? start() : addEventListener("load", start, { once: true });</script>`;

/** A preload of one of a page's script chunks: wanted before hydration, not before the paint. */
export const modulePreload = (href: string) =>
  `<link rel="modulepreload" fetchpriority="low" crossorigin href="${href}">`;

export function clientBuild(template: string, manifest: Manifest): ClientBuild {
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) closure(imported, seen);
    return seen;
  };
  // The page's entry (index.html's script), which every page loads anyway.
  const entry = closure("index.html");
  return {
    template: forFirstPaint(template),
    entryScripts: [...entry].flatMap((key) => (manifest[key]?.file.endsWith(".js") ? [`/${manifest[key].file}`] : [])),
    routeScripts(pageModules) {
      const keys = new Set<string>();
      for (const module of pageModules) for (const key of closure(module)) if (!entry.has(key)) keys.add(key);
      return [...keys].map((key) => `/${manifest[key]?.file}`);
    },
  };
}
