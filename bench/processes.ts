// The bench's processes: Dispatch as an operator runs it (the production build, WEB_CONCURRENCY=2,
// no request log), nginx on the same bytes, and the tools it needs, said plainly when missing.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

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
  /** The process's id (with WEB_CONCURRENCY=1, the server itself; with workers, their parent). */
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

/**
 * The built server on a store, as `npm run serve` runs it; `main` runs another build's server
 * (a copy of dist/ elsewhere in the tree, to compare two builds in the same minutes).
 */
export async function startDispatch(
  port: number,
  databaseUrl: string,
  env: Record<string, string> = {},
  { main = "dist/server/main.js", nodeOptions = [] }: { main?: string; nodeOptions?: string[] } = {},
) {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...nodeOptions, main], {
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
  return { origin, pid: child.pid, stop: () => stopped(child) };
}

/** CPU seconds (user + system) a process and its children (a cluster's workers) have used so far (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const ticks = (id: number) => {
    // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${id}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return Number(fields[11]) + Number(fields[12]);
  };
  const childrenOf = (task: string) => {
    try {
      return readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number);
    } catch {
      return []; // a thread that ended meanwhile
    }
  };
  const children = readdirSync(`/proc/${pid}/task`).flatMap(childrenOf);
  // USER_HZ: 100 on Linux.
  return [pid, ...children].reduce((sum, id) => sum + ticks(id), 0) / 100;
}

/** The same bytes Dispatch sends, as files nginx serves: each page, and any API answer (as .json). */
export async function copyForNginx(origin: string, dir: string, paths: string[]) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "index.html"), "ok");
  for (const path of paths) {
    const file = join(dir, path.endsWith("/") ? `${path}index.html` : path.replace(/\?.*$/, ""));
    mkdirSync(dirname(file), { recursive: true });
    const target = file.startsWith(join(dir, "api")) ? `${file}.json` : `${file}.html`;
    const bytes = Buffer.from(await (await fetch(`${origin}${path}`)).arrayBuffer());
    writeFileSync(target, bytes);
    writeFileSync(`${target}.gz`, gzipSync(bytes));
  }
}
