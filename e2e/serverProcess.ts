// Starts the production server (dist/server/main.js) as its own process, as an operator would.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "@playwright/test";

/**
 * A port for a server a test starts itself: the suite's port (E2E_PORT, 3100 by default) plus
 * `offset`, so two runs of the suite side by side (E2E_PORT apart) never collide.
 */
export function extraPort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 3100) + offset;
}

export interface ServerProcess {
  origin: string;
  child: ChildProcess;
  stop(): void;
}

export async function startServerProcess(port: number, env: Record<string, string> = {}): Promise<ServerProcess> {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["dist/server/main.js"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: origin,
      LOG_REQUESTS: "0",
      DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "dispatch-process-")), "store.db")}`,
      ...env,
    },
    stdio: "ignore",
  });
  try {
    // Migrating and loading the demo stories takes seconds, more on a busy machine (within the test's 30 s).
    await expect
      .poll(async () => (await fetch(`${origin}/readyz`).catch(() => null))?.status, { timeout: 25_000 })
      .toBe(200);
  } catch (error) {
    // A server that never got ready must not outlive the test (and hold its port for the next).
    if (child.exitCode === null) child.kill("SIGKILL");
    throw error;
  }
  return {
    origin,
    child,
    stop: () => {
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
