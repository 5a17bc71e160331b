// Per-client limits (docs/decisions/014), through @fastify/rate-limit over a counter of our own:
// kept in the process when it is the only one answering, or in the store (store/requestCounts.ts)
// when several processes or servers answer, so a client meets one limit however its requests are
// spread. A client is its address as TRUST_PROXY lets Fastify read it (request.ip), IPv6 by /64.
// Past a limit: 429, Retry-After, and never cached. If counting fails, the request goes through.
import { createHash } from "node:crypto";
import fastifyRateLimit, { normalizeIP } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError, type ErrorCode } from "../../model/apiError";
import type { RequestCount } from "../../store/requestCounts";
import type { StoryStore } from "../../store/storyStore";

/** Counts requests under a key in fixed windows. */
export interface RequestCounter {
  count(key: string, windowMs: number): Promise<RequestCount>;
  /** The count in the current window, without counting. */
  peek(key: string): Promise<RequestCount>;
}

/** Keys this process remembers at most: past it, passed windows go, then the oldest keys. */
const MAX_KEYS = 100_000;

/** Counts in this process's memory: right when it is the only process answering. */
export function processCounter(now: () => Date): RequestCounter {
  const counts = new Map<string, RequestCount>();
  const forget = (nowMs: number) => {
    for (const [key, { windowEnd }] of counts) if (windowEnd <= nowMs) counts.delete(key);
    for (const key of counts.keys()) {
      if (counts.size <= MAX_KEYS / 2) break;
      counts.delete(key);
    }
  };
  return {
    async count(key, windowMs) {
      const nowMs = now().getTime();
      const windowEnd = (Math.floor(nowMs / windowMs) + 1) * windowMs;
      const held = counts.get(key);
      const counted = { count: held?.windowEnd === windowEnd ? held.count + 1 : 1, windowEnd };
      counts.delete(key); // re-inserted last: the map's order is oldest first
      counts.set(key, counted);
      if (counts.size > MAX_KEYS) forget(nowMs);
      return counted;
    },
    async peek(key) {
      const nowMs = now().getTime();
      const held = counts.get(key);
      return held && held.windowEnd > nowMs ? held : { count: 0, windowEnd: nowMs };
    },
  };
}

/** Counts nothing: every request is the first of its window, so no limit is ever reached (RATE_LIMITS=0). */
export function noCounter(now: () => Date): RequestCounter {
  const first = async () => ({ count: 1, windowEnd: now().getTime() });
  return { count: first, peek: first };
}

/** Counts in the store, for every process and server on it; clients' addresses are kept only hashed. */
export function storeCounter(store: StoryStore, now: () => Date): RequestCounter {
  const hashed = (key: string) => createHash("sha256").update(key).digest("base64url").slice(0, 24);
  return {
    count: (key, windowMs) => store.countRequest(hashed(key), windowMs, now()),
    peek: (key) => store.peekRequests(hashed(key), now()),
  };
}

/** @fastify/rate-limit's store over a RequestCounter (every limit's key names its limit, so one store serves all). */
function counterStore(counter: RequestCounter, now: () => Date) {
  const answer =
    (callback: (error: Error | null, result?: { current: number; ttl: number }) => void) =>
    (done: Promise<RequestCount>) =>
      done.then(
        ({ count, windowEnd }) => callback(null, { current: count, ttl: Math.max(0, windowEnd - now().getTime()) }),
        (error: Error) => callback(error),
      );
  return class CounterStore {
    incr(key: string, callback: Parameters<typeof answer>[0], timeWindow: number) {
      void answer(callback)(counter.count(key, timeWindow));
    }
    read(key: string, callback: Parameters<typeof answer>[0]) {
      void answer(callback)(counter.peek(key));
    }
    child() {
      return this;
    }
  };
}

/** Registers @fastify/rate-limit over this counter; limits are then made with clientLimit(). */
export async function registerRateLimits(app: FastifyInstance, counter: RequestCounter, now: () => Date) {
  await app.register(fastifyRateLimit, { global: false, store: counterStore(counter, now), skipOnError: true });
}

export interface Limit {
  /** Names the limit in its counters' keys. */
  name: string;
  /** Requests a client may make in a window… */
  max: number;
  /** …of this many milliseconds. */
  windowMs: number;
  /** The 429's code (too_many_requests unless the API has a more telling one) and message. */
  code?: ErrorCode;
  message: string;
}

export interface ClientLimit {
  /** Counts this request; past the limit, throws a 429 with Retry-After. A Fastify hook. */
  hit(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Throws the 429 when the client is already past the limit, without counting this request. */
  check(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Throws the 429 when the client has nothing left of the limit (its next counted request would get one), without counting. */
  spent(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/**
 * The client a request comes from, as limits count it: its address as TRUST_PROXY lets Fastify read
 * it, IPv6 by /64. Null once the connection is gone (a malformed chunked body, say, makes Node
 * answer 400 and close it while the request's hooks still run): its address is no longer there to
 * read, and there is nobody to answer or to count.
 */
export function clientOf(request: FastifyRequest): string | null {
  if (request.raw.socket?.destroyed !== false) return null;
  const ip = request.ip;
  return ip ? normalizeIP(ip) : null;
}

/** A limit per client, in the counter registerRateLimits() was given. */
export function clientLimit(app: FastifyInstance, limit: Limit): ClientLimit {
  const limiter = app.createRateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    // Called only for a request whose client enforce() has just read, in the same tick.
    keyGenerator: (request) => `${limit.name}:${clientOf(request)}`,
    skipOnError: true,
  });
  const enforce = async (request: FastifyRequest, reply: FastifyReply, mode: "hit" | "check" | "spent") => {
    if (clientOf(request) === null) return;
    const result = await limiter(request, { increment: mode === "hit" });
    if (result.isAllowed || !(mode === "spent" ? result.remaining === 0 : result.isExceeded)) return;
    // A 429 is this client's alone: a CDN must not keep it for others.
    reply.header("retry-after", String(Math.max(1, result.ttlInSeconds))).header("cache-control", "no-store");
    throw new ApiError(limit.code ?? "too_many_requests", limit.message);
  };
  return {
    hit: (request, reply) => enforce(request, reply, "hit"),
    check: (request, reply) => enforce(request, reply, "check"),
    spent: (request, reply) => enforce(request, reply, "spent"),
  };
}

/** A hook that applies `limit` to requests for these paths only (whatever their query). */
export function limitPaths(limit: ClientLimit, paths: string[]) {
  const limited = new Set(paths);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (limited.has(request.url.split("?")[0] ?? "")) await limit.hit(request, reply);
  };
}
