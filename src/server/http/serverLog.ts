// The server's log: JSON lines (pino, through Fastify), each with the request's id and URL.
// Errors and every 5xx answer are always logged, one line each, whatever LOG_REQUESTS says; the
// line per request (received, answered) only with LOG_REQUESTS=1. A thrown error is logged by the
// error handler (http/errors.ts); a 5xx made without one (a page rendered as a 500 by its route's
// error boundary, a 503 when the store or the card pool is busy) is logged here as it is answered,
// with the error a route noted, if any.
import {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from "fastify";

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
    // A request's logger is made when it first logs: pino makes a child by serialising its
    // bindings, which cost a kept page a fifth of its throughput when done for every request.
    childLoggerFactory: (logger, bindings, options, rawRequest) =>
      lazily(() => logger.child({ ...bindings, method: rawRequest.method, url: rawRequest.url }, options)),
  };
}

type LogArguments = Parameters<FastifyBaseLogger["info"]>;

/** A logger made on first use (Fastify checks a request's logger has its methods: these make it only when called). */
function lazily(make: () => FastifyBaseLogger): FastifyBaseLogger {
  let logger: FastifyBaseLogger | undefined;
  const real = () => {
    logger ??= make();
    return logger;
  };
  const lazy = {
    get level() {
      return real().level;
    },
    fatal: (...args: LogArguments) => real().fatal(...args),
    error: (...args: LogArguments) => real().error(...args),
    warn: (...args: LogArguments) => real().warn(...args),
    info: (...args: LogArguments) => real().info(...args),
    debug: (...args: LogArguments) => real().debug(...args),
    trace: (...args: LogArguments) => real().trace(...args),
    silent: (...args: LogArguments) => real().silent(...args),
    child: (...args: Parameters<FastifyBaseLogger["child"]>) => real().child(...args),
  };
  return lazy as FastifyBaseLogger;
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
