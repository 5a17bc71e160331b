// HTTP caching for the answers the server makes (pages and the API), as hooks on their scope:
// - for a CDN and browsers: a weak ETag on every successful GET, 304 for a matching
//   If-None-Match, and Cache-Control that lets a shared cache keep an answer briefly and serve it
//   stale while it fetches a fresh one;
// - in the process: the answers themselves, compressed, keyed by URL and the store's version, so
//   asking again costs no render, no compression and no hash until something is published.
// Routes that set their own Cache-Control or ETag (files, feeds, share cards) keep them.
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { BoundedCache } from "./boundedCache";
import { bodyEtag, etagMatches } from "./etag";

/** Shared caches may keep pages and API answers this long, so a published change shows within it. */
const SHARED_MAX_AGE_S = 10;
const STALE_WHILE_REVALIDATE_S = 60;
/** "Most read" moves with every view, which does not change the store's version: answers showing it may be this old. */
const VIEWS_FRESHNESS_MS = 60_000;
/** Smaller answers go out as they are: compressing them saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;

export const dynamicCacheControl = `public, max-age=0, s-maxage=${SHARED_MAX_AGE_S}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_S}`;

type Encoding = "br" | "gzip" | "identity";

const compress: Record<Exclude<Encoding, "identity">, (body: Buffer) => Promise<Buffer>> = {
  // Brotli at a low quality: most of its gain, at a cost a request can afford.
  br: (body) =>
    promisify(zlib.brotliCompress)(body, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  gzip: (body) => promisify(zlib.gzip)(body),
};

/** One answer as it was first sent, with each encoding made the first time a client asked for it. */
interface Answer {
  etag: string;
  contentType: string;
  body: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
}

export interface AnswerCacheOptions {
  /** Bytes of answers kept (plain and compressed together); the least recently used go first. */
  maxBytes: number;
  /** The store's version: an answer made at one version is never served at another. */
  version: () => Promise<number>;
  /** The clock (for how old "most read" may be). */
  now: () => Date;
}

/** The best encoding the client accepts: brotli, then gzip, else none (q=0 refuses one). */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (allows("br")) return "br";
  if (allows("gzip")) return "gzip";
  return "identity";
}

/** Adds the caching hooks to the scope they are called in (pages and the API). */
export function cacheAnswers(app: FastifyInstance, options?: AnswerCacheOptions) {
  const answers = options && options.maxBytes > 0 ? new BoundedCache<Answer>({ maxBytes: options.maxBytes }) : null;
  const keys = new WeakMap<FastifyRequest, string>();

  /** The answer's body in the encoding this client takes, made once per answer and encoding. */
  async function encode(request: FastifyRequest, reply: FastifyReply, answer: Answer, key?: string) {
    reply.header("vary", "accept-encoding");
    const encoding =
      answer.body.length < COMPRESS_FROM_BYTES ? "identity" : negotiateEncoding(request.headers["accept-encoding"]);
    if (encoding === "identity") return answer.body;
    let encoded = answer.encoded[encoding];
    if (!encoded) {
      encoded = await compress[encoding](answer.body);
      answer.encoded[encoding] = encoded;
      if (key) answers?.resize(key, encoded.length);
    }
    reply.header("content-encoding", encoding);
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
    const answer: Answer = {
      etag: bodyEtag(payload),
      contentType: String(reply.getHeader("content-type") ?? "application/octet-stream"),
      body: Buffer.from(payload),
      encoded: {},
    };
    const key = keys.get(request);
    if (answers && key) answers.set(key, answer, answer.body.length);
    reply.header("etag", answer.etag);
    if (etagMatches(request.headers["if-none-match"], answer.etag)) {
      reply.code(304);
      return "";
    }
    return encode(request, reply, answer, key);
  });
}
