// What Vite built for the browser (dist/client): the HTML template and, from its manifest, the
// chunks a page needs. Pages are named by their component's module path from the project root
// (src/routes/<page>/<Name>Page.tsx: each page's route records it, see src/app/definePage.ts),
// which is how the manifest names them too; a page's chunks are its module's static imports,
// all the way down, less what the entry already loads.
//
// The template is arranged for the first paint: the stylesheet first, before anything the head
// adds, and no script for the browser to fetch beside the page. Each page ends its head with a
// loader that, once the page has loaded (its HTML, CSS, fonts and lead picture in), preloads the
// entry's and the page's chunks together and imports the entry. So on a slow connection the first
// screen gets the bandwidth and paints as soon as a static copy would; the app hydrates a moment
// later, and until then the page is the server's HTML, links and forms working. (Measured with
// Lighthouse mobile: docs/performance.md.) Besides React Router's hydration data, the loader is
// the page's one script with a nonce: each nonce is a slot in the kept page's gzip form, and each
// slot costs a compression segment (server/http/nonceSlots.ts).
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
  /** The script that starts the app on a page showing these page modules, for the template's SCRIPTS_SLOT. */
  loader(pageModules: string[]): string;
}

/** Where the template takes the page's loader, at the end of its head. */
export const SCRIPTS_SLOT = "<!--app-scripts-->";

export function readClientBuild(clientDir: string): ClientBuild {
  const template = readFileSync(join(clientDir, "index.html"), "utf8");
  const manifest = JSON.parse(readFileSync(join(clientDir, ".vite/manifest.json"), "utf8")) as Manifest;
  return clientBuild(template, manifest);
}

/** The template with its stylesheet before the head's tags, and Vite's script and preloads replaced by the loader's slot. */
export function forFirstPaint(template: string): string {
  const stylesheets = template.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
  let arranged = template;
  for (const link of stylesheets) arranged = arranged.replace(link, "");
  return arranged
    .replace("<!--app-head-->", [...stylesheets, "<!--app-head-->"].join("\n    "))
    .replace(/<script type="module" crossorigin src="[^"]+"><\/script>/, SCRIPTS_SLOT)
    .replace(/\s*<link rel="modulepreload" crossorigin href="[^"]+">/g, "");
}

/** JSON that cannot end the script it is written into. */
const scriptJson = (value: unknown) => JSON.stringify(value).replaceAll("<", "\\u003c");

/**
 * Once the page has loaded and painted its first screen with what it loaded (the frame after the
 * load event; at once in a hidden tab, which paints nothing): a preload of each chunk, so they
 * come in together rather than one import after another, under the loader's own nonce (a policy
 * with 'strict-dynamic' treats preloads as scripts); then the entry. The app's work never comes
 * before the lead picture's paint.
 */
export const appLoader = (entry: string, chunks: string[]) =>
  `<script type="module">const start = () => { const nonce = document.querySelector("script[nonce]")?.nonce ?? ""; for (const href of ${scriptJson(chunks)}) { const link = document.createElement("link"); link.rel = "modulepreload"; link.nonce = nonce; link.href = href; document.head.append(link); } import(${scriptJson(entry)}); }; const painted = () => document.hidden ? start() : requestAnimationFrame(() => setTimeout(start)); document.readyState === "complete" ? painted() : addEventListener("load", painted, { once: true });</script>`;

export function clientBuild(template: string, manifest: Manifest): ClientBuild {
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) closure(imported, seen);
    return seen;
  };
  const scriptsOf = (keys: Iterable<string>) =>
    [...keys].flatMap((key) => (manifest[key]?.file.endsWith(".js") ? [`/${manifest[key].file}`] : []));
  // The page's entry (index.html's script), which every page loads anyway.
  const entry = closure("index.html");
  const [entryScript = "", ...entryChunks] = scriptsOf(entry);
  const routeScripts = (pageModules: string[]) => {
    const keys = new Set<string>();
    for (const module of pageModules) for (const key of closure(module)) if (!entry.has(key)) keys.add(key);
    return scriptsOf(keys);
  };
  // A page's loader depends only on the pages it shows: made once for each set, not per request.
  const loaders = new Map<string, string>();
  return {
    template: forFirstPaint(template),
    entryScripts: scriptsOf(entry),
    routeScripts,
    loader(pageModules) {
      const key = pageModules.join(" ");
      let loader = loaders.get(key);
      if (loader === undefined) {
        loader = appLoader(entryScript, [...entryChunks, ...routeScripts(pageModules)]);
        loaders.set(key, loader);
      }
      return loader;
    },
  };
}
