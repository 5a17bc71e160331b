// How long each stage of a request may take, so no client holds a connection (and its file
// descriptor) by going quiet:
// - arriving: the request's headers, and its whole body, within REQUEST_TIMEOUT (Node's
//   headersTimeout and requestTimeout, counted from the request's first byte), else 408 and the
//   connection closed (http/earlyAnswers.ts writes it). Node checks its connections every
//   `connectionsCheckingInterval`, here a quarter of the timeout, so a stalled request is cut
//   within 1.25 times it (20 s by default: within 25 s). This bounds the request only: once it has
//   arrived, its answer may take as long as it needs (a change stream, /api/events, stays open
//   for hours, a slow reader downloads at its pace);
// - going quiet: a connection on which nothing moves either way for IDLE_MS (a client that stops
//   reading its answer, whose writes then stop completing) is closed. Every change stream writes
//   a comment line every 15 s, so a stream whose reader reads is never idle;
// - between requests: Fastify's keep-alive timeout (72 s) closes a kept connection left unused.

/** How long a request may take to arrive unless REQUEST_TIMEOUT_S says otherwise (config.ts). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
/** A connection on which no byte moves either way for this long is closed. */
export const IDLE_MS = 120_000;

export interface RequestTimeouts {
  /** Fastify's requestTimeout: the whole request, headers and body. */
  requestTimeout: number;
  /** Fastify's connectionTimeout: the socket's idle timeout. */
  connectionTimeout: number;
  /** Node's createServer options: both bounds (Node refuses a headers timeout past the request's) and how often connections are checked. */
  http: { requestTimeout: number; headersTimeout: number; connectionsCheckingInterval: number };
}

/** The server's timeouts for a request timeout of `requestTimeoutMs`. */
export function requestTimeouts(requestTimeoutMs: number): RequestTimeouts {
  const timeout = Math.max(1, Math.round(requestTimeoutMs));
  return {
    requestTimeout: timeout,
    connectionTimeout: Math.max(IDLE_MS, 2 * timeout),
    http: {
      requestTimeout: timeout,
      headersTimeout: timeout,
      connectionsCheckingInterval: Math.max(1, Math.round(timeout / 4)),
    },
  };
}
