// Test support: a fresh, empty database on each engine the tests can reach. SQLite always (a temp
// file); PostgreSQL when TEST_DATABASE_URL names a server, each database its own schema, dropped after.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Engine } from "./engine";

export const testEngines: Engine[] = process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "dispatch-db-"));
    return { url: `file:${join(dir, "store.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error("TEST_DATABASE_URL is not set");
  const schema = `dispatch_test_${randomBytes(6).toString("hex")}`;
  await withClient(server, (client) => client.query(`create schema ${schema}`));
  const url = new URL(server);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.href,
    drop: () => withClient(server, (client) => client.query(`drop schema ${schema} cascade`)).then(() => undefined),
  };
}

/** A PostgreSQL database of its own, for tests that cut or refuse its connections. */
export interface FaultyDatabase extends TestDatabase {
  /** Ends every connection to the database but the one asking (pg_terminate_backend). */
  terminateConnections(): Promise<void>;
  /** Whether the database takes new connections (ALTER DATABASE … allow_connections). */
  allowConnections(allow: boolean): Promise<void>;
}

/**
 * A throwaway database (dispatch_fault_…) on the TEST_DATABASE_URL server, never that database
 * itself: refusing connections to it would stop every other test. Dropped, connections and all.
 */
export async function createFaultyDatabase(): Promise<FaultyDatabase> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) throw new Error("TEST_DATABASE_URL is not set");
  const name = `dispatch_fault_${randomBytes(6).toString("hex")}`;
  const admin = (query: string) => withClient(server, (client) => client.query(query)).then(() => undefined);
  await admin(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    terminateConnections: () =>
      admin(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
      ),
    allowConnections: (allow) => admin(`alter database ${name} allow_connections ${allow}`),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

async function withClient<T>(connectionString: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
