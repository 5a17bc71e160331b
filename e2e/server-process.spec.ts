// The production server as an operator runs it: several processes on one port, and a SIGTERM
// that lets requests in flight finish before the processes exit cleanly.
import { once } from "node:events";
import { Agent, get } from "node:http";
import { expect, test } from "@playwright/test";
import { extraPort, startServerProcess } from "./serverProcess";

const PORT = extraPort(1);
// Both tests start a server on PORT: one after the other.
test.describe.configure({ mode: "serial" });

test("WEB_CONCURRENCY runs several processes that all serve, and SIGTERM finishes what is in flight", async () => {
  const server = await startServerProcess(PORT, { WEB_CONCURRENCY: "2" });
  const { origin, child: primary } = server;
  try {
    for (let i = 0; i < 6; i++) expect((await fetch(`${origin}/api/sections`)).status).toBe(200);
    // A share card takes a while to render the first time: it is in flight when SIGTERM arrives.
    const inFlight = fetch(`${origin}/og/ferry-crew-pulls-kayakers-from-the-sound.png`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    primary.kill("SIGTERM");
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    const [code] = await once(primary, "exit");
    expect(code).toBe(0);
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
  } finally {
    server.stop();
  }
});

/** One request on a keep-alive connection: its status and `Connection` header, or the error that ended it. */
function keepAliveGet(agent: Agent, url: string): Promise<{ status?: number; connection?: string; error?: string }> {
  return new Promise((resolve) => {
    const request = get(url, { agent }, (response) => {
      response.resume();
      response.on("end", () => resolve({ status: response.statusCode, connection: response.headers.connection }));
      response.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
  });
}

test("SIGTERM drains keep-alive connections: answers say Connection: close, and nothing sent before it fails", async () => {
  const server = await startServerProcess(PORT);
  const agent = new Agent({ keepAlive: true, maxSockets: 6 });
  let signalled = 0;
  const results: { sentAt: number; status?: number; connection?: string; error?: string }[] = [];
  try {
    const paths = ["/stories/council-backs-harbour-flood-wall", "/api/sections", "/feed.xml"];
    // Six clients, each sending its next request as soon as the last is answered, as a busy site's proxy does.
    const clients = Array.from({ length: 6 }, async (_, client) => {
      for (let i = 0; Date.now() - (signalled || Date.now()) < 2_000; i++) {
        const sentAt = Date.now();
        const result = await keepAliveGet(agent, `${server.origin}${paths[(client + i) % paths.length]}`);
        results.push({ sentAt, ...result });
        if (result.error) break;
      }
    });
    // Every connection is open and busy: SIGTERM comes with requests in flight on kept connections.
    await expect.poll(() => results.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(18);
    signalled = Date.now();
    server.child.kill("SIGTERM");
    const [code] = await once(server.child, "exit");
    await Promise.all(clients);
    expect(code).toBe(0);

    const before = results.filter((result) => result.sentAt < signalled);
    expect(before.length).toBeGreaterThan(6);
    expect(before.filter((result) => result.error)).toEqual([]);
    expect(before.every((result) => result.status === 200)).toBe(true);
    // Answered while draining: each told its client to close the connection.
    expect(results.filter((result) => result.connection === "close").length).toBeGreaterThan(0);
  } finally {
    agent.destroy();
    server.stop();
  }
});
