// Stores sharing one PostgreSQL database, each in its schema (as the tests run, or a staging server
// beside production): one starting up (migrating) while another's schema is dropped must not fail.
// Kysely's own look at existing tables read every schema's, and failed on one dropped meanwhile.
import { describe, expect, it } from "vitest";
import { openStore } from "./openStore";
import { createTestDatabase, testEngines } from "./testDatabases";

describe.runIf(testEngines.includes("postgres"))("stores in schemas of one PostgreSQL", () => {
  it("start while other stores' schemas are dropped", { timeout: 60_000 }, async () => {
    const refused: unknown[] = [];
    for (let round = 0; round < 3; round++) {
      const leaving = await Promise.all([1, 2, 3, 4].map(() => createTestDatabase("postgres")));
      for (const database of leaving) await (await openStore(database.url)).close();
      const arriving = await Promise.all([1, 2, 3, 4].map(() => createTestDatabase("postgres")));
      const results = await Promise.allSettled([
        ...arriving.map(async (database) => (await openStore(database.url)).close()),
        ...leaving.map((database) => database.drop()),
      ]);
      refused.push(...results.flatMap((result) => (result.status === "rejected" ? [String(result.reason)] : [])));
      for (const database of arriving) await database.drop();
    }
    expect(refused).toEqual([]);
  });
});
