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

/** The process groups of the servers started here and not yet stopped. */
const running = new Set<number>();
/** Kills a server and the processes it started (its cluster workers): its whole process group. */
function killGroup(pid: number) {
  running.delete(pid);
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}
// A test that times out never reaches its own stop(): the servers go with the test process.
process.on("exit", () => {
  for (const pid of running) killGroup(pid);
});

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
    // A process group of its own, so stopping it stops its cluster workers too.
    detached: true,
  });
  const pid = child.pid as number;
  running.add(pid);
  const stop = () => killGroup(pid);
  try {
    // Migrating and loading the demo stories takes seconds, more on a busy machine (within the test's 30 s).
    await expect
      .poll(async () => (await fetch(`${origin}/readyz`).catch(() => null))?.status, { timeout: 25_000 })
      .toBe(200);
  } catch (error) {
    // A server that never got ready must not outlive the test (and hold its port for the next).
    stop();
    throw error;
  }
  return { origin, child, stop };
}
