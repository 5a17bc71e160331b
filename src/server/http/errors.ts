// Every error leaves the server in one shape, `{ "error": { "code", "message" } }`, with a code
// from the one list (src/model/apiError.ts), or, for a page URL, as an HTML error page in the
// site's look (errorPage.ts). Fastify's own errors (bad URLs, bodies, parsers, 404s) take the same
// shape, and so do Node's (http/earlyAnswers.ts). Nothing past a 4xx reaches a client as its text.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError, type ErrorCode } from "../../model/apiError";
import type { RouteTable } from "./allowedMethods";
import { type ErrorPage, isPageUrl } from "./errorPage";

export function sendError(reply: FastifyReply, error: ApiError) {
  // A 503 passes (a busy or unreachable store): a client may try again soon.
  if (error.status === 503 && !reply.hasHeader("retry-after")) reply.header("retry-after", "1");
  return reply.code(error.status).send({
    error: { code: error.code, message: error.message },
    ...(error.current ? { current: error.current } : {}),
  });
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

/**
 * Answers an error as JSON, or as the error page when a reader's browser asked for a page (and
 * there is one). `beforeSend` runs on the reply about to go, its type set: the security headers,
 * which an error answered before any hook (a URL the router cannot read) would otherwise lack.
 */
export function errorAnswers(
  errorPage?: ErrorPage,
  beforeSend: (request: FastifyRequest, reply: FastifyReply) => void = () => {},
): AnswerError {
  return async (request, reply, error) => {
    if (!errorPage || !isPageUrl(request.url)) {
      beforeSend(request, reply.type("application/json; charset=utf-8"));
      return sendError(reply, error);
    }
    const html = await errorPage(request.url, error.status);
    beforeSend(request, reply.code(error.status).type("text/html; charset=utf-8"));
    return reply.send(html);
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
