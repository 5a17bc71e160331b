// Every error leaves the server in one shape, `{ "error": { "code", "message" } }`, with a code
// from the one list (src/model/apiError.ts), or, for a page URL, as an HTML error page in the
// site's look (errorPage.ts). Fastify's own errors (bad URLs, bodies, parsers, 404s) and Node's
// (a request it cannot parse, headers too large) take the same shape. Nothing past a 4xx reaches a
// client as its text.
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError, type ErrorCode } from "../../model/apiError";
import type { RouteTable } from "./allowedMethods";
import { type ErrorPage, isPageUrl } from "./errorPage";

export function sendError(reply: FastifyReply, error: ApiError) {
  // A 503 passes (a busy or unreachable store): a client may try again soon.
  if (error.status === 503 && !reply.hasHeader("retry-after")) reply.header("retry-after", "1");
  return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
}

/** The code of the list that names a status Fastify itself answered with (413, 415…). */
function codeForStatus(status: number): ErrorCode {
  const named: Partial<Record<number, ErrorCode>> = {
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "too_many_requests",
  };
  return named[status] ?? "bad_request";
}

export type AnswerError = (request: FastifyRequest, reply: FastifyReply, error: ApiError) => Promise<FastifyReply>;

/** Answers an error as JSON, or as the error page when a reader's browser asked for a page (and there is one). */
export function errorAnswers(errorPage?: ErrorPage): AnswerError {
  return async (request, reply, error) => {
    if (!errorPage || !isPageUrl(request.url)) return sendError(reply, error);
    const html = await errorPage(request.url, error.status, error.message);
    return reply.code(error.status).type("text/html; charset=utf-8").send(html);
  };
}

/** Sends ApiErrors as they are, Fastify's own 4xx errors with a listed code, and anything else as a 500. */
export function handleErrors(app: FastifyInstance, routes: RouteTable, answer: AnswerError): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return answer(request, reply, error);
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error(error);
      return answer(request, reply, new ApiError("internal_error", "Something went wrong on our side."));
    }
    const code = codeForStatus(status);
    return answer(request, reply, Object.assign(new ApiError(code, error.message), { status }));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const allowed = path.startsWith("/") ? routes.allowed(path) : [];
    if (allowed.length === 0 || allowed.includes(request.method))
      return answer(request, reply, new ApiError("not_found", `There is nothing at ${request.method} ${path}.`));
    reply.header("allow", allowed.join(", "));
    return answer(
      request,
      reply,
      new ApiError("method_not_allowed", `${path} answers ${allowed.join(", ")}, not ${request.method}.`),
    );
  });
}

/** What Node cannot parse as a request at all (Fastify's clientErrorHandler), in the same shape. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, reason, message] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? [431, "Request Header Fields Too Large", "The request's headers are too large."]
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? [408, "Request Timeout", "The request took too long to arrive."]
        : [400, "Bad Request", "The request is not well-formed HTTP."];
  const code: ErrorCode = status === 400 ? "bad_request" : status === 431 ? "headers_too_large" : "request_timeout";
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(error);
}
