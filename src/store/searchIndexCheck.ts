// Test support: checks that an SQLite store's search index is whole. FTS5's own integrity check
// compares stories_fts with the stories it indexes; then every story must have a search_key in the
// bucket of its published_at (see searchKey.ts). Throws on the first fault. Not part of the app.
import SQLite from "better-sqlite3";
import { SLOT_BITS, searchBucket } from "./searchKey";

export function checkSqliteSearchIndex(databaseUrl: string): void {
  const db = new SQLite(databaseUrl.slice("file:".length));
  try {
    db.prepare("insert into stories_fts(stories_fts, rank) values ('integrity-check', 1)").run();
    const misplaced = db
      .prepare(
        `select slug, published_at, search_key from stories
         where search_key is null or (search_key >> ${SLOT_BITS}) != ${searchBucket("published_at")}`,
      )
      .all();
    if (misplaced.length > 0) throw new Error(`stories without their search_key: ${JSON.stringify(misplaced)}`);
  } finally {
    db.close();
  }
}
