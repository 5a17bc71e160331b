// What a write transaction changed, as dependency keys (model/dependencies.ts): each write path
// names what it touches on its transaction, and the store's write() records the set with the
// version it raised (table answer_invalidations, docs/decisions/026) before it commits.
import type { Transaction } from "kysely";
import type { Database } from "./schema";

const touched = new WeakMap<Transaction<Database>, Set<string>>();

/** Notes that this transaction changes what answers with these keys show. */
export function touch(trx: Transaction<Database>, ...keys: string[]): void {
  const set = touched.get(trx) ?? new Set<string>();
  touched.set(trx, set);
  for (const key of keys) set.add(key);
}

/** The keys this transaction touched, in the order first named. */
export function touchedBy(trx: Transaction<Database>): string[] {
  return [...(touched.get(trx) ?? [])];
}
