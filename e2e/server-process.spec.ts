// The production server as an operator runs it: several processes on one port, and a SIGTERM
// that lets requests in flight finish before the processes exit cleanly.
import { once } from "node:events";
import { expect, test } from "@playwright/test";
import { extraPort, startServerProcess } from "./serverProcess";

const PORT = extraPort(1);

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
