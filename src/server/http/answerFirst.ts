// The HTTP server Fastify would make for itself (its Node options and timeouts), with one step
// before Fastify: a kept answer that can go at once goes from here (http/caching.ts, answerKept),
// with no routing, request objects or hooks. Every other request is Fastify's, as before.
// Measured in docs/performance.md ("Kept answers before Fastify") and docs/decisions/044.
import { createServer, type IncomingMessage, type ServerOptions, type ServerResponse } from "node:http";
import type { FastifyServerFactory } from "fastify";

/** Sends the answer and says true, or says false and leaves the request untouched. */
export type AnswerFirst = (request: IncomingMessage, response: ServerResponse) => boolean;

interface FactoryOptions {
  http?: ServerOptions;
  keepAliveTimeout: number;
  requestTimeout: number;
  connectionTimeout: number;
}

/** Whether `first` answered; if it failed before writing anything, Fastify answers (and logs) instead. */
function answeredFirst(first: AnswerFirst | undefined, request: IncomingMessage, response: ServerResponse): boolean {
  try {
    return first?.(request, response) ?? false;
  } catch (error) {
    if (!response.headersSent) return false;
    response.destroy(error as Error);
    return true;
  }
}

/** Fastify's `serverFactory`: asks `first()` (unset until the routes are in, and once closing) before Fastify. */
export function serverAnsweringFirst(first: () => AnswerFirst | undefined): FastifyServerFactory {
  return (handler, opts) => {
    const options = opts as unknown as FactoryOptions;
    const server = createServer(options.http ?? {}, (request, response) => {
      if (!answeredFirst(first(), request, response)) handler(request, response);
    });
    // What Fastify sets on the server it makes itself (fastify/lib/server.js).
    server.keepAliveTimeout = options.keepAliveTimeout;
    server.requestTimeout = options.requestTimeout;
    server.setTimeout(options.connectionTimeout);
    return server;
  };
}
