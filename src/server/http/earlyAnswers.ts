// The answers Node would make by itself, before Fastify sees a request, taken over so they leave in
// the one error shape with the headers every answer carries (http/securityHeaders.ts):
// - a request Node cannot parse (400), with headers too large (431), or that took too long to
//   arrive (408): Fastify's clientErrorHandler, written on the socket, since no request exists;
// - an HTTP/1.1 request without a Host header: Node's own 400 is turned off (requireHostHeader)
//   and the request refused by a hook, as a page or as JSON like any 400;
// - an expectation Node does not know (`Expect: teapot`): Node's 417 is replaced by handing the
//   request to Fastify ('checkExpectation'), where a hook answers 417; `100-continue` stays Node's;
// - CONNECT: this is no proxy. Node would close the connection without a word; it gets a 405.
import type { IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { ApiError, type ErrorCode, errorStatus } from "../../model/apiError";

/** What the socket's answer says for each kind of refusal Node reports. */
const REFUSALS: Record<string, { code: ErrorCode; reason: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    code: "headers_too_large",
    reason: "Request Header Fields Too Large",
    message: "The request's headers are too large.",
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    code: "request_timeout",
    reason: "Request Timeout",
    message: "The request took too long to arrive.",
  },
};
const NOT_HTTP = {
  code: "bad_request",
  reason: "Bad Request",
  message: "The request is not well-formed HTTP.",
} as const;

/** An error answer written on the socket as it is, saying the connection closes (the caller closes it). */
function writeRefusal(
  socket: Socket,
  headers: readonly [string, string][],
  { code, reason, message }: { code: ErrorCode; reason: string; message: string },
  extra: [string, string][] = [],
): void {
  const body = JSON.stringify({ error: { code, message } });
  const lines = [
    `HTTP/1.1 ${errorStatus[code]} ${reason}`,
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Content-Type: application/json; charset=utf-8",
    "Cache-Control: no-store",
    ...[...headers, ...extra].map(([name, value]) => `${name}: ${value}`),
    "Connection: close",
  ];
  socket.write(`${lines.join("\r\n")}\r\n\r\n${body}`);
}

/** Fastify's clientErrorHandler: what Node cannot take as a request, in the same shape and headers as any answer. */
export function answerClientErrors(headers: readonly [string, string][]) {
  return (error: NodeJS.ErrnoException, socket: Socket): void => {
    if (error.code === "ECONNRESET" || socket.destroyed) return;
    // A response already under way on this connection cannot be followed by another: just close.
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (socket.writable && !inFlight?.headersSent)
      writeRefusal(socket, headers, REFUSALS[error.code ?? ""] ?? NOT_HTTP);
    socket.destroy(error);
  };
}

/** The options for Node's server this module needs: it answers a missing Host itself (see answerEarlyRequests). */
export const NODE_SERVER_OPTIONS = { requireHostHeader: false } as const;

/** Takes over what Node answers before Fastify: a missing Host, an unknown expectation, CONNECT. */
export function answerEarlyRequests(app: FastifyInstance, headers: readonly [string, string][]): void {
  const unmet = new WeakSet<IncomingMessage>();
  const server: Server = app.server;
  // With a listener, Node hands such a request over rather than answering 417 itself.
  server.on("checkExpectation", (request, response) => {
    unmet.add(request);
    app.routing(request, response);
  });
  server.on("connect", (_request: IncomingMessage, socket: Socket) => {
    const message = "This server is not a proxy: it answers no CONNECT.";
    writeRefusal(socket, headers, { code: "method_not_allowed", reason: "Method Not Allowed", message }, [
      ["Allow", "GET, HEAD"],
    ]);
    socket.end();
  });
  app.addHook("onRequest", async (request: FastifyRequest) => {
    if (unmet.has(request.raw))
      throw new ApiError(
        "expectation_failed",
        `This server meets no expectation but 100-continue, not ${JSON.stringify(request.headers.expect)}.`,
      );
    if (request.raw.httpVersion === "1.1" && !request.headers.host)
      throw new ApiError("bad_request", "An HTTP/1.1 request must name the host it is for (the Host header).");
  });
}
