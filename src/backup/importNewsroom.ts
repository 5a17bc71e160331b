// npm run import -- DIR (a folder with an export's manifest): restores a newsroom's export
// (exportFormat.ts) into a store of either engine, as it was: stories published and held with their
// dates, revisions, live coverage and entries (their ids too, which pages link to), redirects, owners,
// views, the shared records and the accounts (without secrets: each signs in again by invitation).
// Everything is read and checked first; the store is written in one transaction, so bad input
// writes nothing and a failure leaves the store as it was. Media go first, into the media store
// (uploads, named by their bytes, so a file written for an import that then fails harms nothing) and
// into the public folder (site pictures it lacks).
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { type Kysely, sql, type Transaction } from "kysely";
import type { z } from "zod";
import type { MediaStore } from "../media/mediaStore";
import { UPLOAD_TYPES, type UploadExtension } from "../media/uploadPaths";
import { EVERYTHING } from "../model/dependencies";
import { normalizeHeadline } from "../model/headlineMatch";
import { searchTerms } from "../model/searchTerms";
import { searchText } from "../model/searchText";
import { hasPlayableVideo } from "../model/story";
import type { Engine } from "../store/engine";
import type { Database } from "../store/schema";
import { STORY_TABLES } from "../store/storyStore";
import { linkNamesAndHeadline } from "../store/storyWrites";
import {
  accountsFileSchema,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportedStory,
  exportedStorySchema,
  MANIFEST_FILE,
  type Manifest,
  MEDIA_DIR,
  manifestSchema,
  namedRefsFileSchema,
  PUBLIC_DIR,
  STORIES_DIR,
  sectionsFileSchema,
  UPLOADS_DIR,
} from "./exportFormat";
import { mediaPaths } from "./storyMedia";

type Trx = Transaction<Database>;

export class ImportError extends Error {
  override name = "ImportError";
}

/** Whether `dir` is an export (it has a manifest): what `npm run import` checks to know which import it runs. */
export const isExportFolder = (dir: string): boolean => existsSync(join(dir, MANIFEST_FILE));

export interface ImportOptions {
  db: Kysely<Database>;
  engine: Engine;
  media: MediaStore;
  publicDir: string;
  dir: string;
  /** Replace the stories a store already holds (and its sections, authors, tags); without it such a store is refused. */
  replace?: boolean;
}

export interface ImportSummary {
  stories: number;
  published: number;
  held: number;
  accounts: number;
  uploads: number;
  publicFiles: number;
}

async function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): Promise<T> {
  let text: string;
  try {
    text = await readFile(join(dir, file), "utf8");
  } catch {
    throw new ImportError(`${file}: missing from the export`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`${file}: not JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError(
      `${file}: ${issue?.path.join(".") || "(top)"}: ${issue?.message ?? "not as the format says"}`,
    );
  }
  // The file's own values, not the schema's output: restored as exported, byte for byte.
  return value as T;
}

export async function importNewsroom({
  db,
  engine,
  media,
  publicDir,
  dir,
  replace = false,
}: ImportOptions): Promise<ImportSummary> {
  const root = resolve(dir);
  const manifest = await readManifest(root);
  const sections = await readJson(root, "sections.json", sectionsFileSchema);
  const authors = await readJson(root, "authors.json", namedRefsFileSchema);
  const tags = await readJson(root, "tags.json", namedRefsFileSchema);
  const accounts = await readJson(root, "accounts.json", accountsFileSchema);
  const names = (await readdir(join(root, STORIES_DIR)).catch(() => [])).filter((name) => name.endsWith(".json"));
  const stories: ExportedStory[] = [];
  for (const name of names.sort()) {
    const story = await readJson(root, `${STORIES_DIR}/${name}`, exportedStorySchema);
    if (`${story.slug}.json` !== name || story.story.slug !== story.slug)
      throw new ImportError(`${STORIES_DIR}/${name}: its slug (${story.slug}) is not its file's name`);
    stories.push(story);
  }
  if (stories.length !== manifest.counts.stories)
    throw new ImportError(
      `${STORIES_DIR}/: ${stories.length} stories, the manifest says ${manifest.counts.stories}: an incomplete export`,
    );
  checkReferences(stories, { sections, authors, tags });
  const files = await checkMedia(root, manifest, stories);
  const publicFiles = await publicFilesToCopy(root, resolve(publicDir), files.public);

  const held = stories.filter((story) => story.status !== "published").length;
  const summary: ImportSummary = {
    stories: stories.length,
    published: stories.length - held,
    held,
    accounts: accounts.length,
    uploads: files.uploads.length,
    publicFiles: publicFiles.length,
  };
  if (!replace) await refuseNonEmpty(db);

  for (const path of files.uploads) {
    const ext = (path.split(".").pop() ?? "") as UploadExtension;
    await media.put(path, { file: join(root, MEDIA_DIR, path) }, UPLOAD_TYPES[ext] ?? "application/octet-stream");
  }
  for (const { from, to } of publicFiles) {
    await mkdir(dirname(to), { recursive: true });
    await copyFile(from, to);
  }

  await db
    .transaction()
    .execute(async (trx) => {
      if (replace) await clearStories(trx);
      else await refuseNonEmpty(trx);
      await restore(trx, engine, { sections, authors, tags, accounts, stories });
    })
    .catch((error: Error) => {
      if (error instanceof ImportError) throw error;
      // An account's email taken by another account of this store, say: the transaction rolled back.
      throw new ImportError(`the store refused the export (${error.message}); nothing was written to it`);
    });
  return summary;
}

/** Each story's section, authors and tags are among the export's, by the same names. */
function checkReferences(
  stories: ExportedStory[],
  shared: Record<"sections" | "authors" | "tags", { slug: string; name: string }[]>,
): void {
  const names = (rows: { slug: string; name: string }[]) => new Map(rows.map((row) => [row.slug, row.name]));
  const sections = names(shared.sections);
  const authors = names(shared.authors);
  const tags = names(shared.tags);
  for (const { slug, status, story } of stories) {
    const file = `${STORIES_DIR}/${slug}.json`;
    if (!sections.has(story.section))
      throw new ImportError(`${file}: section ${story.section} is not in sections.json`);
    if (status !== "published") continue;
    for (const [kind, refs, known] of [
      ["authors", story.authors, authors],
      ["tags", story.tags, tags],
    ] as const)
      for (const ref of refs)
        if (known.get(ref.slug) !== ref.name)
          throw new ImportError(
            `${file}: ${kind.slice(0, -1)} ${ref.slug} is not in ${kind}.json as ${JSON.stringify(ref.name)}`,
          );
  }
}

async function readManifest(root: string): Promise<Manifest> {
  if (!existsSync(join(root, MANIFEST_FILE)))
    throw new ImportError(`${root}: no ${MANIFEST_FILE}, so not an export (or one that did not finish)`);
  const raw = JSON.parse(await readFile(join(root, MANIFEST_FILE), "utf8").catch(() => "null")) as {
    format?: unknown;
    version?: unknown;
  } | null;
  if (raw?.format !== EXPORT_FORMAT) throw new ImportError(`${MANIFEST_FILE}: not a ${EXPORT_FORMAT} manifest`);
  if (raw.version !== EXPORT_VERSION)
    throw new ImportError(
      `${MANIFEST_FILE}: format version ${String(raw.version)}; this program reads version ${EXPORT_VERSION}`,
    );
  return readJson(root, MANIFEST_FILE, manifestSchema);
}

/** Every media file is there with the bytes the manifest says, and every file a story names was exported (or missing then). */
async function checkMedia(
  root: string,
  manifest: Manifest,
  stories: ExportedStory[],
): Promise<{ uploads: string[]; public: string[] }> {
  const base = join(root, MEDIA_DIR);
  for (const { path, sha256 } of manifest.media) {
    const file = resolve(base, path);
    if (!file.startsWith(base + sep) || path.split("/").includes(".."))
      throw new ImportError(`${MANIFEST_FILE}: media path ${path} is outside media/`);
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) throw new ImportError(`${MEDIA_DIR}/${path}: missing from the export`);
    if (createHash("sha256").update(bytes).digest("hex") !== sha256)
      throw new ImportError(`${MEDIA_DIR}/${path}: its bytes are not those exported (damaged or changed)`);
  }
  const listed = new Set(manifest.media.map((file) => file.path));
  const missing = new Set(manifest.missingMedia);
  for (const story of stories)
    for (const src of mediaPaths(story)) {
      const path = src.startsWith("/uploads/") ? src.slice(1) : `${PUBLIC_DIR}${src}`;
      if (!listed.has(path) && !missing.has(src))
        throw new ImportError(`${STORIES_DIR}/${story.slug}.json names ${src}, which the export does not hold`);
    }
  return {
    uploads: [...listed].filter((path) => path.startsWith(`${UPLOADS_DIR}/`)),
    public: [...listed].filter((path) => path.startsWith(`${PUBLIC_DIR}/`)),
  };
}

/** Site pictures the public folder lacks (to copy in); one it holds with other bytes is refused. */
async function publicFilesToCopy(
  root: string,
  publicDir: string,
  paths: string[],
): Promise<{ from: string; to: string }[]> {
  const copies: { from: string; to: string }[] = [];
  for (const path of paths) {
    const from = join(root, MEDIA_DIR, path);
    const to = resolve(publicDir, path.slice(PUBLIC_DIR.length + 1));
    if (!to.startsWith(publicDir + sep)) throw new ImportError(`${MEDIA_DIR}/${path}: outside the public folder`);
    const here = await readFile(to).catch(() => undefined);
    if (!here) copies.push({ from, to });
    else if (!here.equals(await readFile(from)))
      throw new ImportError(
        `${path.slice(PUBLIC_DIR.length)}: the public folder has another picture at this path than the export's (${MEDIA_DIR}/${path}); ` +
          "put the export's there, or move one of them",
      );
  }
  return copies;
}

async function refuseNonEmpty(db: Pick<Kysely<Database>, "selectFrom">): Promise<void> {
  const published = await db.selectFrom("stories").select("slug").limit(1).executeTakeFirst();
  const held = await db.selectFrom("story_drafts").select("slug").limit(1).executeTakeFirst();
  if (published || held)
    throw new ImportError(
      "the store already holds stories: import into a new store, or add --replace to replace its stories with the export's",
    );
}

/** What --replace takes away: every story and all that hangs on one, and the sections, authors and tags. */
async function clearStories(trx: Trx): Promise<void> {
  for (const table of STORY_TABLES) await trx.deleteFrom(table).execute();
  await trx.deleteFrom("stories").execute();
  await trx.deleteFrom("sections").execute();
  await trx.deleteFrom("authors").execute();
  await trx.deleteFrom("tags").execute();
}

async function restore(
  trx: Trx,
  engine: Engine,
  {
    sections,
    authors,
    tags,
    accounts,
    stories,
  }: {
    sections: { slug: string; name: string }[];
    authors: { slug: string; name: string }[];
    tags: { slug: string; name: string }[];
    accounts: z.infer<typeof accountsFileSchema>;
    stories: ExportedStory[];
  },
): Promise<void> {
  const { version } = await trx
    .updateTable("store_version")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", 1)
    .returning("version")
    .executeTakeFirstOrThrow();
  // A store with no stories may still have sections, authors and tags: the export's names win.
  for (const [position, section] of sections.entries())
    await trx
      .insertInto("sections")
      .values({ ...section, position })
      .onConflict((oc) => oc.column("slug").doUpdateSet({ name: section.name, position }))
      .execute();
  for (const [table, refs] of [
    ["authors", authors],
    ["tags", tags],
  ] as const)
    for (const ref of refs)
      await trx
        .insertInto(table)
        .values(ref)
        .onConflict((oc) => oc.column("slug").doUpdateSet({ name: ref.name }))
        .execute();
  for (const account of accounts)
    await trx
      .insertInto("accounts")
      .values({
        id: account.id,
        email: account.email,
        name: account.name,
        role: account.role,
        password_hash: null,
        created_at: account.createdAt,
      })
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();

  for (const { slug, status, story, contentHash } of stories) {
    if (status !== "published") continue;
    const text = searchText(story);
    await trx
      .insertInto("stories")
      .values({
        slug,
        kicker: story.kicker ?? null,
        headline: story.headline,
        deck: story.deck ?? null,
        section_slug: story.section,
        published_at: story.publishedAt,
        updated_at: story.updatedAt,
        image_json: story.image ? JSON.stringify(story.image) : null,
        has_video: hasPlayableVideo(story.body) ? 1 : 0,
        body_json: JSON.stringify(story.body),
        content_hash: contentHash,
        search_text: text,
        headline_terms: searchTerms(story.headline),
        text_terms: searchTerms(text),
        headline_key: normalizeHeadline(story.headline),
      })
      .execute();
    await linkNamesAndHeadline(trx, slug, story.publishedAt, story);
  }

  for (const story of stories) {
    const { slug } = story;
    if (story.status !== "published")
      await trx
        .insertInto("story_drafts")
        .values({
          slug,
          status: story.status,
          publish_at: story.publishAt,
          saved_at: story.savedAt ?? new Date().toISOString(),
          story_json: JSON.stringify(story.story),
          held_json: story.held === null ? null : JSON.stringify(story.held),
        })
        .execute();
    if (story.owner !== null)
      await trx.insertInto("story_owners").values({ story_slug: slug, account_id: story.owner }).execute();
    for (const old of story.oldSlugs)
      await trx
        .insertInto("slug_redirects")
        .values({ from_slug: old.slug, to_slug: slug, created_at: old.since })
        .execute();
    if (story.live)
      await trx
        .insertInto("live_coverage")
        .values({ story_slug: slug, started_at: story.live.startedAt, ended_at: story.live.endedAt })
        .execute();
    for (const entry of story.entries)
      await trx
        .insertInto("live_entries")
        .values({
          id: entry.id,
          story_slug: slug,
          posted_at: entry.postedAt,
          updated_at: entry.updatedAt,
          headline: entry.headline,
          body_json: JSON.stringify(entry.body),
          pinned: entry.pinned ? 1 : 0,
          author_id: entry.by?.id ?? null,
          author_name: entry.by?.name ?? null,
        })
        .execute();
    for (const revision of story.revisions)
      await trx
        .insertInto("story_revisions")
        .values({
          story_slug: slug,
          revision: revision.revision,
          saved_at: revision.savedAt,
          content_hash: revision.contentHash,
          story_json: JSON.stringify(revision.story),
          author_id: revision.by?.id ?? null,
          author_name: revision.by?.name ?? null,
        })
        .execute();
    for (const link of story.relatedLinks)
      await trx
        .insertInto("related_links")
        .values({
          owner_slug: slug,
          position: link.position,
          headline: link.headline,
          headline_key: normalizeHeadline(link.headline),
          target_slug: link.target,
        })
        .execute();
    if (story.views.length > 0)
      await trx
        .insertInto("story_views")
        .values(story.views.map((view) => ({ story_slug: slug, hour: view.hour, views: view.views })))
        .execute();
  }
  // Entries keep their ids (pages link to them): the next entry posted takes the next one.
  if (engine === "postgres")
    await sql`select setval(pg_get_serial_sequence('live_entries', 'id'), coalesce(max(id), 1), max(id) is not null) from live_entries`.execute(
      trx,
    );
  // Every server on this store forgets what it rendered before (docs/decisions/026).
  await trx.insertInto("answer_invalidations").values({ version, keys: EVERYTHING }).execute();
}
