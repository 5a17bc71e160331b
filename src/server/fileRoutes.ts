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

export const fileRoutes: FastifyPluginAsync<{ clientDir: string }> = async (app, { clientDir }) => {
  await app.register(fastifyStatic, {
    root: clientDir,
    wildcard: false,
    index: false,
    preCompressed: true,
    // The template is served as rendered pages, never raw, and the offline page in the site's words
    // (offlinePage.ts); the manifest is the server's own.
    // Pre-compressed siblings (.br, .gz) go out only as an encoding of their file, never as files.
    globIgnore: ["index.html", "offline.html", ".vite/**", "**/*.br", "**/*.gz"],
    setHeaders(reply, path) {
      reply.header("cache-control", fileCacheControl(path));
    },
  });
};
