// npm run export: every story of a store (published and held) with all that belongs to it, the
// shared records, the accounts without their secrets, and every media file the stories use, written
// as the folder exportFormat.ts describes. Read in one transaction, so the export is one moment of
// the store even while a server writes.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { Kysely, Transaction } from "kysely";
import type { MediaStore } from "../media/mediaStore";
import { uploadKey, uploadRecordKey } from "../media/uploadPaths";
import type { Engine } from "../store/engine";
import type { Database } from "../store/schema";
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportedStory,
  MANIFEST_FILE,
  type Manifest,
  MEDIA_DIR,
  PUBLIC_DIR,
  STORIES_DIR,
} from "./exportFormat";
import { mediaPaths, uploadIdOf } from "./storyMedia";

type Trx = Transaction<Database>;

export interface ExportOptions {
  db: Kysely<Database>;
  engine: Engine;
  media: MediaStore;
  /** The public folder site pictures are read from. */
  publicDir: string;
  /** The folder to write: absent or empty. */
  dir: string;
  now?: Date;
}

export class ExportError extends Error {
  override name = "ExportError";
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Writes the export; returns its manifest. */
export async function exportNewsroom({ db, engine, media, publicDir, dir, now = new Date() }: ExportOptions) {
  const target = resolve(dir);
  if (existsSync(target) && (await readdir(target)).length > 0)
    throw new ExportError(`${target} is not empty: export into a new or empty folder`);

  const read = (work: (trx: Trx) => Promise<Snapshot>) =>
    engine === "postgres"
      ? db.transaction().setIsolationLevel("repeatable read").execute(work)
      : db.transaction().execute(work);
  const snapshot = await read(readSnapshot);

  await mkdir(join(target, STORIES_DIR), { recursive: true });
  const written: { path: string; sha256: string }[] = [];
  const missing: string[] = [];
  const paths = new Set<string>();
  for (const story of snapshot.stories) mediaPaths(story, paths);
  const put = async (path: string, bytes: Buffer) => {
    const file = join(target, MEDIA_DIR, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
    written.push({ path, sha256: createHash("sha256").update(bytes).digest("hex") });
  };
  const seen = new Set<string>();
  const exportPath = async (src: string): Promise<void> => {
    if (seen.has(src)) return;
    seen.add(src);
    const key = uploadKey(src);
    if (key) {
      const bytes = await media.read(key);
      if (!bytes) return void missing.push(src);
      await put(key, bytes);
      const id = uploadIdOf(src);
      const record = id ? await media.read(uploadRecordKey(id)) : undefined;
      if (id && record && !seen.has(uploadRecordKey(id))) {
        seen.add(uploadRecordKey(id));
        await put(uploadRecordKey(id), record);
        const poster = (JSON.parse(record.toString("utf8")) as { poster?: unknown }).poster;
        if (typeof poster === "string") await exportPath(poster);
      }
      return;
    }
    if (src.startsWith("/uploads/")) return void missing.push(src);
    const root = resolve(publicDir);
    const file = resolve(root, `.${src}`);
    if (!file.startsWith(root + sep)) return void missing.push(src);
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) return void missing.push(src);
    await put(`${PUBLIC_DIR}${src}`, bytes);
  };
  for (const src of [...paths].sort()) await exportPath(src);

  for (const story of snapshot.stories) await writeFile(join(target, STORIES_DIR, `${story.slug}.json`), json(story));
  await writeFile(join(target, "sections.json"), json(snapshot.sections));
  await writeFile(join(target, "authors.json"), json(snapshot.authors));
  await writeFile(join(target, "tags.json"), json(snapshot.tags));
  await writeFile(join(target, "accounts.json"), json(snapshot.accounts));
  const published = snapshot.stories.filter((story) => story.status === "published").length;
  const manifest: Manifest = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    engine,
    counts: {
      stories: snapshot.stories.length,
      published,
      held: snapshot.stories.length - published,
      accounts: snapshot.accounts.length,
      mediaFiles: written.length,
    },
    media: written.sort((a, b) => (a.path < b.path ? -1 : 1)),
    missingMedia: missing.sort(),
  };
  // Last: a folder with a manifest is a whole export.
  await writeFile(join(target, MANIFEST_FILE), json(manifest));
  return manifest;
}

interface Snapshot {
  sections: { slug: string; name: string }[];
  authors: { slug: string; name: string }[];
  tags: { slug: string; name: string }[];
  accounts: { id: string; email: string; name: string; role: string; createdAt: string }[];
  stories: ExportedStory[];
}

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

const by = (id: string | null, name: string | null) => (id === null ? null : { id, name: name ?? "" });

async function readSnapshot(trx: Trx): Promise<Snapshot> {
  const [sections, authors, tags, accounts, rows, drafts, storyAuthors, storyTags] = await Promise.all([
    trx.selectFrom("sections").select(["slug", "name"]).orderBy("position").execute(),
    trx.selectFrom("authors").select(["slug", "name"]).orderBy("slug").execute(),
    trx.selectFrom("tags").select(["slug", "name"]).orderBy("slug").execute(),
    // Never a password hash, session, passkey, invitation or key: only who they are.
    trx.selectFrom("accounts").select(["id", "email", "name", "role", "created_at"]).orderBy("created_at").execute(),
    trx
      .selectFrom("stories")
      .select([
        "slug",
        "kicker",
        "headline",
        "deck",
        "section_slug",
        "published_at",
        "updated_at",
        "image_json",
        "body_json",
        "content_hash",
      ])
      .orderBy("slug")
      .execute(),
    trx.selectFrom("story_drafts").selectAll().orderBy("slug").execute(),
    trx
      .selectFrom("story_authors")
      .innerJoin("authors", "authors.slug", "story_authors.author_slug")
      .select(["story_authors.story_slug", "authors.slug", "authors.name"])
      .orderBy("story_authors.story_slug")
      .orderBy("story_authors.position")
      .execute(),
    trx
      .selectFrom("story_tags")
      .innerJoin("tags", "tags.slug", "story_tags.tag_slug")
      .select(["story_tags.story_slug", "tags.slug", "tags.name"])
      .orderBy("story_tags.story_slug")
      .orderBy("story_tags.position")
      .execute(),
  ]);
  const [owners, redirects, coverage, entries, revisions, links, views] = await Promise.all([
    trx.selectFrom("story_owners").selectAll().execute(),
    trx.selectFrom("slug_redirects").selectAll().orderBy("from_slug").execute(),
    trx.selectFrom("live_coverage").selectAll().execute(),
    trx.selectFrom("live_entries").selectAll().orderBy("story_slug").orderBy("id").execute(),
    trx.selectFrom("story_revisions").selectAll().orderBy("story_slug").orderBy("revision").execute(),
    trx.selectFrom("related_links").selectAll().orderBy("owner_slug").orderBy("position").execute(),
    trx.selectFrom("story_views").selectAll().orderBy("story_slug").orderBy("hour").execute(),
  ]);
  const ownerOf = new Map(owners.map((row) => [row.story_slug, row.account_id]));
  const redirectsTo = groupBy(redirects, (row) => row.to_slug);
  const coverageOf = new Map(coverage.map((row) => [row.story_slug, row]));
  const entriesOf = groupBy(entries, (row) => row.story_slug);
  const revisionsOf = groupBy(revisions, (row) => row.story_slug);
  const linksOf = groupBy(links, (row) => row.owner_slug);
  const viewsOf = groupBy(views, (row) => row.story_slug);
  const authorsOf = groupBy(storyAuthors, (row) => row.story_slug);
  const tagsOf = groupBy(storyTags, (row) => row.story_slug);

  const common = (slug: string) => ({
    owner: ownerOf.get(slug) ?? null,
    oldSlugs: (redirectsTo.get(slug) ?? []).map((row) => ({ slug: row.from_slug, since: String(row.created_at) })),
    live: ((row) => (row ? { startedAt: row.started_at, endedAt: row.ended_at } : null))(coverageOf.get(slug)),
    entries: (entriesOf.get(slug) ?? []).map((row) => ({
      id: Number(row.id),
      postedAt: row.posted_at,
      updatedAt: row.updated_at,
      headline: row.headline,
      body: JSON.parse(row.body_json),
      pinned: Number(row.pinned) === 1,
      by: by(row.author_id, row.author_name),
    })),
    revisions: (revisionsOf.get(slug) ?? []).map((row) => ({
      revision: Number(row.revision),
      savedAt: row.saved_at,
      contentHash: row.content_hash,
      story: JSON.parse(row.story_json),
      by: by(row.author_id, row.author_name),
    })),
    relatedLinks: (linksOf.get(slug) ?? []).map((row) => ({
      position: Number(row.position),
      headline: row.headline,
      target: row.target_slug,
    })),
    views: (viewsOf.get(slug) ?? []).map((row) => ({ hour: row.hour, views: Number(row.views) })),
  });
  const refs = (rows: { slug: string; name: string }[] | undefined) =>
    (rows ?? []).map(({ slug, name }) => ({ slug, name }));

  const published: ExportedStory[] = rows.map((row) => ({
    slug: row.slug,
    status: "published",
    publishAt: null,
    savedAt: null,
    story: {
      slug: row.slug,
      ...(row.kicker === null ? {} : { kicker: row.kicker }),
      headline: row.headline,
      ...(row.deck === null ? {} : { deck: row.deck }),
      section: row.section_slug,
      authors: refs(authorsOf.get(row.slug)),
      tags: refs(tagsOf.get(row.slug)),
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
      ...(row.image_json === null ? {} : { image: JSON.parse(row.image_json) }),
      body: JSON.parse(row.body_json),
    },
    contentHash: row.content_hash,
    held: null,
    ...common(row.slug),
  }));
  const held: ExportedStory[] = drafts.map((row) => ({
    slug: row.slug,
    status: row.status as ExportedStory["status"],
    publishAt: row.publish_at,
    savedAt: row.saved_at,
    story: JSON.parse(row.story_json),
    contentHash: null,
    held: row.held_json === null ? null : JSON.parse(row.held_json),
    ...common(row.slug),
  }));
  return {
    sections,
    authors,
    tags,
    accounts: accounts.map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      createdAt: row.created_at,
    })),
    stories: [...published, ...held].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)),
  };
}
