// Statements PostgreSQL plans once per connection. Sent as Kysely sends them, a statement is parsed
// and planned again at every run: for a story read's key lookups that is three quarters of each
// query's time (about 0.15 of 0.2 ms; named and planned once, 0.04 ms). SQLite keeps its prepared
// statements already (statementCache.ts). Only statements whose plan is the same whatever their
// values are kept (lookups by key and the newest few of an index): a search's plan depends on
// its words, and a plan made for no word in particular could walk every story.

import { createHash } from "node:crypto";
import type { Compilable, Kysely } from "kysely";

/** At most this many statements are kept (the SQL of IN (…) lists varies with their length). */
export const KEPT_PLANS = 200;

const kept = new Map<string, string>();

/** The name a statement is prepared under, if it is one to keep. */
export function keptPlanName(sql: string): string | undefined {
  return kept.get(sql);
}

/** Runs a query as a statement to keep planned on PostgreSQL (on SQLite, as any other). */
// biome-ignore lint/suspicious/noExplicitAny: any database's queries, whatever its table types
export async function withKeptPlan<R>(db: Kysely<any>, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  if (!kept.has(compiled.sql) && kept.size < KEPT_PLANS)
    kept.set(compiled.sql, `dispatch_${createHash("sha256").update(compiled.sql).digest("hex").slice(0, 24)}`);
  return (await db.executeQuery(compiled)).rows;
}
