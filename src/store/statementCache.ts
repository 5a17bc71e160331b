// better-sqlite3 behind Kysely, with its prepared statements kept: Kysely asks the driver to
// prepare every query it runs, and SQLite's parse and plan cost more than many of Dispatch's
// indexed reads. Statements are keyed by their SQL (parameters are bound at each run) and the
// least recently used is dropped past a bound, since the SQL of IN (…) lists varies with length.
import type SQLite from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

export const STATEMENT_CACHE_SIZE = 500;

export function withStatementCache(database: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached) {
        // Most recently used last, so the first key is the one to drop.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > size) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}
