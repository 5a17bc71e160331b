// Test support: a real Varnish (Debian's varnish and varnish-modules) running the shipped
// deploy/varnish/default.vcl in front of a test server, on a free port, in a folder of its own.
// Not part of the running app.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Varnish {
  url: string;
  close(): Promise<void>;
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts varnishd on `port` with the shipped VCL, its backend pointed at `backendPort`. */
export async function startVarnish(port: number, backendPort: number): Promise<Varnish> {
  const dir = mkdtempSync(join(tmpdir(), "dispatch-varnish-"));
  const vcl = readFileSync(join(import.meta.dirname, "../../deploy/varnish/default.vcl"), "utf8");
  if (!vcl.includes('.port = "3000";')) throw new Error("default.vcl: the backend is no longer on port 3000");
  writeFileSync(join(dir, "test.vcl"), vcl.replace('.port = "3000";', `.port = "${backendPort}";`));
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    "varnishd",
    [
      "-F",
      "-j",
      "none",
      "-a",
      `127.0.0.1:${port}`,
      "-f",
      join(dir, "test.vcl"),
      "-n",
      join(dir, "work"),
      "-s",
      "malloc,32m",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`varnishd exited: ${stderr}`);
    // Ready once its probe has found the backend healthy: a page comes through.
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`varnishd did not answer within 20 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async close() {
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
