// The server while its database fails it, over HTTP (docs/decisions/012-the-store-survives-its-database.md):
// PostgreSQL cutting and refusing connections, SQLite busy with another process's write, and the
// SQLite file removed or replaced under the running server. /healthz answers throughout.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { copyFileSync, renameSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createFaultyDatabase, testEngines } from "../store/testDatabases";
import { publisher, storyDraft } from "../test/publishing";
import { startTestServer, type TestServer } from "./testServer";

const TOKEN = "database-faults-admin-token-0123456789ab";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
}, 30_000);

const get = (path: string) => fetch(`${(server as TestServer).url}${path}`);
const put = (slug: string, headline: string) =>
  publisher((server as TestServer).url, TOKEN).put(slug, storyDraft({ headline }));
const fileOf = (databaseUrl: string) => databaseUrl.slice("file:".length);

async function poll(path: string, status: number) {
  await expect.poll(async () => (await get(path)).status, { timeout: 10_000, interval: 100 }).toBe(status);
}

// A fresh database with the demo stories takes a few seconds to set up on a busy machine.
describe.runIf(testEngines.includes("postgres"))("on PostgreSQL", { timeout: 30_000 }, () => {
  it("a terminated connection costs no request: the pool drops it and reads go on", async () => {
    const database = await createFaultyDatabase();
    server = await startTestServer({ engine: "postgres", database, adminToken: TOKEN });
    // Several connections in the pool, then every one of them cut.
    await Promise.all(["/api/sections", "/api/stories?limit=3", "/api/most-read", "/readyz"].map(get));
    await database.terminateConnections();
    for (const path of ["/api/stories?limit=3", "/api/sections", "/stories/ferry-crew-pulls-kayakers-from-the-sound"])
      expect((await get(path)).status, path).toBe(200);
    expect((await get("/readyz")).status).toBe(200);
    expect((await put("after-the-cut", "Written after every connection was cut")).status).toBe(201);
  });

  it("refusing connections: /readyz 503 and the API 503 with Retry-After, /healthz 200; back again, all 200", async () => {
    const database = await createFaultyDatabase();
    server = await startTestServer({ engine: "postgres", database, adminToken: TOKEN });
    expect((await get("/readyz")).status).toBe(200);
    await database.allowConnections(false);
    await database.terminateConnections();
    try {
      await poll("/readyz", 503);
      expect((await get("/healthz")).status).toBe(200);
      const read = await get("/api/sections");
      expect(read.status).toBe(503);
      expect(read.headers.get("retry-after")).toBe("1");
      expect((await read.json()).error.code).toBe("store_unreachable");
      const write = await put("while-refused", "Written while the database refused connections");
      expect(write.status).toBe(503);
    } finally {
      await database.allowConnections(true);
    }
    await poll("/readyz", 200);
    expect((await get("/api/sections")).status).toBe(200);
    expect((await put("after-refusal", "Written once the database took connections again")).status).toBe(201);
  });
});

describe("on SQLite", { timeout: 30_000 }, () => {
  it("a write that finds another process writing waits off the event loop, then answers 503 busy", async () => {
    // The write waits long enough for the reads below to be answered meanwhile on a loaded machine
    // (with the server's 1 s, two reads that took longer than it made the write look settled early).
    server = await startTestServer({ adminToken: TOKEN, busyWaitMs: 5_000 });
    // Another connection (as the command-line import would be) holds the write lock.
    const other = new SQLite(fileOf(server.databaseUrl));
    other.exec("begin immediate");
    try {
      let settled = false;
      const write = put("while-busy", "Written while another process held the lock").finally(() => {
        settled = true;
      });
      const views = fetch(`${server.url}/api/views`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ slug: "ferry-crew-pulls-kayakers-from-the-sound" }),
      });
      // The process answers while the write waits: reads never wait for the writer (WAL).
      expect((await get("/healthz")).status).toBe(200);
      expect((await get("/api/stories?limit=2")).status).toBe(200);
      expect(settled).toBe(false);
      for (const response of [await write, await views]) {
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("1");
        expect((await response.json()).error.code).toBe("busy");
      }
    } finally {
      other.exec("rollback");
      other.close();
    }
    expect((await put("while-busy", "Written once the lock was free")).status).toBe(201);
  });

  it("a removed store file makes /readyz 503 and refuses writes; /healthz still 200", async () => {
    server = await startTestServer({ adminToken: TOKEN });
    const file = fileOf(server.databaseUrl);
    expect((await get("/readyz")).status).toBe(200);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
    expect((await get("/readyz")).status).toBe(503);
    expect((await get("/healthz")).status).toBe(200);
    const write = await put("lost-write", "A write that would be lost on restart");
    expect(write.status).toBe(503);
    expect((await write.json()).error.code).toBe("store_unreachable");
  });

  it("a store file replaced by another makes /readyz 503 and refuses writes", async () => {
    server = await startTestServer({ adminToken: TOKEN });
    const file = fileOf(server.databaseUrl);
    copyFileSync(file, `${file}.copy`);
    renameSync(`${file}.copy`, file);
    expect((await get("/readyz")).status).toBe(503);
    expect((await put("replaced-write", "A write into a file no longer there")).status).toBe(503);
  });

  it("processes opening one brand-new file at once all start: one migrates, the others wait for it", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "dispatch-race-")), "store.db");
    // Each child loads the store through Vite (as npm run import does), then opens it on "go".
    const script = `
      import { createServer } from "vite";
      const vite = await createServer({ server: { middlewareMode: true, hmr: false }, appType: "custom", logLevel: "error" });
      const { openStore } = await vite.ssrLoadModule("/src/store/openStore.ts");
      process.stdout.write("ready\\n");
      await new Promise((go) => process.stdin.once("data", go));
      const store = await openStore(process.env.DATABASE_URL);
      await store.saveSections([{ slug: "city", name: "City" }]);
      process.stdout.write("sections " + (await store.listSections()).length + "\\n");
      await store.close();
      await vite.close();`;
    const children = Array.from({ length: 3 }, () =>
      spawn(process.execPath, ["--input-type=module", "-e", script], {
        env: { ...process.env, DATABASE_URL: `file:${file}` },
        stdio: ["pipe", "pipe", "pipe"],
      }),
    );
    const outputs = children.map((child) => {
      const output = { text: "" };
      child.stdout.on("data", (chunk) => {
        output.text += chunk;
      });
      child.stderr.on("data", (chunk) => {
        output.text += chunk;
      });
      return output;
    });
    await expect.poll(() => outputs.every((output) => output.text.includes("ready")), { timeout: 30_000 }).toBe(true);
    for (const child of children) child.stdin.end("go\n");
    const codes = await Promise.all(children.map(async (child) => (await once(child, "exit"))[0]));
    expect(codes, outputs.map((output) => output.text).join("\n")).toEqual([0, 0, 0]);
    for (const output of outputs) expect(output.text).toContain("sections 1");
  }, 60_000);
});
