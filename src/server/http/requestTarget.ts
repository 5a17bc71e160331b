// The request target as the routes see it: always a path on this site. An absolute-form target
// (`GET http://evil.example/x HTTP/1.1`, which proxies send and attackers try) is read as its path
// only, so no redirect or link built from the URL can ever name another host; anything else that is
// not a path (`GET * HTTP/1.1`) is a bad request, and a path with dot segments (`/stories/%2e%2e`)
// names nothing here, whatever a URL parser would resolve it to.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ApiError } from "../../model/apiError";

const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** Fastify's rewriteUrl: an absolute-form target becomes its path and query; every other target is kept. */
export function originForm(url: string): string {
  if (url.startsWith("/")) return url;
  const authority = ABSOLUTE_FORM.exec(url);
  if (!authority) return url;
  const rest = url.slice(authority[0].length);
  return rest.startsWith("/") ? rest : `/${rest}`;
}

/** A segment a URL parser would resolve away: `.`, `..`, or either spelled with %2e. */
function isDotSegment(segment: string): boolean {
  return /^(\.|%2e){1,2}$/i.test(segment);
}

export function hasDotSegment(path: string): boolean {
  return path.split("/").some(isDotSegment);
}

/** Refuses what is not a path (400), and a path with dot segments (404), before any route runs. */
export function checkRequestTarget(request: FastifyRequest): void {
  const path = request.url.split("?")[0] ?? "";
  if (!path.startsWith("/"))
    throw new ApiError("bad_request", "The request target must be a path on this site, such as /stories/a-story.");
  if (hasDotSegment(path)) throw new ApiError("not_found", "There is nothing at an address with . or .. segments.");
}

export function guardRequestTargets(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => checkRequestTarget(request));
}
