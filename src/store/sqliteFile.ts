// The SQLite file behind a store: opened in WAL mode (readers never wait for the writer) with a
// busy timeout short enough never to stall the event loop (better-sqlite3 waits synchronously),
// migrated under SQLite's own write lock so processes opening a new file together migrate once,
// and watched, so a file removed or replaced under the running server is noticed.
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { ApiError } from "../model/apiError";

/**
 * How long one statement may wait for SQLite's write lock, blocking the process. Writes that
 * still find it taken wait on in sleeps off the event loop (storeFaults.ts), then answer busy.
 */
export const BUSY_TIMEOUT_MS = 20;

/** How long opening a store waits for another process migrating the same file. */
const MIGRATION_WAIT_MS = 60_000;

export interface SqliteFile {
  /** The file's path. */
  file: string;
  database: SQLite.Database;
  /** Throws store_unreachable when the file at the store's path is no longer the one open. */
  check(): void;
}

export function openSqliteFile(file: string): SqliteFile {
  mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  // First, so that a second process opening a new file while this one sets WAL up waits for it.
  database.pragma(`busy_timeout = ${MIGRATION_WAIT_MS}`);
  setWalMode(database);
  database.pragma("foreign_keys = ON");
  // In WAL mode NORMAL keeps the database consistent; a power cut may lose the last commits only.
  database.pragma("synchronous = NORMAL");
  database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const opened = statSync(file);
  return {
    file,
    database,
    check() {
      const now = statSync(file, { throwIfNoEntry: false });
      if (!now || now.ino !== opened.ino || now.dev !== opened.dev)
        throw new ApiError(
          "store_unreachable",
          "The store's file was removed or replaced while the server ran: restart the server.",
        );
    },
  };
}

/**
 * Puts the file in WAL mode. Processes opening one new file at once may each hold a read lock and
 * want the write lock to change the mode; SQLite then answers one of them busy at once rather than
 * make it wait (waiting could deadlock), so the busy timeout does not cover it: it tries again.
 * Seen once in CI (2026-12-07) as "database is locked" from the test of processes opening a file.
 */
function setWalMode(database: SQLite.Database): void {
  const deadline = Date.now() + MIGRATION_WAIT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      database.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
      Atomics.wait(pause, 0, 0, 5 + Math.random() * 20);
    }
  }
}

/**
 * Runs `work` (the migrations) inside one IMMEDIATE transaction: SQLite's write lock keeps a second
 * process out until the first has migrated (Kysely takes no migration lock on SQLite), and a
 * migration that fails leaves nothing half done. The second process then finds nothing to do.
 */
export async function underWriteLock(database: SQLite.Database, work: () => Promise<void>): Promise<void> {
  database.pragma(`busy_timeout = ${MIGRATION_WAIT_MS}`);
  try {
    database.exec("begin immediate");
    try {
      await work();
      database.exec("commit");
    } catch (error) {
      if (database.inTransaction) database.exec("rollback");
      throw error;
    }
  } finally {
    database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/**
 * The store's version, read on every request of the pages and the API (server/http/answerFreshness.ts),
 * on a read-only connection of its own with its statement prepared once. Through Kysely it cost a
 * round of promises and its connection's mutex, a tenth of a kept page's time (docs/performance.md);
 * and on the store's own connection it would see a write transaction's version before its commit.
 */
export function versionReaderOf({ file }: SqliteFile): { read(): number; close(): void } {
  const connection = new SQLite(file, { readonly: true });
  connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const version = connection.prepare("select version from store_version where id = 1").pluck();
  return {
    read: () => Number(version.get() ?? 0),
    close: () => connection.close(),
  };
}
