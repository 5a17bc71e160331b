// HTTP caching for the answers the server makes (pages and the API), as hooks on their scope:
// - for a CDN and browsers: a weak ETag on every successful GET, 304 for a matching
//   If-None-Match, and Cache-Control that lets a shared cache keep an answer briefly and serve it
//   stale while it fetches a fresh one;
// - in the process: the answers themselves, compressed, keyed by URL and the store's version, so
//   asking again costs no render, no compression and no hash until something is published. A
//   page's CSP nonce is not kept: each answer gets its own, written into the kept bytes as it goes.
// Routes that set their own Cache-Control or ETag (files, feeds, share cards) keep them.
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { BoundedCache } from "./boundedCache";
import { bodyEtag, etagMatches } from "./etag";
import {
  gzipWithNonce,
  gzipWithSlots,
  plainWithNonce,
  type Slotted,
  type SlottedGzip,
  withoutNonce,
} from "./nonceSlots";
import { CSP, cspNonce } from "./securityHeaders";

/** Shared caches may keep pages and API answers this long, so a published change shows within it. */
const SHARED_MAX_AGE_S = 10;
const STALE_WHILE_REVALIDATE_S = 60;
/** "Most read" moves with every view, which does not change the store's version: answers showing it may be this old. */
const VIEWS_FRESHNESS_MS = 60_000;
/** Smaller answers go out as they are: compressing them saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;

export const dynamicCacheControl = `public, max-age=0, s-maxage=${SHARED_MAX_AGE_S}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_S}`;

type Encoding = "br" | "gzip" | "identity";
type Compressed = Exclude<Encoding, "identity">;

const compress: Record<Compressed, (body: Buffer) => Promise<Buffer>> = {
  // Brotli at a low quality: most of its gain, at a cost a request can afford.
  br: (body) =>
    promisify(zlib.brotliCompress)(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => promisify(zlib.gzip)(body),
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
  contentType: string;
  /** The plain bytes; a page's with a placeholder where each nonce goes (http/nonceSlots.ts). */
  page: Slotted;
  encoded: Partial<Record<Compressed, Buffer>>;
  /** A page's gzip form with writable nonce slots; null if it failed its check (then compressed per answer). */
  gzipSlots?: SlottedGzip | null;
}

export interface AnswerCacheOptions {
  /** Bytes of answers kept (plain and compressed together); the least recently used go first. */
  maxBytes: number;
  /** The store's version: an answer made at one version is never served at another. */
  version: () => Promise<number>;
  /** The clock (for how old "most read" may be). */
  now: () => Date;
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

const isHtml = (contentType: string) => contentType.startsWith("text/html");

/** Adds the caching hooks to the scope they are called in (pages and the API). */
export function cacheAnswers(app: FastifyInstance, options?: AnswerCacheOptions) {
  const answers = options && options.maxBytes > 0 ? new BoundedCache<Answer>({ maxBytes: options.maxBytes }) : null;
  const keys = new WeakMap<FastifyRequest, string>();

  /** The answer's body in the encoding this client takes, made once per answer and encoding; a page's with this answer's nonce. */
  async function encode(request: FastifyRequest, reply: FastifyReply, answer: Answer, key?: string) {
    reply.header("vary", "accept-encoding");
    const { page } = answer;
    const withNonce = page.slots.length > 0;
    const encoding =
      page.body.length < COMPRESS_FROM_BYTES
        ? "identity"
        : negotiateEncoding(request.headers["accept-encoding"], withNonce ? WITH_NONCE : ANY);
    if (encoding === "identity") return withNonce ? plainWithNonce(page, cspNonce(request)) : page.body;
    reply.header("content-encoding", encoding);
    if (withNonce) {
      if (answer.gzipSlots === undefined) {
        answer.gzipSlots = gzipWithSlots(page);
        if (key && answer.gzipSlots) answers?.resize(key, answer.gzipSlots.bytes.length);
      }
      const nonce = cspNonce(request);
      return answer.gzipSlots ? gzipWithNonce(answer.gzipSlots, nonce) : compress.gzip(plainWithNonce(page, nonce));
    }
    let encoded = answer.encoded[encoding];
    if (!encoded) {
      encoded = await compress[encoding](page.body);
      answer.encoded[encoding] = encoded;
      if (key) answers?.resize(key, encoded.length);
    }
    return encoded;
  }

  if (answers && options)
    app.addHook("onRequest", async (request, reply) => {
      if (request.method !== "GET" && request.method !== "HEAD") return;
      const minute = Math.floor(options.now().getTime() / VIEWS_FRESHNESS_MS);
      const key = `${await options.version()} ${minute} ${request.url}`;
      keys.set(request, key);
      const answer = answers.get(key);
      if (!answer) return;
      reply.header("cache-control", dynamicCacheControl).header("etag", answer.etag).header("vary", "accept-encoding");
      if (etagMatches(request.headers["if-none-match"], answer.etag)) return reply.code(304).send();
      const body = await encode(request, reply, answer, key);
      return reply.code(200).type(answer.contentType).send(body);
    });

  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
      return payload;
    }
    if (!reply.hasHeader("cache-control"))
      reply.header("cache-control", reply.statusCode < 500 ? dynamicCacheControl : "no-store");
    reply.header("vary", "accept-encoding");
    if (
      reply.statusCode !== 200 ||
      reply.hasHeader("etag") ||
      !(typeof payload === "string" || Buffer.isBuffer(payload))
    )
      return payload;
    const contentType = String(reply.getHeader("content-type") ?? "application/octet-stream");
    // A page is kept, and tagged, without its nonce: the tag stays that of what the page says.
    const page = isHtml(contentType)
      ? withoutNonce(Buffer.from(payload), cspNonce(request))
      : { body: Buffer.from(payload), slots: [] };
    const answer: Answer = { etag: bodyEtag(page.body), contentType, page, encoded: {} };
    const key = keys.get(request);
    if (answers && key) answers.set(key, answer, page.body.length);
    reply.header("etag", answer.etag);
    if (etagMatches(request.headers["if-none-match"], answer.etag)) {
      // The client keeps its copy, whose body names the nonce of the policy it came with.
      reply.removeHeader(CSP);
      reply.code(304);
      return "";
    }
    return encode(request, reply, answer, key);
  });
}
