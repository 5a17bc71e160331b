// Entity tags, one way for every route: a tag of the bytes (or of what they are drawn from), and
// If-None-Match compared weakly, as RFC 9110 asks for GET, with `*` matching any current answer.
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * A weak tag of a body's bytes. Weak because the same answer goes out compressed in different
 * ways (brotli, gzip, none), and a proxy may compress it again: see docs/decisions/003.
 */
export const bodyEtag = (body: string | Buffer): string => `W/"${createHash("sha1").update(body).digest("base64url")}"`;

/** Whether If-None-Match names this tag (weak comparison: W/ is ignored on both sides) or is `*`. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/** Sets the ETag; true when the client already holds this version (answer 304 then). */
export function holdsVersion(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header("etag", etag);
  return etagMatches(request.headers["if-none-match"], etag);
}
