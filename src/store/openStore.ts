// Opens the store named by a DATABASE_URL, brings its schema up to date, and hands back the
// store interface. SQLite (a file) is the default engine and needs no set-up.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { migrateToLatest } from "./migrations";
import type { Database } from "./schema";
import { createStoryStore, type StoryStore } from "./storyStore";

export const DEFAULT_DATABASE_URL = "file:./data/dispatch.db";

export async function openStore(databaseUrl: string = DEFAULT_DATABASE_URL): Promise<StoryStore> {
  const db = new Kysely<Database>({ dialect: sqliteDialect(sqliteFile(databaseUrl)) });
  await migrateToLatest(db as Kysely<unknown>);
  return createStoryStore(db);
}

function sqliteFile(databaseUrl: string): string {
  if (/^postgres(ql)?:/.test(databaseUrl))
    throw new Error(
      "DATABASE_URL names PostgreSQL, which this version of Dispatch does not support yet: use file:PATH",
    );
  if (databaseUrl.startsWith("file:")) return resolve(databaseUrl.slice("file:".length));
  if (databaseUrl.includes("://")) throw new Error(`DATABASE_URL must be file:PATH, got ${databaseUrl}`);
  return resolve(databaseUrl);
}

function sqliteDialect(file: string): SqliteDialect {
  mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma("journal_mode = WAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  return new SqliteDialect({ database });
}
