// The server's log: JSON lines (pino, through Fastify), each with the request's id and URL.
// Errors and every 5xx answer are always logged, one line each, whatever LOG_REQUESTS says; the
// line per request (received, answered) only with LOG_REQUESTS=1. A thrown error is logged by the
// error handler (http/errors.ts); a 5xx made without one (a page rendered as a 500 by its route's
// error boundary, a 503 when the store or the card pool is busy) is logged here as it is answered,
// with the error a route noted, if any.
import { type FastifyInstance, type FastifyRequest, type FastifyServerOptions, LogController } from "fastify";

export interface ServerLogOptions {
  /** A line per request too, not only errors and 5xx. */
  requests: boolean;
  /** Where the lines go (stdout). */
  stream?: { write(line: string): void };
}

/** Fastify's logger options: JSON lines to the stream, every request's lines bound to its URL. */
export function serverLogOptions({ requests, stream }: ServerLogOptions): FastifyServerOptions {
  return {
    logger: { level: "info", ...(stream ? { stream } : {}) },
    logController: new LogController({ disableRequestLogging: !requests }),
    childLoggerFactory: (logger, bindings, options, rawRequest) =>
      logger.child({ ...bindings, method: rawRequest.method, url: rawRequest.url }, options),
  };
}

const thrown = new WeakSet<FastifyRequest>();
const noted = new WeakMap<FastifyRequest, unknown>();

/** Records why a request is answered 5xx without a thrown error (a page's route error), for its log line. */
export function noteError(request: FastifyRequest, error: unknown): void {
  noted.set(request, error);
}

/** Logs every 5xx answer that no thrown error has already logged. */
export function logServerErrors(app: FastifyInstance): void {
  app.addHook("onError", (request, _reply, _error, done) => {
    thrown.add(request);
    done();
  });
  app.addHook("onResponse", (request, reply, done) => {
    if (reply.statusCode >= 500 && !thrown.has(request)) {
      const error = noted.get(request);
      request.log.error(
        { statusCode: reply.statusCode, ...(error === undefined ? {} : { err: error }) },
        `answered ${reply.statusCode}`,
      );
    }
    done();
  });
}
