// npm run backup -- FILE: a consistent copy of an SQLite store while servers read and write it,
// through SQLite's online backup API (better-sqlite3's backup()): the copy is the store as of one
// moment, whatever is written meanwhile. PostgreSQL has its own tools for this (pg_dump; README).
import { existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import SQLite from "better-sqlite3";
import { engineOf } from "../store/engine";
import { sqliteFile } from "../store/openStore";

export class BackupError extends Error {
  override name = "BackupError";
}

export interface BackupResult {
  file: string;
  pages: number;
}

export async function backupSqlite(databaseUrl: string, destination: string): Promise<BackupResult> {
  if (engineOf(databaseUrl) === "postgres")
    throw new BackupError(
      "DATABASE_URL names PostgreSQL: back it up with pg_dump (pg_dump --format=custom --file=FILE URL) and restore with pg_restore; see the README",
    );
  const source = sqliteFile(databaseUrl);
  const target = resolve(destination);
  if (!existsSync(source)) throw new BackupError(`there is no store at ${source}`);
  if (existsSync(target)) throw new BackupError(`${target} exists: back up to a new file`);
  const database = new SQLite(source, { fileMustExist: true });
  try {
    // A server holds the write lock for moments at a time: wait for it rather than fail.
    database.pragma("busy_timeout = 10000");
    const { totalPages } = await database.backup(target);
    const copy = new SQLite(target, { readonly: true });
    try {
      const check = copy.pragma("integrity_check", { simple: true });
      if (check !== "ok") throw new BackupError(`the copy at ${target} failed its integrity check: ${String(check)}`);
    } finally {
      copy.close();
    }
    return { file: target, pages: totalPages };
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  } finally {
    database.close();
  }
}
