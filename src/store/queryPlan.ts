// Query plans, for tests that hold a query to the indexes it is meant to use. SQLite: EXPLAIN QUERY
// PLAN as text, one step a line, indented by depth. PostgreSQL: EXPLAIN (FORMAT JSON)'s plan tree,
// planned with sequential scans switched off, so that a test's tiny tables do not make the planner
// prefer them: a Seq Scan left in such a plan means no index could answer the query.
import { CompiledQuery, type Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: any database's queries, whatever its table types
type AnyKysely = Kysely<any>;

/** SQLite's EXPLAIN QUERY PLAN of a compiled query, run with its parameters. */
export async function sqlitePlan(db: AnyKysely, query: CompiledQuery): Promise<string> {
  const { rows } = await db.executeQuery<{ id: number; parent: number; detail: string }>(
    CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
  );
  const depth = new Map<number, number>([[0, -1]]);
  return rows
    .map(({ id, parent, detail }) => {
      const level = (depth.get(parent) ?? -1) + 1;
      depth.set(id, level);
      return `${"  ".repeat(level)}${detail}`;
    })
    .join("\n");
}

/**
 * The steps of an SQLite plan that read a whole table or index (`SCAN t`, `SCAN t USING INDEX i`),
 * leaving out what is no scan of stored rows: virtual tables (FTS5 answers MATCH from its index),
 * constant rows, and subquery or CTE results.
 */
export function sqliteScans(plan: string): string[] {
  return plan
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => /^SCAN /.test(line) && !/^SCAN (\S+ VIRTUAL TABLE|CONSTANT ROW|\(subquery-\d+\))/.test(line));
}

export interface PostgresPlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PostgresPlanNode[];
  [detail: string]: unknown;
}

/**
 * PostgreSQL's plan of a compiled query, run with its parameters, in a transaction of its own
 * where `SET LOCAL` applies `settings` (by default enable_seqscan = off) and ends with it.
 */
export async function postgresPlan(
  db: AnyKysely,
  query: CompiledQuery,
  settings: Record<string, string> = { enable_seqscan: "off" },
): Promise<PostgresPlanNode> {
  return db.transaction().execute(async (trx) => {
    for (const [name, value] of Object.entries(settings)) {
      if (!/^\w+$/.test(name) || !/^\w+$/.test(value)) throw new Error(`not a setting: ${name} = ${value}`);
      await trx.executeQuery(CompiledQuery.raw(`set local ${name} = ${value}`));
    }
    const { rows } = await trx.executeQuery<{ "QUERY PLAN": [{ Plan: PostgresPlanNode }] }>(
      CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
    );
    const plan = rows[0]?.["QUERY PLAN"][0]?.Plan;
    if (!plan) throw new Error("EXPLAIN gave no plan");
    return plan;
  });
}

/** Every node of a PostgreSQL plan tree, the root first. */
export function planNodes(plan: PostgresPlanNode): PostgresPlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** The tables a PostgreSQL plan reads by Seq Scan. */
export function postgresSeqScans(plan: PostgresPlanNode): string[] {
  return planNodes(plan).flatMap((node) =>
    node["Node Type"] === "Seq Scan" ? [String(node["Relation Name"] ?? "?")] : [],
  );
}

/** A plan as one line a node, for a failing test's message. */
export function describePostgresPlan(plan: PostgresPlanNode, depth = 0): string {
  const node = [
    plan["Node Type"],
    plan["Relation Name"] && `on ${plan["Relation Name"]}`,
    plan["Index Name"] && `using ${plan["Index Name"]}`,
  ]
    .filter(Boolean)
    .join(" ");
  return [
    `${"  ".repeat(depth)}${node}`,
    ...(plan.Plans ?? []).map((child) => describePostgresPlan(child, depth + 1)),
  ].join("\n");
}
