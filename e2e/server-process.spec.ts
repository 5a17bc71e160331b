// The production server as an operator runs it: several processes on one port, and a SIGTERM
// that lets requests in flight finish before the processes exit cleanly.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

const PORT = 3101;
const origin = `http://127.0.0.1:${PORT}`;

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["dist/server/main.js"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      LOG_REQUESTS: "0",
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "dispatch-process-")), "store.db")}`,
      ...env,
    },
    stdio: "ignore",
  });
  await expect
    .poll(async () => (await fetch(`${origin}/readyz`).catch(() => null))?.status, { timeout: 15_000 })
    .toBe(200);
  return child;
}

test("WEB_CONCURRENCY runs several processes that all serve, and SIGTERM finishes what is in flight", async () => {
  const primary = await startServer({ WEB_CONCURRENCY: "2" });
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
    if (primary.exitCode === null) primary.kill("SIGKILL");
  }
});
