// Opens the store named by a DATABASE_URL, brings its schema up to date, and hands back the
// store interface. SQLite (a file) is the default engine and needs no set-up; a postgres:// URL
// runs the same store on PostgreSQL, for several servers sharing one database.
import { resolve } from "node:path";
import {
  type DatabaseIntrospector,
  Kysely,
  type KyselyConfig,
  PostgresDialect,
  SqliteDialect,
  sql,
  type TableMetadata,
} from "kysely";
import pg from "pg";
import { postgresChangeListener } from "./changeNotifications";
import { engineOf } from "./engine";
import { keptPlanName } from "./keptPlans";
import { migrateToLatest } from "./migrations";
import type { Database } from "./schema";
import { openSqliteFile, type SqliteFile, underWriteLock, versionReaderOf } from "./sqliteFile";
import { withStatementCache } from "./statementCache";
import { guardStore } from "./storeFaults";
import { createStoryStore, type StoryStore } from "./storyStore";

export interface OpenStoreOptions extends Omit<KyselyConfig, "dialect"> {
  /**
   * How long a write waits for a busy SQLite (another process writing) before it answers busy:
   * a server answers soon (1 s, the default); the command-line import can afford to wait.
   */
  busyWaitMs?: number;
}

/** `options` go to Kysely (tests pass a `log` to see the queries the store runs). */
export async function openStore(
  databaseUrl: string,
  { busyWaitMs = 1_000, ...options }: OpenStoreOptions = {},
): Promise<StoryStore> {
  const engine = engineOf(databaseUrl);
  const file = engine === "sqlite" ? openSqliteFile(sqliteFile(databaseUrl)) : undefined;
  const db = file ? sqliteKysely(file, options) : connect(databaseUrl, options);
  try {
    // Kysely's migrator takes a lock in PostgreSQL, and SQLite's write lock stands in for one
    // (store/sqliteFile.ts), so servers starting together migrate once.
    if (file) await underWriteLock(file.database, () => migrateToLatest(db as Kysely<unknown>, engine));
    else await migrateToLatest(db as Kysely<unknown>, engine, searchPath(databaseUrl));
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const listenForChanges = file ? undefined : postgresChangeListener(databaseUrl, searchPath(databaseUrl));
  const versionReader = file ? versionReaderOf(file) : undefined;
  return guardStore(createStoryStore(db, engine, { listenForChanges, versionReader }), {
    busyWaitMs,
    ...(file ? { checkFile: file.check } : {}),
  });
}

/** A Kysely over the database a DATABASE_URL names, as it is (no migration). */
export function connect(databaseUrl: string, options: Omit<KyselyConfig, "dialect"> = {}): Kysely<Database> {
  if (engineOf(databaseUrl) === "sqlite") return sqliteKysely(openSqliteFile(sqliteFile(databaseUrl)), options);
  return new Kysely<Database>({ ...options, dialect: postgresDialect(databaseUrl, searchPath(databaseUrl)) });
}

function sqliteKysely({ database }: SqliteFile, options: Omit<KyselyConfig, "dialect">): Kysely<Database> {
  return new Kysely<Database>({ ...options, dialect: new SqliteDialect({ database: withStatementCache(database) }) });
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

/**
 * A pool that outlives its connections: a connection the server loses (terminated, the database
 * restarting) is logged and dropped, never an unhandled `error` event that ends the process; the
 * next query opens a new one. Connecting gives up after a while, so requests fail rather than hang.
 */
function postgresDialect(databaseUrl: string, schema: string): PostgresDialect {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 });
  const lost = (error: Error) => console.error(`store: lost a PostgreSQL connection: ${error.message}`);
  // An idle connection's error reaches the pool. One in use is its client's, and the query it runs
  // (or the next) fails and says so: the listener only keeps the event from ending the process.
  pool.on("error", lost);
  pool.on("connect", (client) => {
    client.on("error", () => {});
    keepPlans(client);
  });
  return new OneSchemaPostgresDialect({ pool }, schema);
}

/**
 * A connection that sends the statements the store keeps planned (keptPlans.ts) as named ones:
 * PostgreSQL parses and plans each once on this connection, then runs its plan at every call.
 * Kysely sends every query as `query(sql, parameters)`; anything else passes as it came.
 */
function keepPlans(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((text: unknown, ...rest: unknown[]) => {
    const name = typeof text === "string" ? keptPlanName(text) : undefined;
    return name ? query({ name, text, values: rest[0] }, ...rest.slice(1)) : query(text, ...rest);
  }) as typeof client.query;
}

/**
 * PostgreSQL with the migrator's look at existing tables kept to the store's own schema. Kysely's
 * own introspector reads every table of every schema (with functions that fail on a schema
 * dropped meanwhile): stores sharing one database, as tests and a staging server do, must not
 * trip over each other starting up.
 */
class OneSchemaPostgresDialect extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly schema: string,
  ) {
    super(config);
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    const schema = this.schema;
    return {
      getSchemas: async () => [{ name: schema }],
      async getTables(): Promise<TableMetadata[]> {
        const { rows } = await sql<{ name: string; kind: string }>`select c.relname as name, c.relkind as kind
          from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
          where n.nspname = ${schema} and c.relkind in ('r', 'p', 'v', 'm', 'f')`.execute(db);
        return rows.map((row) => ({
          name: row.name,
          schema,
          isView: row.kind === "v" || row.kind === "m",
          isForeign: row.kind === "f",
          columns: [],
        }));
      },
    };
  }
}
