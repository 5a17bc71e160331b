// The publishing API's lock: `Authorization: Bearer $ADMIN_TOKEN` (the scheme in any case),
// compared in constant time, and failed attempts throttled per client: past 10 in a minute a client
// gets 429 with Retry-After until the minute ends, even with the right token, so guessing runs at
// 10 tries a minute instead of thousands a second. ADMIN_TOKEN itself is at least 32 characters
// (config.ts).
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "../../model/apiError";
import { clientLimit, type Limit } from "../http/rateLimits";

export const FAILED_AUTH_LIMIT: Limit = {
  name: "failed-auth",
  max: 10,
  windowMs: 60_000,
  message: "Too many attempts with a wrong token from this client: wait for Retry-After seconds.",
};

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Compares the presented token with the real one in constant time (hashing first evens the lengths). */
function tokenMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** A preHandler that lets through only requests with the admin token. */
export function requireAdmin(app: FastifyInstance, adminToken: string | undefined) {
  const failures = clientLimit(app, FAILED_AUTH_LIMIT);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!adminToken)
      throw new ApiError("publishing_disabled", "Publishing is off on this server: set ADMIN_TOKEN to turn it on.");
    await failures.check(request, reply);
    // The scheme is case-insensitive (RFC 9110): `bearer x` is as good as `Bearer x`.
    const match = /^Bearer +(\S+) *$/i.exec(request.headers.authorization ?? "");
    if (!match?.[1] || !tokenMatches(match[1], adminToken)) {
      await failures.hit(request, reply);
      reply.header("www-authenticate", 'Bearer realm="dispatch"');
      throw new ApiError("unauthorized", "Send Authorization: Bearer <ADMIN_TOKEN> to publish.");
    }
  };
}
