// `npm run dev`: the same server as production, with Vite serving the source with hot reload
// and rendering pages from the source, so a change shows up without a build.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import middie from "@fastify/middie";
import type { ViteDevServer } from "vite";
import { readConfig } from "../config";
import type { RenderResult } from "../entry-server";
import { loadDemoContentIfEmpty } from "../import/demoContent";
import { openMediaStore } from "../media/mediaStore";
import { openStore } from "../store/openStore";
import { buildApp } from "./app";
import type { Render } from "./pages/pageRoutes";
import { SITE_FILES } from "./site/siteFiles";

export async function startDevServer(vite: ViteDevServer): Promise<void> {
  const root = vite.config.root;
  const config = readConfig();
  const store = await openStore(config.databaseUrl);
  await loadDemoContentIfEmpty(store, config.site.folder, `${root}/public`, config.site.sections);
  const render: Render = async (...args) => {
    const entry = (await vite.ssrLoadModule("/src/entry-server.tsx")) as {
      render: (...a: Parameters<Render>) => Promise<RenderResult>;
    };
    return entry.render(...args);
  };
  const app = await buildApp({
    store,
    publicUrl: config.publicUrl,
    site: config.site,
    publicDir: `${root}/public`,
    adminToken: config.adminToken,
    sessions: config.sessions,
    trustProxy: config.trustProxy,
    rateLimits: config.rateLimits,
    sharedLimits: config.sharedLimits,
    log: { requests: config.logRequests },
    requestTimeoutMs: config.requestTimeoutMs,
    media: openMediaStore(config.mediaUrl),
    uploadLimits: config.uploadLimits,
    // Pages render from the source as it changes: nothing rendered is kept.
    answerCacheBytes: 0,
    anyInlineStyle: true,
    pages: {
      template: (url) => vite.transformIndexHtml(url, readFileSync(`${root}/index.html`, "utf8")),
      render,
      loader: () => "",
    },
    async setup(instance) {
      await instance.register(middie);
      // The site's own files (manifest, icons, offline page) are the server's, made from its config:
      // Vite's public folder must not answer them first.
      instance.use((request: IncomingMessage, response: ServerResponse, next: () => void) =>
        SITE_FILES.includes((request.url ?? "").split("?")[0] ?? "")
          ? next()
          : vite.middlewares(request, response, next),
      );
    },
  });
  await app.listen({ port: config.port, host: config.host });
}
