// A stand-in for a CDN's purge endpoint, for servers that must purge (CDN_PURGE_URL) in tests that
// do not run Varnish: it answers every request with the status given and records each one.
import { createServer, type IncomingMessage } from "node:http";

export interface PurgeReceiver {
  /** What a server's `cdn.purgeUrls` names. */
  url: string;
  /** The requests it was sent, in order. */
  purges: IncomingMessage[];
  close: () => Promise<void>;
}

export async function startPurgeReceiver(status = 200): Promise<PurgeReceiver> {
  const purges: IncomingMessage[] = [];
  const server = createServer((request, response) => {
    purges.push(request);
    response.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    purges,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
