// The production server on PostgreSQL while its database fails it: connections cut, then refused,
// then taken again. The same process answers throughout (/healthz) and serves again after.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { extraPort, startServerProcess } from "./serverProcess";

const PORT = extraPort(7);

/** Runs on the PostgreSQL server the suite was given (TEST_DATABASE_URL), never without one. */
const servers = process.env.TEST_DATABASE_URL ? [process.env.TEST_DATABASE_URL] : [];

for (const postgres of servers) {
  test("PostgreSQL cutting and refusing connections: the same server process serves again", async () => {
    test.setTimeout(90_000);
    const admin = async (query: string) => {
      const client = new pg.Client({ connectionString: postgres });
      await client.connect();
      try {
        await client.query(query);
      } finally {
        await client.end();
      }
    };
    // A throwaway database: refusing connections to the suite's own would stop other tests.
    const name = `dispatch_fault_${randomBytes(6).toString("hex")}`;
    const terminate = () =>
      admin(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
      );
    await admin(`create database ${name}`);
    const url = new URL(postgres);
    url.pathname = `/${name}`;
    const server = await startServerProcess(PORT, { DATABASE_URL: url.href });
    const { origin, child } = server;
    const status = async (path: string) => (await fetch(`${origin}${path}`)).status;
    try {
      for (const path of ["/api/sections", "/api/stories?limit=3", "/"]) expect(await status(path)).toBe(200);

      await terminate();
      expect(await status("/api/stories?limit=3")).toBe(200);
      expect(await status("/readyz")).toBe(200);
      expect(child.exitCode).toBeNull();

      await admin(`alter database ${name} allow_connections false`);
      await terminate();
      await expect.poll(() => status("/readyz"), { timeout: 15_000 }).toBe(503);
      expect(await status("/healthz")).toBe(200);
      expect(await status("/api/sections")).toBe(503);
      expect(child.exitCode).toBeNull();

      await admin(`alter database ${name} allow_connections true`);
      await expect.poll(() => status("/readyz"), { timeout: 15_000 }).toBe(200);
      expect(await status("/stories/ferry-crew-pulls-kayakers-from-the-sound")).toBe(200);
      expect(child.exitCode).toBeNull();
    } finally {
      server.stop();
      await admin(`drop database if exists ${name} with (force)`);
    }
  });
}
