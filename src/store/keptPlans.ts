// Statements built and compiled once, and on PostgreSQL planned once per connection.
//
// Kysely builds and compiles a query each time it runs: for a story page's ten key lookups that
// was a tenth of the store's time on SQLite (docs/performance.md, session 10). A kept query is
// built once per shape with placeholders for its values, compiled, and run after that with the
// values in the placeholders' places: the same SQL, so the same statement SQLite keeps prepared
// (statementCache.ts) and PostgreSQL keeps planned.
//
// Sent as Kysely sends them, a statement is parsed and planned by PostgreSQL again at every run:
// for a story read's key lookups that is three quarters of each query's time (about 0.15 of 0.2 ms;
// named and planned once, 0.04 ms). Only statements whose plan is the same whatever their values
// are kept (lookups by key and the newest few of an index): a search's plan depends on its words,
// and a plan made for no word in particular could walk every story.
//
// On SQLite a kept statement's values are written `+?`, not `?`: the same values (unary plus does
// nothing to a value and a parameter has no affinity to lose) and the same plan, but SQLite's
// planner no longer looks at them. Where it looks at a bound value (a LIMIT, a term's estimate)
// it marks the statement to be prepared again when that value is bound anew, and better-sqlite3
// clears the bindings after every run, which SQLite takes as a new value: the story page's
// related-stories statement was parsed and planned again at every page (docs/decisions/052).

import { createHash } from "node:crypto";
import { type Compilable, type CompiledQuery, type Kysely, SqliteAdapter } from "kysely";

/** At most this many statements are kept (the SQL of IN (…) lists varies with their length). */
export const KEPT_PLANS = 200;

const kept = new Map<string, string>();

/** The name a statement is prepared under, if it is one to keep. */
export function keptPlanName(sql: string): string | undefined {
  return kept.get(sql);
}

function keepPlan(sql: string): void {
  if (!kept.has(sql) && kept.size < KEPT_PLANS)
    kept.set(sql, `dispatch_${createHash("sha256").update(sql).digest("hex").slice(0, 24)}`);
}

/** A kept query's values: strings, or lists of them (an IN list); anything else is part of its SQL. */
type Value = string | readonly string[];

/** A compiled query and, for each of its parameters, which value (and item of a list) fills it. */
interface Template {
  compiled: CompiledQuery;
  fill: ([number, number] | null)[];
}

const PLACEHOLDER = "\u0000kept:";

/**
 * SQLite's SQL with each parameter written `+?`, which its planner does not read as a bound value
 * (above); `?` inside quotes (strings, identifiers) is left alone. The SQL as it was if the
 * parameters found are not the `count` expected.
 */
export function valuesHiddenFromPlanner(sql: string, count: number): string {
  let out = "";
  let found = 0;
  let quote: string | undefined;
  for (const char of sql) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"' || char === "`") quote = char;
    else if (char === "?") {
      found++;
      out += "+";
    }
    out += char;
  }
  return found === count && !quote ? out : sql;
}

/**
 * A query kept built and compiled: `build` is called once per database and shape of the values
 * (the length of each list) with placeholders for them, and every run binds the values given.
 * The placeholders are strings no value holds (a NUL), so each parameter they fill is found by
 * its value; a placeholder the compiled query does not carry as a parameter is an error.
 */
export function keptQuery<A extends Value[], R>(
  // biome-ignore lint/suspicious/noExplicitAny: any database's queries, whatever its table types
  build: (db: Kysely<any>, ...values: A) => Compilable<R>,
  // biome-ignore lint/suspicious/noExplicitAny: as above
): (db: Kysely<any>, ...values: A) => Promise<R[]> {
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const templates = new WeakMap<Kysely<any>, Map<string, Template>>();
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const templateFor = (db: Kysely<any>, values: A): Template => {
    const shape = values.map((value) => (typeof value === "string" ? "s" : value.length)).join(",");
    const byShape = templates.get(db) ?? new Map<string, Template>();
    templates.set(db, byShape);
    const made = byShape.get(shape);
    if (made) return made;
    const placeholders = values.map((value, i) =>
      typeof value === "string" ? `${PLACEHOLDER}${i}` : value.map((_, j) => `${PLACEHOLDER}${i}:${j}`),
    ) as A;
    const built = build(db, ...placeholders).compile();
    const compiled =
      db.getExecutor().adapter instanceof SqliteAdapter
        ? { ...built, sql: valuesHiddenFromPlanner(built.sql, built.parameters.length) }
        : built;
    const fill = compiled.parameters.map((parameter): [number, number] | null => {
      if (typeof parameter !== "string" || !parameter.startsWith(PLACEHOLDER)) return null;
      const [value, item = "-1"] = parameter.slice(PLACEHOLDER.length).split(":");
      return [Number(value), Number(item)];
    });
    const filled = new Set(fill.flatMap((at) => (at ? [`${at[0]}:${at[1]}`] : [])));
    const wanted = values.flatMap((value, i) =>
      typeof value === "string" ? [`${i}:-1`] : value.map((_, j) => `${i}:${j}`),
    );
    const missing = wanted.filter((at) => !filled.has(at));
    if (missing.length > 0)
      throw new Error(`a kept query does not bind its values ${missing.join(", ")}: ${compiled.sql}`);
    keepPlan(compiled.sql);
    const template = { compiled, fill };
    byShape.set(shape, template);
    return template;
  };
  return async (db, ...values) => {
    const { compiled, fill } = templateFor(db, values);
    const parameters = compiled.parameters.map((parameter, k) => {
      const at = fill[k];
      if (!at) return parameter;
      const value = values[at[0]] as Value;
      return typeof value === "string" ? value : value[at[1]];
    });
    return (await db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
}
