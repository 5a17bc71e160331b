// The import commits in batches and pauses between them, so a server writing to the same SQLite
// file (another connection, as another process would be) gets its writes in during an import.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openStore } from "../store/openStore";
import type { StoryStore } from "../store/storyStore";
import { IMPORT_BATCH_SIZE, runImport } from "./cli";

let dir: string;
let importing: StoryStore;
let serving: StoryStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "dispatch-batches-"));
  const url = `file:${join(dir, "store.db")}`;
  importing = await openStore(url, { busyWaitMs: 60_000 });
  // The server's store, patient here so that the test shows order, not speed.
  serving = await openStore(url, { busyWaitMs: 60_000 });
  await serving.saveSections([{ slug: "city", name: "City" }]);
});
afterEach(async () => {
  await importing.close();
  await serving.close();
  rmSync(dir, { recursive: true, force: true });
});

const story = (slug: string, headline: string) => ({
  slug,
  headline,
  section: "city",
  authors: [],
  tags: [],
  publishedAt: "2026-11-24T06:00:00.000Z",
  updatedAt: "2026-11-24T06:00:00.000Z",
  body: [{ type: "paragraph" as const, text: `The story of ${headline}.` }],
});

it("a write from another connection lands between the import's batches, before the import ends", async () => {
  const count = IMPORT_BATCH_SIZE * 2 + 10;
  mkdirSync(join(dir, "in"));
  for (let i = 0; i < count; i++)
    writeFileSync(join(dir, "in", `${i}.json`), JSON.stringify(story(`imported-${i}`, `Imported story ${i}`)));

  let imported = false;
  const run = runImport([join(dir, "in")], importing, "https://news.example").then((result) => {
    imported = true;
    return result;
  });
  // Once the first batch is in, the server writes.
  await expect.poll(() => serving.countStories(), { interval: 5, timeout: 30_000 }).toBeGreaterThan(0);
  const { outcomes } = await serving.saveStories([story("written-meanwhile", "Written while the import ran")]);
  expect(outcomes).toEqual([{ slug: "written-meanwhile", outcome: "created" }]);
  expect(imported).toBe(false);

  const { exitCode, output } = await run;
  expect(exitCode).toBe(0);
  expect(output).toContain(`Stories: ${count} created, 0 updated, 0 unchanged.`);
  expect(await serving.countStories()).toBe(count + 1);
}, 60_000);
