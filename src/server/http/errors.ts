// Every error leaves the server in one shape, `{ "error": { "code", "message" } }`, with a code
// from the one list (src/model/apiError.ts). Nothing past a 4xx reaches a client as its text.
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { ApiError, type ErrorCode } from "../../model/apiError";

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
  };
  return named[status] ?? "bad_request";
}

/** Sends ApiErrors as they are, Fastify's own 4xx errors with a listed code, and anything else as a 500. */
export function handleErrors(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return sendError(reply, error);
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error(error);
      return sendError(reply, new ApiError("internal_error", "Something went wrong on our side."));
    }
    const code = codeForStatus(status);
    return reply.code(status).send({ error: { code, message: error.message } });
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new ApiError("not_found", `There is nothing at ${request.method} ${request.url.split("?")[0]}.`)),
  );
}
