// npm run backup -- FILE and npm run export -- DIR (through scripts/run-source.ts): the
// store named by DATABASE_URL, the media by MEDIA_URL. Import is `npm run import -- DIR`
// (src/import/cli.ts hands an export folder to importNewsroom.ts).
import { resolve } from "node:path";
import { readConfig } from "../config";
import { openMediaStore } from "../media/mediaStore";
import { engineOf } from "../store/engine";
import { connect, openStore } from "../store/openStore";
import { BackupError, backupSqlite } from "./backupSqlite";
import { ExportError, exportNewsroom } from "./exportNewsroom";

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

export async function exportMain(argv: string[], env: Record<string, string | undefined> = process.env) {
  const [dir, ...rest] = argv;
  if (!dir || rest.length > 0) {
    console.error(
      "Usage: npm run export -- DIR   (a new or empty folder: every story, its media, the accounts without secrets)",
    );
    return 2;
  }
  const config = readConfig(env);
  // Opened once through the store, so its schema is brought up to date, then read as it is.
  await (await openStore(config.databaseUrl)).close();
  const db = connect(config.databaseUrl);
  try {
    const manifest = await exportNewsroom({
      db,
      engine: engineOf(config.databaseUrl),
      media: openMediaStore(config.mediaUrl),
      publicDir: resolve("public"),
      dir,
    });
    const { stories, published, held, accounts, mediaFiles } = manifest.counts;
    console.log(
      `exported ${stories} stories (${published} published, ${held} held), ${accounts} accounts and ${mediaFiles} media files to ${resolve(dir)}`,
    );
    for (const src of manifest.missingMedia) console.error(`export: ${src} is named by a story but was not found`);
    return 0;
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    console.error(`export: ${error.message}`);
    return 1;
  } finally {
    await db.destroy();
  }
}
