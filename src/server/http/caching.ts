// HTTP caching for the answers the server makes (pages and the API), as hooks on their scope:
// - for a CDN and browsers: a weak ETag on every successful GET, 304 for a matching
//   If-None-Match, and Cache-Control that lets a shared cache keep an answer briefly and serve it
//   stale while it fetches a fresh one;
// - in the process: the answers themselves, compressed, keyed by URL, kept until a write changes
//   something they show (answerFreshness.ts, answerDependencies.ts, docs/decisions/026), so asking
//   again costs no render, no compression and no hash. A page's CSP nonce is not kept: each answer
//   gets its own, written into the kept bytes as it goes;
// - for a CDN, the same dependencies as Surrogate-Key and Cache-Tag, so a purge can name them.
// Routes that set their own Cache-Control or ETag (files, feeds, share cards) keep them.
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { UNPURGED_MAX_AGE_S } from "../../config";
import { EVERYTHING } from "../../model/dependencies";
import { changePlaceTiming } from "../events/eventRoutes";
import type { AnswerDependencies } from "./answerDependencies";
import type { AnswerFreshness } from "./answerFreshness";
import { BoundedCache } from "./boundedCache";
import { bodyEtag, etagMatches } from "./etag";
import {
  freshNonce,
  gzipWithNonce,
  gzipWithSlots,
  nonceWrittenBack,
  plainWithNonce,
  type Slotted,
  type SlottedGzip,
  withoutNonce,
} from "./nonceSlots";
import { originForm } from "./requestTarget";
import { CSP, cspNonce, type SecurityHeaders } from "./securityHeaders";

const STALE_WHILE_REVALIDATE_S = 60;
/** What changes by the clock (most read) is kept, here and by shared caches, this long. */
const BY_CLOCK_S = 60;
/** Smaller answers go out as they are: compressing them saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * How long shared caches (a CDN) may keep pages and API answers: briefly when nothing tells them
 * what changed, for hours when Dispatch purges them on every write (CDN_PURGE_URL, cdnPurge.ts).
 * Browsers always revalidate (the ETag makes that a 304).
 */
export const sharedCacheControl = (sharedMaxAgeS: number) =>
  `public, max-age=0, s-maxage=${sharedMaxAgeS}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_S}`;
export const dynamicCacheControl = sharedCacheControl(UNPURGED_MAX_AGE_S);

/** Only header-safe keys are named to a CDN (slugs are); anything else a request made up is not. */
const HEADER_SAFE_KEY = /^[a-z]+(?::[a-z0-9-]+)?$/;

declare module "fastify" {
  interface FastifyInstance {
    /**
     * Whether answers name their dependencies to a CDN: only when Dispatch purges one (CDN_PURGE_URL).
     * Without it nobody reads the keys, and they would cost a reader a kilobyte or two on every answer.
     */
    namesDependencies: boolean;
  }
}

/**
 * Names an answer's dependencies to a CDN Dispatch purges: `Surrogate-Key` (Varnish xkey, Fastly)
 * space-separated, `Cache-Tag` (Cloudflare) comma-separated. Every answer also carries EVERYTHING,
 * which a write that cannot say what it changed purges.
 */
export function nameDependencies(reply: FastifyReply, keys: Iterable<string>): void {
  if (!reply.server.namesDependencies) return;
  const { surrogateKey, cacheTag } = dependencyHeaders(keys);
  reply.header("surrogate-key", surrogateKey).header("cache-tag", cacheTag);
}

/** The two headers' values for these keys (made once for a kept answer, not on each sending). */
function dependencyHeaders(keys: Iterable<string>): { surrogateKey: string; cacheTag: string } {
  const named = [EVERYTHING, ...[...keys].filter((key) => HEADER_SAFE_KEY.test(key))];
  return { surrogateKey: named.join(" "), cacheTag: named.join(",") };
}

type Encoding = "br" | "gzip" | "identity";
type Compressed = Exclude<Encoding, "identity">;

/**
 * An answer compressed for one sending (a page not kept, with its nonce) goes at gzip's fastest
 * level, as nginx compresses on the fly by default: level 6 costs about twice the CPU for 9% fewer
 * bytes on a story page. What is kept is compressed once, at the default level (nonceSlots.ts).
 */
const PER_ANSWER_GZIP_LEVEL = 1;

/**
 * On the request's own thread: an answer's few kilobytes compress in a fraction of what rendering
 * them cost, and zlib's callback form spends more CPU than the compression itself on its stream
 * and its hop to a worker thread and back (docs/performance.md, 2026-12-07, uncached pages).
 */
const compress: Record<Compressed, (body: Buffer, level?: number) => Buffer> = {
  // Brotli at a low quality: most of its gain, at a cost a request can afford.
  br: (body) =>
    zlib.brotliCompressSync(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body, level) => zlib.gzipSync(body, level === undefined ? {} : { level }),
};

/**
 * Pages with nonces go out gzip (or plain) even to a client that takes brotli: their gzip form
 * takes a fresh nonce without compressing again, and brotli has no way to keep a slot writable
 * (brotli saved 1% on a story page): see docs/decisions/013.
 */
const WITH_NONCE: Compressed[] = ["gzip"];
const ANY: Compressed[] = ["br", "gzip"];

/** One answer as it was first sent, with each encoding made the first time a client asked for it. */
interface Answer {
  etag: string;
  /** When its request began, in the freshness' moments; and what it shows (answerFreshness.ts). */
  stamp: number;
  keys: string[];
  /** The headers every sending of it carries (caching, its keys for a CDN, its type), as Node writes a list. */
  head: string[];
  /** An HTML page (it carries its nonce's policy and its change-log place). */
  isPage: boolean;
  /** For an answer showing what changes by the clock: when it is too old to send (ms since the epoch). */
  expires?: number;
  /** The plain bytes; a page's with a placeholder where each nonce goes (http/nonceSlots.ts). */
  page: Slotted;
  encoded: Partial<Record<Compressed, Buffer>>;
  /** A page's gzip form with writable nonce slots; null if it failed its check (then compressed per answer). */
  gzipSlots?: SlottedGzip | null;
}

export interface AnswerCacheOptions {
  /** Bytes of answers kept (plain and compressed together); the least recently used go first; 0 keeps none. */
  maxBytes: number;
  /** Which kept answers still hold (one version read a request, answerFreshness.ts). */
  freshness: AnswerFreshness;
  /** What each answer was made from (answerDependencies.ts). */
  dependencies: AnswerDependencies;
  /** How long a CDN may keep an answer: UNPURGED_MAX_AGE_S, or hours when purged on writes. */
  sharedMaxAgeS: number;
  /** The clock (for how long "most read" is kept). */
  now: () => Date;
  /** The headers every answer carries, and a page's policy: kept answers go out without the hooks that add them. */
  security: SecurityHeaders;
  /** Paths whose requests always pass the scope's earlier hooks, kept or not (the search limit's). */
  throughHooks?: string[];
}

/** The first encoding offered that the client accepts (brotli, then gzip), else none (q=0 refuses one). */
export function negotiateEncoding(acceptEncoding: string | undefined, offered: readonly Compressed[] = ANY): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return offered.find(allows) ?? "identity";
}

/** The encoding a client taking `acceptEncoding` gets this answer in. */
const encodingOf = (acceptEncoding: string | undefined, page: Slotted): Encoding =>
  page.body.length < COMPRESS_FROM_BYTES
    ? "identity"
    : negotiateEncoding(acceptEncoding, page.slots.length > 0 ? WITH_NONCE : ANY);

const isHtml = (contentType: string) => contentType.startsWith("text/html");
const EMPTY = Buffer.alloc(0);

/** Adds the caching hooks to the scope they are called in (pages and the API). */
export function cacheAnswers(
  app: FastifyInstance,
  { maxBytes, freshness, dependencies, sharedMaxAgeS, now, security, throughHooks: hooked = [] }: AnswerCacheOptions,
) {
  const throughHooks = new Set(hooked);
  const answers = maxBytes > 0 ? new BoundedCache<Answer>({ maxBytes }) : null;
  const checked = new WeakMap<FastifyRequest, { stamp: number; place: number }>();
  /**
   * The answers being made now, by URL: a request for a URL another request is already making
   * waits for that answer instead of making it again (as a CDN coalesces its misses). On
   * PostgreSQL, where a render waits on the network for each query, a write that made a busy page
   * stale otherwise had every request arriving during its render render it too: 12 readers asking
   * at once made 12 renders (caching.test.ts). On SQLite a render runs in one go, so none overlap.
   */
  const making = new Map<string, Promise<Answer | undefined>>();
  const madeBy = new WeakMap<FastifyRequest, (answer: Answer | undefined) => void>();

  /** This request makes the URL's answer; others wait for it until its response closes. */
  function startMaking(request: FastifyRequest, reply: FastifyReply) {
    const url = request.url;
    let resolve: (answer: Answer | undefined) => void = () => {};
    const made = new Promise<Answer | undefined>((settled) => {
      resolve = settled;
    });
    const settle = (answer: Answer | undefined) => {
      if (making.get(url) === made) making.delete(url);
      madeBy.delete(request);
      resolve(answer);
    };
    making.set(url, made);
    madeBy.set(request, settle);
    // An answer not kept (an error, a refusal, a dropped connection) lets the waiters make their own.
    reply.raw.once("close", () => settle(undefined));
  }
  const cacheControl = sharedCacheControl(sharedMaxAgeS);
  const byClockCacheControl = sharedCacheControl(BY_CLOCK_S);

  /** The answer's body in the encoding this client takes, made once per answer and encoding; a page's with this answer's nonce. */
  function encode(request: FastifyRequest, answer: Answer, key?: string): { body: Buffer; encoding: Encoding } {
    const { page } = answer;
    const withNonce = page.slots.length > 0;
    // A page not kept takes its nonce back into its own bytes; a kept one stays slotted.
    const plain = (nonce: string) => (key ? plainWithNonce(page, nonce) : nonceWrittenBack(page, nonce));
    const encoding = encodingOf(request.headers["accept-encoding"], page);
    if (encoding === "identity") return { body: withNonce ? plain(cspNonce(request)) : page.body, encoding };
    if (withNonce) {
      const nonce = cspNonce(request);
      // Made once, for an answer that is kept; one that is not is compressed as it is.
      if (answer.gzipSlots === undefined && key) {
        answer.gzipSlots = gzipWithSlots(page);
        if (answer.gzipSlots) answers?.resize(key, answer.gzipSlots.bytes.length);
      }
      const body = answer.gzipSlots
        ? gzipWithNonce(answer.gzipSlots, nonce)
        : compress.gzip(plain(nonce), PER_ANSWER_GZIP_LEVEL);
      return { body, encoding };
    }
    let encoded = answer.encoded[encoding];
    if (!encoded) {
      encoded = compress[encoding](page.body, key ? undefined : PER_ANSWER_GZIP_LEVEL);
      answer.encoded[encoding] = encoded;
      if (key) answers?.resize(key, encoded.length);
    }
    return { body: encoded, encoding };
  }

  const holds = (answer: Answer) =>
    (answer.expires === undefined || answer.expires > now().getTime()) && freshness.holds(answer.stamp, answer.keys);

  /**
   * Writes a kept answer straight to the socket, with the headers it was first sent with (made once
   * when it was kept) and this answer's own: its nonce's policy, its change-log place. The hooks
   * that dress answers made by routes have nothing to add to it, and skipping them is most of what
   * a kept answer costs (docs/performance.md); caching.test.ts holds the two alike.
   */
  function writeKept(
    request: IncomingMessage,
    response: ServerResponse,
    url: string,
    answer: Answer,
    place: number,
    sent: { body: Buffer; encoding: Encoding; nonce?: string },
  ) {
    const notModified = sent.body === EMPTY;
    const head: string[] = [...answer.head];
    for (const [name, value] of security.everyAnswer) head.push(name, value);
    if (sent.encoding !== "identity") head.push("content-encoding", sent.encoding);
    if (!notModified) head.push("content-length", String(sent.body.length));
    if (sent.nonce !== undefined) head.push(CSP, security.policy(sent.nonce));
    if ((answer.isPage || notModified) && !url.startsWith("/api/"))
      head.push("server-timing", changePlaceTiming(place));
    response.writeHead(notModified ? 304 : 200, head);
    response.end(request.method === "HEAD" || notModified ? undefined : sent.body);
  }

  /** A kept answer's body as this request takes it, if that needs no compressing (else undefined). */
  function madeBody(
    request: IncomingMessage,
    answer: Answer,
  ): { body: Buffer; encoding: Encoding; nonce?: string } | undefined {
    if (etagMatches(request.headers["if-none-match"], answer.etag)) return { body: EMPTY, encoding: "identity" };
    const { page } = answer;
    const encoding = encodingOf(request.headers["accept-encoding"], page);
    if (page.slots.length === 0) {
      const body = encoding === "identity" ? page.body : answer.encoded[encoding];
      return body && { body, encoding };
    }
    if (encoding !== "identity" && !answer.gzipSlots) return undefined;
    const nonce = freshNonce();
    const body =
      answer.gzipSlots && encoding !== "identity"
        ? gzipWithNonce(answer.gzipSlots, nonce)
        : plainWithNonce(page, nonce);
    return { body, encoding, nonce };
  }

  function sendKept(request: FastifyRequest, reply: FastifyReply, answer: Answer, place: number) {
    const notModified = etagMatches(request.headers["if-none-match"], answer.etag);
    const sent = notModified
      ? { body: EMPTY, encoding: "identity" as const }
      : {
          ...encode(request, answer, request.url),
          ...(answer.page.slots.length > 0 ? { nonce: cspNonce(request) } : {}),
        };
    reply.hijack();
    writeKept(request.raw, reply.raw, request.url, answer, place, sent);
  }

  /**
   * Sends a kept answer before Fastify sees the request at all, when it can go at once: a GET or
   * HEAD of a kept URL whose answer still holds by the store's version read at once, in a form
   * already made. True when it was sent; false leaves the request to Fastify and the hooks below,
   * which answer it the same way or make it. Requests whose hooks do more than pass them (those
   * to `throughHooks` paths, a 1.1 request without Host) always go through them.
   */
  function answerKept(request: IncomingMessage, response: ServerResponse): boolean {
    if (!answers || (request.method !== "GET" && request.method !== "HEAD")) return false;
    if (!request.headers.host && request.httpVersion === "1.1") return false;
    const url = originForm(request.url ?? "/");
    const answer = answers.get(url);
    if (!answer || throughHooks.has(url.split("?")[0] ?? "")) return false;
    if (freshness.checkNow() === undefined || !holds(answer)) return false;
    const sent = madeBody(request, answer);
    if (!sent) return false;
    writeKept(request, response, url, answer, freshness.place, sent);
    return true;
  }

  // Every GET learns what changed since the last (one version read), then is answered from what
  // is kept when that still holds.
  app.addHook("onRequest", async (request, reply) => {
    if (request.method !== "GET" && request.method !== "HEAD") return;
    const stamp = await freshness.check();
    const place = freshness.place;
    checked.set(request, { stamp, place });
    if (!answers) return;
    let answer = answers.get(request.url);
    if (answer && !holds(answer)) {
      answers.delete(request.url);
      answer = undefined;
    }
    if (!answer) {
      const underWay = making.get(request.url);
      if (!underWay) return startMaking(request, reply);
      // Made by a request that began before this one: it holds unless something it shows changed since.
      answer = await underWay;
      if (!answer || !holds(answer)) return;
    }
    return sendKept(request, reply, answer, place);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
      return payload;
    }
    const byClock = dependencies.changesByClock(request);
    if (!reply.hasHeader("cache-control"))
      reply.header(
        "cache-control",
        reply.statusCode >= 500 ? "no-store" : byClock ? byClockCacheControl : cacheControl,
      );
    reply.header("vary", "accept-encoding");
    if (reply.hasHeader("etag") || !(typeof payload === "string" || Buffer.isBuffer(payload))) return payload;
    const keys = dependencies.keysOf(request);
    const named = app.namesDependencies ? dependencyHeaders(keys) : undefined;
    if (named && reply.statusCode < 500 && !reply.hasHeader("surrogate-key"))
      reply.header("surrogate-key", named.surrogateKey).header("cache-tag", named.cacheTag);
    if (reply.statusCode !== 200) return payload;
    const contentType = String(reply.getHeader("content-type") ?? "application/octet-stream");
    const isPage = isHtml(contentType);
    // A page is kept, and tagged, without its nonce: the tag stays that of what the page says.
    const page = isPage
      ? withoutNonce(Buffer.from(payload), cspNonce(request))
      : { body: Buffer.from(payload), slots: [] };
    const etag = bodyEtag(page.body);
    const answer: Answer = {
      etag,
      stamp: checked.get(request)?.stamp ?? -1,
      keys,
      head: [
        "cache-control",
        byClock ? byClockCacheControl : cacheControl,
        "etag",
        etag,
        "vary",
        "accept-encoding",
        ...(named ? ["surrogate-key", named.surrogateKey, "cache-tag", named.cacheTag] : []),
        "content-type",
        contentType,
      ],
      isPage,
      ...(byClock ? { expires: now().getTime() + BY_CLOCK_S * 1000 } : {}),
      page,
      encoded: {},
    };
    const key = request.url;
    const kept = answers !== null && checked.has(request);
    if (kept) {
      answers.set(key, answer, page.body.length);
      madeBy.get(request)?.(answer);
    }
    reply.header("etag", answer.etag);
    if (etagMatches(request.headers["if-none-match"], answer.etag)) {
      // The client keeps its copy, whose body names the nonce of the policy it came with.
      reply.removeHeader(CSP);
      reply.code(304);
      return "";
    }
    const { body, encoding } = encode(request, answer, kept ? key : undefined);
    if (encoding !== "identity") reply.header("content-encoding", encoding);
    return body;
  });

  return {
    /** Where the change log stood when this request checked what changed (a page's place, events/eventRoutes.ts). */
    placeOf: (request: FastifyRequest) => checked.get(request)?.place,
    answerKept,
  };
}
