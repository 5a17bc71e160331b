// Opens the store named by a DATABASE_URL, brings its schema up to date, and hands back the
// store interface. SQLite (a file) is the default engine and needs no set-up; a postgres:// URL
// runs the same store on PostgreSQL, for several servers sharing one database.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { type Dialect, Kysely, type KyselyConfig, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { engineOf } from "./engine";
import { migrateToLatest } from "./migrations";
import type { Database } from "./schema";
import { withStatementCache } from "./statementCache";
import { createStoryStore, type StoryStore } from "./storyStore";

/** `options` go to Kysely (tests pass a `log` to see the queries the store runs). */
export async function openStore(databaseUrl: string, options: Omit<KyselyConfig, "dialect"> = {}): Promise<StoryStore> {
  const db = connect(databaseUrl, options);
  try {
    // Kysely's migrator takes a lock in the database, so servers starting together migrate once.
    const engine = engineOf(databaseUrl);
    await migrateToLatest(db as Kysely<unknown>, engine, engine === "postgres" ? searchPath(databaseUrl) : undefined);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createStoryStore(db, engineOf(databaseUrl));
}

/** A Kysely over the database a DATABASE_URL names, as it is (no migration). */
export function connect(databaseUrl: string, options: Omit<KyselyConfig, "dialect"> = {}): Kysely<Database> {
  const dialect =
    engineOf(databaseUrl) === "postgres" ? postgresDialect(databaseUrl) : sqliteDialect(sqliteFile(databaseUrl));
  return new Kysely<Database>({ ...options, dialect });
}

/** The schema a postgres:// URL works in: its `options=-c search_path=…`, else public. */
function searchPath(databaseUrl: string): string {
  const options = new URL(databaseUrl).searchParams.get("options") ?? "";
  return /search_path=([\w$]+)/.exec(options)?.[1] ?? "public";
}

/** The file an SQLite DATABASE_URL names (file:PATH or a path), resolved. */
export function sqliteFile(databaseUrl: string): string {
  if (databaseUrl.startsWith("file:")) return resolve(databaseUrl.slice("file:".length));
  if (databaseUrl.includes("://"))
    throw new Error(`DATABASE_URL must be file:PATH or postgres://…, got ${databaseUrl}`);
  return resolve(databaseUrl);
}

function sqliteDialect(file: string): Dialect {
  mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  // In WAL mode NORMAL keeps the database consistent; a power cut may lose the last commits only.
  database.pragma("synchronous = NORMAL");
  database.pragma("busy_timeout = 5000");
  return new SqliteDialect({ database: withStatementCache(database) });
}

function postgresDialect(databaseUrl: string): Dialect {
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl, max: 10 }) });
}
