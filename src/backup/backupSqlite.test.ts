// npm run backup on a store a real server keeps writing: the copy holds every story committed
// before the backup began, passes SQLite's integrity check, and opens as a store.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../server/testServer";
import { openStore } from "../store/openStore";
import { publisher, storyDraft, TEST_TOKEN } from "../test/publishing";
import { backupMain } from "./cli";

describe("npm run backup", () => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: TEST_TOKEN });
    dir = mkdtempSync(join(tmpdir(), "dispatch-backup-"));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("copies the store while the server publishes, with every story committed before it began", async () => {
    const { put } = publisher(server.url);
    const committed: string[] = [];
    let stop = false;
    let n = 0;
    // A newsroom at work: stories published one after another until the backup is done.
    const publishing = (async () => {
      while (!stop) {
        const slug = `busy-newsroom-${++n}`;
        const answer = await put(slug, storyDraft({ headline: `A story filed while the backup runs, number ${n}` }));
        expect(answer.status).toBe(201);
        committed.push(slug);
      }
    })();
    while (committed.length < 5) await new Promise((resolve) => setTimeout(resolve, 20));

    const before = [...committed];
    const file = join(dir, "copy.db");
    const env = { DATABASE_URL: server.databaseUrl };
    expect(await backupMain([file], env)).toBe(0);
    const during = committed.length;
    while (committed.length < during + 3) await new Promise((resolve) => setTimeout(resolve, 20));
    stop = true;
    await publishing;

    const copy = new SQLite(file, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      const slugs = new Set(copy.prepare("select slug from stories").pluck().all() as string[]);
      for (const slug of before) expect(slugs.has(slug), slug).toBe(true);
      // The server went on publishing after the copy was taken; the copy is of its moment.
      expect(slugs.has(committed.at(-1) as string)).toBe(false);
      expect(slugs.size).toBeGreaterThan(before.length);
    } finally {
      copy.close();
    }
    // And it is a store: a server could start on it and read a story published before.
    const store = await openStore(`file:${file}`);
    try {
      expect((await store.getStory(before[0] as string))?.headline).toBe(
        "A story filed while the backup runs, number 1",
      );
    } finally {
      await store.close();
    }
  });

  it("refuses PostgreSQL, pointing at pg_dump, and never overwrites a file", async () => {
    const errors: string[] = [];
    const error = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      expect(await backupMain([join(dir, "pg.db")], { DATABASE_URL: "postgres://db.internal/news" })).toBe(1);
      const existing = join(dir, "existing.db");
      writeFileSync(existing, "keep me");
      expect(await backupMain([existing], { DATABASE_URL: server.databaseUrl })).toBe(1);
    } finally {
      console.error = error;
    }
    expect(errors[0]).toContain("pg_dump");
    expect(errors[1]).toContain("exists");
  });
});
