// The bench's processes: Dispatch as an operator runs it (the production build, WEB_CONCURRENCY=2,
// no request log), nginx on the same bytes, and the tools it needs, said plainly when missing.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const root = join(import.meta.dirname, "..");

export function hasCommand(name: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export interface Running {
  origin: string;
  /** The process's id (with WEB_CONCURRENCY=1, the server itself). */
  pid?: number;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, seconds = 120): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode})`);
    const status = await fetch(url)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

const stopped = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });

/** The built server on a store, as `npm run serve` runs it. */
export async function startDispatch(port: number, databaseUrl: string, env: Record<string, string> = {}) {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["dist/server/main.js"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: origin,
      DATABASE_URL: databaseUrl,
      WEB_CONCURRENCY: "2",
      LOG_REQUESTS: "0",
      // One client asking thousands of times a second: per-client limits would measure 429s.
      RATE_LIMITS: "0",
      NODE_ENV: "",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitFor(`${origin}/readyz`, child);
  return { origin, pid: child.pid, stop: () => stopped(child) } satisfies Running;
}

/**
 * nginx serving a folder of files as a static site at its best: each file sent pre-compressed
 * (file.gz beside it, gzip_static), as Dispatch sends its kept answers.
 */
export async function startNginx(port: number, docroot: string): Promise<Running> {
  const dir = join(docroot, "..", `nginx-${port}`);
  mkdirSync(join(dir, "logs"), { recursive: true });
  const config = join(dir, "nginx.conf");
  writeFileSync(
    config,
    `worker_processes 2;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  default_type text/html;
  types { text/html html; application/json json; text/css css; application/javascript js; image/jpeg jpg; image/webp webp; image/avif avif; image/png png; }
  gzip_static on;
  gzip on;
  gzip_types application/json text/css application/javascript;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${docroot};
    location / { try_files $uri $uri.html $uri/index.html =404; }
  }
}
`,
  );
  const child = spawn("nginx", ["-c", config, "-p", dir], { stdio: ["ignore", "ignore", "inherit"] });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/index.html`, child, 20);
  return { origin, stop: () => stopped(child) };
}
