// Which database engine a DATABASE_URL names: an SQLite file, or PostgreSQL.

export type Engine = "sqlite" | "postgres";

export function engineOf(databaseUrl: string): Engine {
  return /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgres" : "sqlite";
}
