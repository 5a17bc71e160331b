// The built client's files (dist/client), as a Fastify plugin: hashed assets and the public
// folder, sent pre-compressed, each kind with the caching it can bear.
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync } from "fastify";

/**
 * Hashed assets never change; the service worker and the manifest must be checked on every load
 * (a new deploy must reach readers); other public files may be an hour old.
 */
function fileCacheControl(path: string): string {
  if (path.includes("/assets/")) return "public, max-age=31536000, immutable";
  if (/\/(sw\.js|manifest\.webmanifest)(\.br|\.gz)?$/.test(path)) return "no-cache";
  return "public, max-age=3600";
}

export const fileRoutes: FastifyPluginAsync<{ clientDir: string; ignore?: string[] }> = async (
  app,
  { clientDir, ignore = [] },
) => {
  await app.register(fastifyStatic, {
    root: clientDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    // The template is served as rendered pages, never raw; the site's own files (its manifest, icons,
    // the offline page in its words) are made from its config, not served from here (site/siteFiles.ts).
    // Pre-compressed siblings (.br, .gz) go out only as an encoding of their file, never as files.
    globIgnore: ["index.html", ".vite/**", "**/*.br", "**/*.gz", ...ignore.map((path) => path.replace(/^\//, ""))],
    setHeaders(reply, path) {
      reply.header("cache-control", fileCacheControl(path));
    },
  });
};
