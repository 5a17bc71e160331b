// HTTP caching a CDN and browsers can use, for the answers the server makes (pages, API):
// a weak ETag on every successful GET, 304 for a matching If-None-Match, and Cache-Control that
// lets a shared cache keep an answer briefly and serve it stale while it fetches a fresh one.
// Routes that set their own Cache-Control or ETag (files, feeds, share cards) keep them.
import type { FastifyInstance } from "fastify";
import { bodyEtag, holdsVersion } from "./etag";

/** Shared caches may keep pages and API answers this long, so a published change shows within it. */
const SHARED_MAX_AGE_S = 10;
const STALE_WHILE_REVALIDATE_S = 60;

export const dynamicCacheControl = `public, max-age=0, s-maxage=${SHARED_MAX_AGE_S}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_S}`;

/** Adds the caching hook to the scope it is called in (pages and the API; files and feeds set their own). */
export function cacheAnswers(app: FastifyInstance) {
  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
      return payload;
    }
    if (!reply.hasHeader("cache-control"))
      reply.header("cache-control", reply.statusCode < 500 ? dynamicCacheControl : "no-store");
    if (
      reply.statusCode !== 200 ||
      reply.hasHeader("etag") ||
      !(typeof payload === "string" || Buffer.isBuffer(payload))
    )
      return payload;
    if (holdsVersion(request, reply, bodyEtag(payload))) {
      reply.code(304);
      return "";
    }
    return payload;
  });
}
