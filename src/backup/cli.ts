// npm run backup -- FILE (scripts/backup.ts): the store named by DATABASE_URL.
import { readConfig } from "../config";
import { BackupError, backupSqlite } from "./backupSqlite";

export async function backupMain(argv: string[], env: Record<string, string | undefined> = process.env) {
  const [file, ...rest] = argv;
  if (!file || rest.length > 0) {
    console.error("Usage: npm run backup -- FILE   (a new file: the SQLite store copied as of one moment)");
    return 2;
  }
  try {
    const { file: written, pages } = await backupSqlite(readConfig(env).databaseUrl, file);
    console.log(`backed up the store to ${written} (${pages} pages; integrity check ok)`);
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`backup: ${error.message}`);
    return 1;
  }
}
