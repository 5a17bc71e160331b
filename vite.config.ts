import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin, type ResolvedConfig } from "vite";

/** Writes .gz and .br beside every text asset, so the server sends them without compressing per request. */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "dispatch:precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.ssr ? "" : config.build.outDir;
    },
    closeBundle() {
      if (!outDir) return;
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? walk(path) : [path];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|vtt|txt|xml|webmanifest)$/.test(file) || file.endsWith("index.html")) continue;
        const body = readFileSync(file);
        if (body.length < 512) continue;
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

const SERVICE_WORKER = "sw.js";
const SHELL_PLACEHOLDER = "__DISPATCH_SHELL__";

/**
 * Builds the service worker (src/serviceWorker/sw.ts) into dist/client/sw.js, a URL that never
 * changes, and writes this build's app shell into it: every hashed script and stylesheet a page
 * may load (not hls.js, fetched only where HLS is not native), and a version hashed from their
 * names (which carry their contents' hashes), the offline page and the worker's own code. A deploy
 * that changes any of them changes sw.js, and browsers install the new worker.
 */
function serviceWorker(): Plugin {
  let enabled = false;
  let publicDir = "";
  return {
    name: "dispatch:service-worker",
    apply: "build",
    configResolved(config) {
      enabled = !config.build.ssr;
      publicDir = config.publicDir;
    },
    buildStart() {
      if (enabled) this.emitFile({ type: "chunk", id: "src/serviceWorker/sw.ts", fileName: SERVICE_WORKER });
    },
    // Last, once Vite has written the stylesheet into the bundle too.
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        const worker = bundle[SERVICE_WORKER];
        if (!enabled || worker?.type !== "chunk") return;
        if (worker.imports.length > 0)
          throw new Error(`${SERVICE_WORKER} must import nothing: it runs as a classic script`);
        const files = Object.values(bundle)
          .filter((file) => /^assets\/.+\.(js|css)$/.test(file.fileName))
          .filter((file) => !(file.type === "chunk" && file.facadeModuleId?.includes("/node_modules/hls.js/")))
          .map((file) => `/${file.fileName}`)
          .sort();
        const version = createHash("sha256")
          .update(files.join("\n"))
          .update(readFileSync(join(publicDir, "offline.html")))
          .update(worker.code)
          .digest("hex")
          .slice(0, 12);
        if (!worker.code.includes(SHELL_PLACEHOLDER))
          throw new Error(`${SERVICE_WORKER} lost its ${SHELL_PLACEHOLDER}`);
        worker.code = worker.code.replaceAll(SHELL_PLACEHOLDER, JSON.stringify({ version, files }));
      },
    },
  };
}

/**
 * The server build runs React's production build whatever NODE_ENV the shell has: React and the
 * libraries that render with it are bundled into dist/server with process.env.NODE_ENV fixed to
 * "production", so their development builds (prop validation, warnings: several times slower) are
 * not even in the bundle. Other dependencies stay in node_modules.
 */
const SERVER_BUNDLED = ["react", "react-dom", "react-router", "@tanstack/react-query", "scheduler"];

function productionServer(): Plugin {
  return {
    name: "dispatch:production-server",
    apply: "build",
    config(_config, { isSsrBuild }) {
      if (!isSsrBuild) return;
      return {
        define: { "process.env.NODE_ENV": JSON.stringify("production") },
        ssr: { noExternal: SERVER_BUNDLED },
        // The public folder is served from dist/client; the server bundle needs no copy of it.
        build: { copyPublicDir: false },
      };
    },
  };
}

/** The server's worker threads: each is a script of its own in dist/server. */
const SERVER_WORKERS = ["src/server/shareCard/cardWorker.ts"];
const workerUrlRE = /new URL\(\s*(["'])(\.{1,2}\/[\w./-]+\.ts)\1\s*,\s*import\.meta\.url\s*\)/g;

/**
 * Builds each of the server's worker threads (SERVER_WORKERS) as an entry of the server build,
 * dist/server/<name>.js, with its own imports bundled like the server's. Vite does this for
 * `new Worker(new URL(…, import.meta.url))` in browser code only, so here the code that starts a
 * worker names its source, `new URL("./cardWorker.ts", import.meta.url)`, and this rewrites that
 * URL to the built file's. From source (tests, dev) the URL stays the .ts file (see
 * src/server/shareCard/cardPool.ts).
 */
function serverWorkers(): Plugin {
  let enabled = false;
  let root = "";
  const chunks = new Map<string, string>();
  const named = new Set<string>();
  return {
    name: "dispatch:server-workers",
    apply: "build",
    configResolved(config) {
      enabled = Boolean(config.build.ssr);
      root = config.root;
    },
    buildStart() {
      if (!enabled) return;
      for (const file of SERVER_WORKERS) {
        const fileName = `${basename(file, ".ts")}.js`;
        chunks.set(resolve(root, file), this.emitFile({ type: "chunk", id: resolve(root, file), fileName }));
      }
    },
    transform(code, id) {
      if (!enabled || !code.includes("import.meta.url")) return;
      let rewritten = false;
      const result = code.replace(workerUrlRE, (match, _quote, path: string) => {
        const file = resolve(dirname(id), path);
        const reference = chunks.get(file);
        if (!reference) return match;
        named.add(file);
        rewritten = true;
        return `new URL(import.meta.ROLLUP_FILE_URL_${reference})`;
      });
      return rewritten ? { code: result, map: null } : undefined;
    },
    buildEnd(error) {
      // Unrewritten, the server would look for the .ts file in production and draw no card.
      const unnamed = [...chunks.keys()].filter((file) => !named.has(file));
      if (!error && unnamed.length > 0)
        this.error(`No server code starts ${unnamed.join(", ")} as new URL("./<name>.ts", import.meta.url)`);
    },
    // Before Vite's own, which makes a URL from the site's base: this one is a file beside the server's.
    resolveFileUrl: {
      order: "pre",
      handler({ referenceId, relativePath }) {
        if (![...chunks.values()].includes(referenceId)) return;
        const path = relativePath.startsWith("../") ? relativePath : `./${relativePath}`;
        return `new URL(${JSON.stringify(path)}, import.meta.url).href`;
      },
    },
  };
}

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null;
}

const PAGE_MODULE = /[\\/]src[\\/]routes[\\/][^\\/]+[\\/]([^\\/]+Page)\.tsx$/;
/** A package's index, which names all its modules: what a page takes from it, the graph does not say. */
const PACKAGE_INDEX = /[\\/]node_modules[\\/].+[\\/]index\.js$/;

/**
 * Which chunk a module loaded after the entry goes in, from the module graph: "shared" for what
 * every page loads (the change stream's code) or two pages or more import; the page's own chunk for
 * what one page alone imports; Rolldown's own choice (null) for the rest (code loaded on demand,
 * like a live story's entries, and library modules found only through their package's index).
 */
function lazyChunks(graph: ModuleGraph, entry: string, everyPage: string): (id: string) => string | null {
  const reach = (from: string, dynamic = false) => {
    const seen = new Set<string>();
    const queue = [from];
    for (let id = queue.pop(); id; id = queue.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      if (!dynamic && id !== from && PACKAGE_INDEX.test(id)) continue;
      const info = graph.getModuleInfo(id);
      queue.push(...(info?.importedIds ?? []), ...(dynamic ? (info?.dynamicallyImportedIds ?? []) : []));
    }
    return seen;
  };
  const pages = [...reach(entry, true)].flatMap((id) => {
    const name = PAGE_MODULE.exec(id)?.[1];
    return name ? [{ name, imports: reach(id) }] : [];
  });
  const shared = reach(everyPage);
  return (id) => {
    if (shared.has(id)) return "shared";
    const users = pages.filter((page) => page.imports.has(id));
    return users.length > 1 ? "shared" : (users[0]?.name ?? null);
  };
}

/**
 * The browser's chunks, made for a first visit's few requests (docs/decisions/028): the entry holds
 * everything it imports (React, the router, the route table); each page's chunk holds what that
 * page alone imports; one "shared" chunk holds what several pages import and the change stream,
 * which every page loads after it hydrates. Left to itself, Rolldown split these by every set of
 * pages that share a module: a story page fetched twelve scripts, each with its own overhead.
 * The service worker imports nothing, so it stays out of every group.
 */
interface ManifestChunk {
  src?: string;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

function chunks(): Plugin {
  let chunkOf: ((id: string) => string | null) | undefined;
  let config: ResolvedConfig;
  const inWorker = (id: string) => id.includes("/src/serviceWorker/");
  return {
    name: "dispatch:chunks",
    apply: "build",
    config(_config, { isSsrBuild }) {
      if (isSsrBuild) return;
      return {
        build: {
          // Every browser the build targets but old Firefox and Safari preloads modules itself.
          modulePreload: { polyfill: false },
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  { name: "index", tags: ["$initial"], test: (id: string) => !inWorker(id), priority: 2 },
                  {
                    name: (id: string, graph: ModuleGraph) => {
                      if (inWorker(id)) return null;
                      chunkOf ??= lazyChunks(graph, resolve("src/main.tsx"), resolve("src/updates/changeStream.ts"));
                      return chunkOf(id);
                    },
                    // A page's imports in another chunk stay there, not pulled into the page's.
                    includeDependenciesRecursively: false,
                    priority: 1,
                  },
                ],
              },
            },
          },
        },
      };
    },
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      chunkOf = undefined;
    },
    // A page's module is its chunk's, not a facade of its own, so Vite's manifest names the chunk
    // "_<Name>Page-<hash>.js". The server finds a page's chunks by its module's path
    // (src/server/pages/clientBuild.ts), as for any chunk loaded on demand: the chunk is renamed so.
    writeBundle(options, bundle) {
      if (!options.dir) return;
      const path = join(options.dir, ".vite/manifest.json");
      const manifest = JSON.parse(readFileSync(path, "utf8")) as Record<string, ManifestChunk>;
      const renamed = new Map<string, string>();
      for (const chunk of Object.values(bundle)) {
        const page = chunk.type === "chunk" ? chunk.moduleIds.find((id) => PAGE_MODULE.test(id)) : undefined;
        const key = `_${basename(chunk.fileName)}`;
        if (!page || !manifest[key]) continue;
        const src = relative(config.root, page).replaceAll("\\", "/");
        manifest[src] = { ...manifest[key], src, isDynamicEntry: true };
        delete manifest[key];
        renamed.set(key, src);
      }
      const rename = (keys?: string[]) => keys?.map((key) => renamed.get(key) ?? key);
      for (const chunk of Object.values(manifest))
        Object.assign(chunk, { imports: rename(chunk.imports), dynamicImports: rename(chunk.dynamicImports) });
      writeFileSync(path, JSON.stringify(manifest, null, 2));
    },
  };
}

export default defineConfig({
  plugins: [react(), chunks(), serviceWorker(), precompress(), productionServer(), serverWorkers()],
  build: {
    outDir: "dist/client",
    manifest: true,
    cssCodeSplit: false,
    target: "es2022",
    // hls.js (~580 KB, 180 KB gzip) is its own chunk, fetched only for HLS where the browser has no native HLS.
    chunkSizeWarningLimit: 600,
  },
  ssr: {
    // The server bundle is run by Node from dist/server; dependencies stay in node_modules.
    target: "node",
  },
});
