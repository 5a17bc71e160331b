// Test support: one HTTP/1.1 exchange over a raw socket, for requests fetch() will not send (an
// absolute-form or `*` target, a raw backslash, oversized headers, malformed request lines).
import { connect } from "node:net";

export interface RawAnswer {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends the request line and headers as written (each line ended by CRLF, a blank line added),
 * then `body` in UTF-8 with its Content-Length (or `rawBody`, byte for byte, with no length
 * added: a chunked body, say), and reads the answer to the end.
 */
export function rawRequest(
  serverUrl: string,
  lines: string[],
  body = "",
  { rawBody }: { rawBody?: string } = {},
): Promise<RawAnswer> {
  const length = body ? [`Content-Length: ${Buffer.byteLength(body)}`] : [];
  const head = `${[...lines, ...length, "Connection: close"].join("\r\n")}\r\n\r\n`;
  return rawExchange(
    serverUrl,
    Buffer.concat([
      Buffer.from(head, "latin1"),
      rawBody === undefined ? Buffer.from(body, "utf8") : Buffer.from(rawBody, "latin1"),
    ]),
  );
}

/**
 * Writes `request` on a new connection, exactly as given and nothing after it (a request cut short
 * stays so), and reads what comes back until the server closes the connection.
 */
export function rawExchange(serverUrl: string, request: Buffer | string): Promise<RawAnswer> {
  const { hostname, port } = new URL(serverUrl);
  return new Promise((resolve, reject) => {
    // Written, not ended: a half-closed socket reads to some servers as a client gone away.
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf("\r\n\r\n");
      const [statusLine = "", ...headerLines] = raw.subarray(0, split).toString("latin1").split("\r\n");
      const headers = Object.fromEntries(
        headerLines.map((line) => {
          const colon = line.indexOf(":");
          return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      let rest: Buffer = raw.subarray(split + 4);
      if (headers["transfer-encoding"] === "chunked") rest = unchunk(rest);
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: rest.toString("utf8") });
    });
  });
}

function unchunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf("\r\n", at);
    const size = Number.parseInt(data.subarray(at, lineEnd).toString("latin1"), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}
