// The story store: the one interface the rest of Dispatch uses to read and write stories.
// It speaks Kysely only, so the engine behind it (SQLite or PostgreSQL) is a connection detail.

import { type Kysely, sql, type Transaction } from "kysely";
import { TOKEN_AUTHOR, type WriteAuthor } from "../model/account";
import { ApiError } from "../model/apiError";
import type { AuthoredCorrection } from "../model/authorship";
import type { LoggedChange } from "../model/change";
import {
  authorKey,
  EVERYTHING,
  MAX_KEYS_PER_WRITE,
  STORIES,
  storyKey,
  storyWriteKeys,
  tagKey,
} from "../model/dependencies";
import { findStoryByHeadline } from "../model/headlineMatch";
import type { NewsroomAuthor, NewsroomStory, NewsroomStoryParams } from "../model/newsroomStories";
import type { RevisionPage } from "../model/revision";
import type { SearchPhase, SearchPosition } from "../model/search";
import {
  type Block,
  hasPlayableVideo,
  type NamedRef,
  type Section,
  type Story,
  type StoryInput,
  type StorySummary,
  slugSchema,
} from "../model/story";
import type { StoryListQuery } from "../model/storyList";
import type { HeldStatus, HeldStory } from "../model/storyStatus";
import { type AccountStore, accountStore } from "./accounts";
import { changeLogBounds, changesAfter, recordChange } from "./changes";
import { correctionAuthors } from "./correctionAuthors";
import type { Engine } from "./engine";
import { type FullStory, fullStories, namedRefsOf, wholeStory } from "./fullStories";
import { keptQuery } from "./keptPlans";
import {
  type LiveEntryReads,
  type LiveEntryWrites,
  liveEntryReads,
  liveEntryWrites,
  moveLiveCoverage,
  setLive,
} from "./liveEntries";
import { newsroomAuthors, newsroomStories } from "./newsroomStories";
import { type HeadlineResolver, indexOwnLinks, linkWaitingHeadlines } from "./relatedLinks";
import { type Renamed, renameRef, type SharedRecord } from "./renameRefs";
import { type RequestCount, requestCounts } from "./requestCounts";
import { dropRevisions, keepRevision, listRevisions } from "./revisions";
import type { Database, StoryRow } from "./schema";
import { search } from "./search";
import { type SitemapReads, sitemapReads } from "./sitemapReads";
import {
  earlierStoriesChanged,
  listStories,
  mostRead,
  movedTo,
  relatedStories,
  storyPageRow,
  toSummary,
} from "./storyReads";
import {
  anyDue,
  claimScheduled,
  dropHeld,
  dueSlugs,
  heldStory,
  holdStory,
  latestRevision,
  releaseHeld,
  restoreHeld,
  staleVersion,
  withSharedNames,
} from "./storyWorkflow";
import { deleteStory, moveStory, type SaveOutcome, storyExists, writeStory } from "./storyWrites";
import { touch, touchedBy } from "./touchedKeys";

export type StoryToSave = StoryInput & { movedFrom?: string };

/** The sections, in navigation order: read by every page. */
const sectionsQuery = keptQuery((db: Kysely<Database>) =>
  db.selectFrom("sections").select(["slug", "name"]).orderBy("position"),
);

/** The version a write edits (If-Match): the story at `slug` is at this revision, else 412. */
export interface ExpectedRevision {
  slug: string;
  revision: number;
}

/** Thrown inside a claim's transaction to roll it back when another server claimed first. */
const NOTHING_CLAIMED = Symbol("nothing claimed");

export interface SaveReport {
  outcomes: { slug: string; outcome: SaveOutcome }[];
  /** Related headlines linked to a story by this save. */
  linked: number;
}

/** A story as the store keeps it: everything but its absolute URL, which belongs to the site. */
export type StoredStory = Omit<Story, "url">;

export interface StoryStore extends LiveEntryWrites, LiveEntryReads {
  listSections(): Promise<Section[]>;
  saveSections(sections: Section[]): Promise<void>;
  listStories(query: StoryListQuery): Promise<{ items: StorySummary[]; nextCursor: string | null }>;
  /** The story at this slug, following a redirect left by a slug change; null when there is none. */
  getStory(slug: string): Promise<StoredStory | null>;
  /** These stories whole but for related stories, in the order given, in three queries (store/fullStories.ts). */
  fullStories(slugs: string[]): Promise<FullStory[]>;
  /** Stories in publication order by spans of the publication index, for sitemaps (store/sitemapReads.ts). */
  sitemaps: SitemapReads;
  /**
   * Writes these stories, all or none, in one transaction: a story with a known slug is replaced,
   * one given with `movedFrom` leaves a permanent redirect at its old slug. Afterwards a related
   * headline linking a slug that leads nowhere is unlinked, and every unlinked one that
   * `linkHeadlines` resolves is linked.
   */
  saveStories(
    stories: StoryToSave[],
    options?: { linkHeadlines?: HeadlineResolver; author?: WriteAuthor; expectRevision?: ExpectedRevision },
  ): Promise<SaveReport>;
  /**
   * Keeps a story from readers as a draft, a scheduled story (out at `publishAt`) or an unpublished
   * one, taking it down first when it was published (store/storyWorkflow.ts, docs/decisions/037).
   */
  holdStory(
    story: StoryInput,
    workflow: { status: HeldStatus; publishAt?: string; expectRevision?: ExpectedRevision; author?: WriteAuthor },
    now?: Date,
  ): Promise<{ outcome: SaveOutcome }>;
  /** The story at this slug as held from readers; null when it is published or there is none. */
  heldStory(slug: string): Promise<HeldStory | null>;
  /** The latest revision kept of the story at exactly this slug, 0 when none. */
  latestRevision(slug: string): Promise<number>;
  /** Every story, held or published, newest change first, for the newsroom (store/newsroomStories.ts). */
  newsroomStories(params: NewsroomStoryParams): Promise<NewsroomStory[]>;
  /** Every author a story names, held or published, by name: the newsroom's author filter. */
  newsroomAuthors(): Promise<NewsroomAuthor[]>;
  /** Publishes every scheduled story whose time has come, each once across every server; returns their slugs. */
  publishDue(now: Date): Promise<string[]>;
  /** The story as readers will see it once published, held or not (a preview); null when there is none. */
  previewStory(slug: string): Promise<StoredStory | null>;
  /** Records a preview link's digest for this story until `expiresAt`. */
  createPreview(slug: string, tokenHash: string, expiresAt: Date): Promise<void>;
  /** The story a preview link shows while it has not expired; null otherwise. */
  previewOf(tokenHash: string, now: Date): Promise<string | null>;
  /** Deletes the story at this slug, and its revisions; false when there was none. */
  deleteStory(slug: string): Promise<boolean>;
  /** The revisions kept of the story at this slug, newest first, before revision `before` (store/revisions.ts). */
  revisions(slug: string, page: { limit: number; before?: number }): Promise<RevisionPage>;
  /** The corrections of `body`, the story at this slug as it is now, each with the revision that added it (staff only). */
  correctionAuthors(slug: string, body: readonly Block[]): Promise<AuthoredCorrection[]>;
  /** Deletes every story, with its views, redirects and search entries (sections stay); returns how many. */
  clearStories(): Promise<number>;
  getTag(slug: string): Promise<NamedRef | null>;
  getAuthor(slug: string): Promise<NamedRef | null>;
  /**
   * Renames an author or tag, and so every story naming it: each gets a revision, an updatedAt of
   * `now` (never earlier than it was) and a `story` change (store/renameRefs.ts). Null when there is none.
   */
  rename(kind: SharedRecord, slug: string, name: string, now?: Date): Promise<Renamed | null>;
  /**
   * Stories matching every word (the last as a prefix, for search as you type): those whose
   * headline matches first, then the rest, each phase newest first; from just after `after` on.
   * Each comes with its search text, for snippets, and its phase, for the next page's cursor.
   */
  searchStories(
    words: string[],
    limit: number,
    after?: SearchPosition,
  ): Promise<{ story: StorySummary; text: string; phase: SearchPhase }[]>;
  /** Counts a view of a story in the hour of `at`; false when there is no such story. */
  countView(slug: string, at: Date): Promise<boolean>;
  /** The stories most viewed from `since` on, most first. */
  mostRead(since: Date, limit: number): Promise<StorySummary[]>;
  /** Counts a request under `key` in fixed windows of `windowMs`, for every process on this database (store/requestCounts.ts). */
  countRequest(key: string, windowMs: number, now: Date): Promise<RequestCount>;
  /** The count under `key` in the window that holds `now`, without counting. */
  peekRequests(key: string, now: Date): Promise<RequestCount>;
  /** Every story's slug and headline: what related headlines are matched against. */
  listHeadlines(): Promise<{ slug: string; headline: string }[]>;
  countStories(): Promise<number>;
  /** A number that changes with every write to stories or sections: what a render of the store's content depends on. */
  version(): Promise<number>;
  /**
   * The same version read at once, where that costs no round trip (SQLite's file): a kept answer
   * then goes without waiting on a promise (server/http/answerFreshness.ts). Absent on PostgreSQL.
   */
  versionNow?(): number;
  /**
   * What each write after `version` changed, oldest first: the version it raised the store to and
   * its dependency keys (model/dependencies.ts). A version missing from the answer is one the
   * store no longer remembers.
   */
  invalidationsAfter(version: number): Promise<{ version: number; keys: string[] }[]>;
  /**
   * Calls `watch` with the keys of every write through this store once it has committed (a CDN
   * purge); the write waits for it before it returns. Returns a function that stops it.
   */
  watchWrites(watch: WriteWatcher): () => void;
  /** Up to `limit` logged changes after the id `after`, oldest first (store/changes.ts). */
  changesAfter(after: number, limit: number): Promise<LoggedChange[]>;
  /** The first id the change log still holds, and the last it wrote. */
  changeLogBounds(): Promise<{ first: number; last: number }>;
  /**
   * Calls `wake` whenever the change log may have grown: after each write through this store, and
   * on PostgreSQL when any server writes (LISTEN). Other SQLite processes are not heard: poll them.
   * Returns a function that stops it.
   */
  watchChanges(wake: () => void): () => Promise<void>;
  /** Refreshes the statistics the query planner works from, after a bulk write. */
  analyze(): Promise<void>;
  /** Accounts, sessions, passkeys, API keys and story owners (store/accounts.ts). */
  accounts: AccountStore;
  /** Resolves when the database answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A story's owner follows its writes: the account that created it owns it (the token owns
 * nothing), and a move takes the ownership along (migration 0023).
 */
async function keepOwner(
  trx: Transaction<Database>,
  slug: string,
  {
    outcome,
    movedFrom,
    author,
  }: { outcome: SaveOutcome; movedFrom: string | undefined; author: WriteAuthor | undefined },
): Promise<void> {
  if (movedFrom !== undefined) {
    await trx.deleteFrom("story_owners").where("story_slug", "=", slug).execute();
    await trx.updateTable("story_owners").set({ story_slug: slug }).where("story_slug", "=", movedFrom).execute();
  } else if (outcome === "created" && author && author.id !== TOKEN_AUTHOR.id)
    await trx
      .insertInto("story_owners")
      .values({ story_slug: slug, account_id: author.id })
      .onConflict((oc) => oc.column("story_slug").doUpdateSet({ account_id: author.id }))
      .execute();
}

/** Whether a slug could name anything: other strings (a NUL, say, which PostgreSQL refuses) find nothing. */
const isSlug = (slug: string): boolean => slugSchema.safeParse(slug).success;

/** Every table that holds a story's rows beside `stories` itself: what clearing the stories empties. */
export const STORY_TABLES = [
  "story_views",
  "story_tags",
  "story_authors",
  "slug_redirects",
  "related_links",
  "headline_words",
  "story_revisions",
  "story_owners",
  "story_drafts",
  "story_previews",
  "live_entries",
  "live_coverage",
] as const;

/** Told the dependency keys a committed write changed; the write waits for the promise. */
export type WriteWatcher = (keys: string[]) => Promise<void> | void;

/** How many writes' invalidations the store keeps: a process further behind forgets every kept answer. */
const KEPT_INVALIDATIONS = 10_000;

/** Calls `wake` when another server writes (PostgreSQL LISTEN, store/changeNotifications.ts); returns a stop function. */
export type ChangeListener = (wake: () => void) => () => Promise<void>;

/** What a store may be given beside its database: how it hears other servers, and a cheaper way to read its version. */
export interface StoreExtras {
  listenForChanges?: ChangeListener;
  /** The store's version, read outside Kysely (store/sqliteFile.ts's own connection); closed with the store. */
  versionReader?: { read(): number; close(): void };
}

export function createStoryStore(
  db: Kysely<Database>,
  engine: Engine,
  { listenForChanges, versionReader }: StoreExtras = {},
): StoryStore {
  const watchers = new Set<() => void>();
  const writeWatchers = new Set<WriteWatcher>();
  // Read on every request of the pages and the API: built and compiled once.
  const versionQuery = db.selectFrom("store_version").select("version").where("id", "=", 1).compile();

  /**
   * A write transaction that raises the store's version first (see migration 0007) and, last,
   * records what it changed under that version (0016, docs/decisions/026). Once committed, the
   * change feed is woken and whoever watches writes (a CDN purge) is told the keys.
   */
  const write = async <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> => {
    let keys: string[] = [];
    const result = await db.transaction().execute(async (trx) => {
      const { version } = await trx
        .updateTable("store_version")
        .set((eb) => ({ version: eb("version", "+", 1) }))
        .where("id", "=", 1)
        .returning("version")
        .executeTakeFirstOrThrow();
      const result = await work(trx);
      keys = touchedBy(trx);
      if (keys.length > MAX_KEYS_PER_WRITE || keys.includes(EVERYTHING)) keys = [EVERYTHING];
      await trx
        .insertInto("answer_invalidations")
        .values({ version, keys: keys.join(" ") })
        .execute();
      // Now and then, forget what no process can still be behind on (it would start afresh).
      if (version % 100 === 0)
        await trx
          .deleteFrom("answer_invalidations")
          .where("version", "<=", version - KEPT_INVALIDATIONS)
          .execute();
      return result;
    });
    for (const wake of watchers) wake();
    if (keys.length > 0) await Promise.allSettled([...writeWatchers].map((watch) => watch(keys)));
    return result;
  };

  /** A write naming the version it edits (If-Match) goes ahead only while that version is the story's. */
  const checkRevision = async (trx: Transaction<Database>, { slug, revision }: { slug: string; revision: number }) => {
    const current = await latestRevision(trx, slug);
    if (current !== revision) throw staleVersion(slug, current);
  };

  /**
   * Writes one story to `stories`, published: moved when `movedFrom` names its old slug, what was
   * held with it put back (`held`: as claimed; else whatever its held row keeps), a revision kept,
   * the change logged.
   */
  const publishOne = async (
    trx: Transaction<Database>,
    story: StoryInput,
    movedFrom: string | undefined,
    held?: string | null,
    author?: WriteAuthor,
  ): Promise<SaveOutcome> => {
    const moving = movedFrom !== undefined && movedFrom !== story.slug;
    // A move is a compare-and-swap: the new slug is free and the story still at the old one.
    if (moving && (await storyExists(trx, story.slug)))
      throw new ApiError("slug_taken", `Another story is already at ${story.slug}.`);
    let outcome = await writeStory(trx, story);
    if (moving) {
      await moveLiveCoverage(trx, movedFrom, story.slug);
      await moveStory(trx, movedFrom, story.slug);
      outcome = "updated";
    }
    if (held === undefined) await releaseHeld(trx, story.slug);
    else await restoreHeld(trx, story.slug, held);
    await keepRevision(trx, story, { outcome, movedFrom, author });
    await keepOwner(trx, story.slug, { outcome, movedFrom: moving ? movedFrom : undefined, author });
    if (story.live !== undefined) await setLive(trx, story.slug, story.live, story.publishedAt, new Date());
    if (outcome !== "unchanged") touch(trx, ...storyWriteKeys(story), ...(await earlierStoriesChanged(trx, story)));
    if (outcome !== "unchanged")
      await recordChange(trx, engine, {
        kind: "story",
        data: {
          slug: story.slug,
          updatedAt: new Date(story.updatedAt).toISOString(),
          change: outcome === "created" ? "published" : "updated",
          ...(moving ? { movedFrom } : {}),
        },
      });
    return outcome;
  };

  /** Links once every story of a batch is written, so stories may name each other. */
  const linkWritten = async (
    trx: Transaction<Database>,
    written: StoryInput[],
    linkHeadlines: HeadlineResolver | undefined,
  ): Promise<number> => {
    let linked = 0;
    for (const story of written) linked += await indexOwnLinks(trx, story.slug, linkHeadlines);
    if (linkHeadlines) for (const story of written) linked += await linkWaitingHeadlines(trx, story, linkHeadlines);
    return linked;
  };

  const store: StoryStore = {
    async listSections() {
      return sectionsQuery(db);
    },

    async saveSections(sections) {
      await write(async (trx) => {
        // Every page names the sections (navigation, kickers): this changes everything.
        touch(trx, EVERYTHING);
        for (const [position, section] of sections.entries()) {
          await trx
            .insertInto("sections")
            .values({ ...section, position })
            .onConflict((oc) => oc.column("slug").doUpdateSet({ name: section.name, position }))
            .execute();
        }
      });
    },

    listStories: (query) => listStories(db, query),
    fullStories: (slugs) => fullStories(db, slugs),
    sitemaps: sitemapReads(db),
    async getStory(slug) {
      if (!isSlug(slug)) return null;
      // Rounds of queries, each sent at once: the story's row with its coverage, its authors and
      // tags, by the slug asked for (again by the new slug when the story moved); then its
      // related stories (one round: the stories its body links, and the rest of the block in one
      // statement, storyReads.ts). On PostgreSQL a round is one round trip.
      const at = (key: string) => Promise.all([storyPageRow(db, key), namedRefsOf(db, [key])]);
      let [found, refs] = await at(slug);
      if (!found) {
        const moved = await movedTo(db, slug);
        if (!moved) return null;
        [found, refs] = await at(moved);
        if (!found) return null;
      }
      const { row, coverage } = found;
      const story = wholeStory(row, refs);
      const related = await relatedStories(
        db,
        row,
        story.body,
        story.tags.map((t) => t.slug),
      );
      return { ...story, related, ...coverage };
    },

    async saveStories(stories, { linkHeadlines, author, expectRevision } = {}) {
      return write(async (trx) => {
        if (expectRevision) await checkRevision(trx, expectRevision);
        const outcomes: SaveReport["outcomes"] = [];
        for (const { movedFrom, ...story } of stories) {
          outcomes.push({ slug: story.slug, outcome: await publishOne(trx, story, movedFrom, undefined, author) });
        }
        const written = stories.filter((_, i) => outcomes[i]?.outcome !== "unchanged");
        return { outcomes, linked: await linkWritten(trx, written, linkHeadlines) };
      });
    },

    async holdStory(story, { status, publishAt, expectRevision, author }, now = new Date()) {
      return write(async (trx) => {
        if (expectRevision) await checkRevision(trx, expectRevision);
        const before = await heldStory(trx, story.slug);
        const same =
          before?.status === status &&
          before.publishAt === (publishAt ? new Date(publishAt).toISOString() : undefined) &&
          JSON.stringify(before.story) === JSON.stringify(story);
        if (same) return { outcome: "unchanged" as const };
        const { tookDown } = await holdStory(trx, story, status, publishAt, now);
        await keepRevision(trx, story, { outcome: "updated", now, author });
        if (!before && !tookDown)
          await keepOwner(trx, story.slug, { outcome: "created", movedFrom: undefined, author });
        // Readers saw it until now: their open pages are told it went, as for a delete.
        if (tookDown)
          await recordChange(
            trx,
            engine,
            { kind: "story", data: { slug: story.slug, updatedAt: now.toISOString(), change: "deleted" } },
            now,
          );
        return { outcome: before || tookDown ? ("updated" as const) : ("created" as const) };
      });
    },

    heldStory: (slug) => (isSlug(slug) ? heldStory(db, slug) : Promise.resolve(null)),
    latestRevision: (slug) => latestRevision(db, slug),
    newsroomStories: (params) => newsroomStories(db, params),
    newsroomAuthors: () => newsroomAuthors(db),

    async publishDue(now) {
      if (!(await anyDue(db, now))) return [];
      // One write each: a story that cannot go out (its section gone, say) holds back no other.
      const published: string[] = [];
      const failures: unknown[] = [];
      for (const slug of await dueSlugs(db, now)) {
        try {
          await write(async (trx) => {
            const claimed = await claimScheduled(trx, slug, now);
            // Another process or server claimed it first: roll back, so this write records nothing.
            if (!claimed) throw NOTHING_CLAIMED;
            const story = await withSharedNames(trx, claimed.story);
            await publishOne(trx, story, undefined, claimed.held);
            await linkWritten(trx, [story], findStoryByHeadline);
          });
          published.push(slug);
        } catch (error) {
          if (error !== NOTHING_CLAIMED) failures.push(error);
        }
      }
      if (failures.length > 0)
        throw new AggregateError(
          failures,
          `Scheduled stories that could not go out; published: ${published.join(", ")}`,
        );
      return published;
    },

    async previewStory(slug) {
      const held = isSlug(slug) ? await heldStory(db, slug) : null;
      if (!held) return store.getStory(slug);
      const { story } = held;
      const sections = await store.listSections();
      // Read back as a published row would be (kickers cased, times in UTC, keys in their order).
      const row: StoryRow = {
        slug: story.slug,
        kicker: story.kicker ?? null,
        headline: story.headline,
        deck: story.deck ?? null,
        section_slug: story.section,
        section_name: sections.find((s) => s.slug === story.section)?.name ?? story.section,
        published_at: new Date(story.publishedAt).toISOString(),
        updated_at: new Date(story.updatedAt).toISOString(),
        image_json: story.image ? JSON.stringify(story.image) : null,
        has_video: hasPlayableVideo(story.body) ? 1 : 0,
        body_json: JSON.stringify(story.body),
        live_now: story.live ? 1 : 0,
        language: story.language ?? null,
        translations_json: story.translations?.length ? JSON.stringify(story.translations) : null,
      };
      const refs = { authors: new Map([[story.slug, story.authors]]), tags: new Map([[story.slug, story.tags]]) };
      const related = await relatedStories(
        db,
        row,
        story.body,
        story.tags.map((t) => t.slug),
      );
      return { ...wholeStory(row, refs), related } satisfies StoredStory;
    },

    async createPreview(slug, tokenHash, expiresAt) {
      await db.deleteFrom("story_previews").where("expires_at", "<", new Date().toISOString()).execute();
      await db
        .insertInto("story_previews")
        .values({ token_hash: tokenHash, slug, expires_at: expiresAt.toISOString() })
        .execute();
    },

    async previewOf(tokenHash, now) {
      const row = await db
        .selectFrom("story_previews")
        .select("slug")
        .where("token_hash", "=", tokenHash)
        .where("expires_at", ">", now.toISOString())
        .executeTakeFirst();
      return row?.slug ?? null;
    },

    async deleteStory(slug) {
      return write(async (trx) => {
        const dropped = await dropHeld(trx, slug);
        const deleted = await deleteStory(trx, slug);
        if (!deleted) {
          if (dropped) await dropRevisions(trx, slug);
          return dropped;
        }
        touch(trx, storyKey(slug), STORIES);
        await dropRevisions(trx, slug);
        await trx.deleteFrom("story_owners").where("story_slug", "=", slug).execute();
        const now = new Date();
        await recordChange(
          trx,
          engine,
          { kind: "story", data: { slug, updatedAt: now.toISOString(), change: "deleted" } },
          now,
        );
        return true;
      });
    },

    revisions: (slug, page) => listRevisions(db, slug, page),
    correctionAuthors: (slug, body) => correctionAuthors(db, slug, body),

    async clearStories() {
      return write(async (trx) => {
        touch(trx, EVERYTHING);
        for (const table of STORY_TABLES) await trx.deleteFrom(table).execute();
        const { numDeletedRows } = await trx.deleteFrom("stories").executeTakeFirst();
        return Number(numDeletedRows);
      });
    },

    async getTag(slug) {
      if (!isSlug(slug)) return null;
      return (await db.selectFrom("tags").select(["slug", "name"]).where("slug", "=", slug).executeTakeFirst()) ?? null;
    },

    async getAuthor(slug) {
      if (!isSlug(slug)) return null;
      return (
        (await db.selectFrom("authors").select(["slug", "name"]).where("slug", "=", slug).executeTakeFirst()) ?? null
      );
    },

    async rename(kind, slug, name, now = new Date()) {
      if (!isSlug(slug)) return null;
      return write((trx) => {
        // Its own page names it (a tag's or author's heading), whether or not any story does.
        touch(trx, kind === "tag" ? tagKey(slug) : authorKey(slug));
        return renameRef(trx, engine, kind, slug, name, now);
      });
    },

    async searchStories(words, limit, after) {
      if (words.length === 0) return [];
      const rows = await search(db, engine, words, limit, after);
      return rows.map((row) => ({ story: toSummary(row), text: row.search_text, phase: row.phase }));
    },

    async countView(slug, at) {
      if (!isSlug(slug)) return false;
      const hour = `${at.toISOString().slice(0, 13)}:00:00.000Z`;
      const exists = await db.selectFrom("stories").select("slug").where("slug", "=", slug).executeTakeFirst();
      if (!exists) return false;
      await db
        .insertInto("story_views")
        .values({ story_slug: slug, hour, views: 1 })
        .onConflict((oc) =>
          oc.columns(["story_slug", "hour"]).doUpdateSet((eb) => ({ views: eb("story_views.views", "+", 1) })),
        )
        .execute();
      return true;
    },

    mostRead: (since, limit) => mostRead(db, since, limit),
    // Each entry written is logged for the change stream, last in its transaction.
    ...liveEntryWrites(write, (trx, data) => recordChange(trx, engine, { kind: "entry", data })),
    ...liveEntryReads(db),
    ...requestCounts(db),
    accounts: accountStore(db),

    async listHeadlines() {
      return db.selectFrom("stories").select(["slug", "headline"]).execute();
    },

    async countStories() {
      const { count } = await db
        .selectFrom("stories")
        .select((eb) => eb.fn.countAll<number | string>().as("count"))
        .executeTakeFirstOrThrow();
      return Number(count);
    },

    ...(versionReader ? { versionNow: () => versionReader.read() } : {}),

    async version() {
      if (versionReader) return versionReader.read();
      const { rows } = await db.executeQuery(versionQuery);
      return Number(rows[0]?.version ?? 0);
    },

    async invalidationsAfter(version) {
      const rows = await db
        .selectFrom("answer_invalidations")
        .select(["version", "keys"])
        .where("version", ">", version)
        .orderBy("version")
        .execute();
      return rows.map((row) => ({ version: Number(row.version), keys: row.keys ? row.keys.split(" ") : [] }));
    },
    watchWrites(watch) {
      writeWatchers.add(watch);
      return () => writeWatchers.delete(watch);
    },

    changesAfter: (after, limit) => changesAfter(db, after, limit),
    changeLogBounds: () => changeLogBounds(db),
    watchChanges(wake) {
      watchers.add(wake);
      const stopListening = listenForChanges?.(wake);
      return async () => {
        watchers.delete(wake);
        await stopListening?.();
      };
    },

    async analyze() {
      // PostgreSQL's bare ANALYZE would take every schema of the database; name this store's tables.
      if (engine === "postgres")
        await sql`analyze stories, story_tags, story_authors, headline_words, related_links, slug_redirects`.execute(
          db,
        );
      else await sql`analyze`.execute(db);
    },

    async ping() {
      await db.selectFrom("sections").select("slug").limit(1).execute();
    },

    async close() {
      versionReader?.close();
      await db.destroy();
    },
  };
  return store;
}
