// What the store does when its database fails it (docs/decisions/012-the-store-survives-its-database.md):
// a read that lost its connection is tried again on a new one (for up to a second: a cut may
// have taken every idle connection of the pool); a write that meets a busy
// SQLite waits in short sleeps off the event loop, then answers busy (503); a PostgreSQL write
// that lost a deadlock or a serialization race is run again; a database that does not answer
// is store_unreachable (503). Anything else is the caller's to handle, as it was.
import { setTimeout as sleep } from "node:timers/promises";
import { ApiError } from "../model/apiError";
import type { AccountStore } from "./accounts";
import type { SitemapReads } from "./sitemapReads";
import type { StoryStore } from "./storyStore";

export type Fault = "connection" | "busy" | "conflict";

const NODE_CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
const PG_CONNECTION_MESSAGES =
  /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|not currently accepting connections/i;

/** What kind of database failure an error is, or null when it is none of the store's concern. */
export function faultOf(error: unknown): Fault | null {
  if (!(error instanceof Error)) return null;
  const code = String((error as { code?: unknown }).code ?? "");
  if (code.startsWith("SQLITE_BUSY")) return "busy";
  // PostgreSQL: deadlock_detected, serialization_failure.
  if (code === "40P01" || code === "40001") return "conflict";
  // PostgreSQL: connection_exception (08…), admin_shutdown and crash_shutdown (57P01–57P03),
  // too_many_connections; Node's socket errors; pg's own words for a lost or refused connection.
  if (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === "53300" || NODE_CONNECTION_CODES.has(code))
    return "connection";
  if (PG_CONNECTION_MESSAGES.test(error.message)) return "connection";
  return null;
}

/** The ApiError a client sees for a database failure; other errors as they are. */
function answerFor(error: unknown): unknown {
  const fault = faultOf(error);
  if (fault === "busy") return new ApiError("busy", "The store is busy with another write: try again in a moment.");
  if (fault === "connection") return new ApiError("store_unreachable", "The story store does not answer.");
  return error;
}

export interface FaultOptions {
  /** Throws when the store cannot be trusted as it is (SQLite: its file was removed or replaced). */
  checkFile?: () => void;
  /** How long in all a write waits for a busy SQLite before it answers busy. */
  busyWaitMs: number;
}

/** The longest a busy write sleeps between tries: the import pauses longer between its batches. */
export const MAX_BUSY_SLEEP_MS = 50;

/** How long a read that lost its connection goes on trying new ones before it answers unreachable. */
const READ_RETRY_MS = 1_000;

/** How many times a PostgreSQL write that lost a deadlock or serialization race is tried in all. */
const CONFLICT_TRIES = 5;

/** The account store's calls that only read. */
const ACCOUNT_READS = new Set([
  "getAccount",
  "findAccountByEmail",
  "listAccounts",
  "invitedAccount",
  "findPasskey",
  "passkeysOf",
  "findKey",
  "listKeys",
  "getKey",
  "storyOwner",
]);

/** The store, with reads retried on new connections and writes guarded as above. */
export function guardStore(store: StoryStore, { checkFile, busyWaitMs }: FaultOptions): StoryStore {
  async function read<T>(work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + READ_RETRY_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        // Each failure drops its dead connection from the pool; when a cut took several idle
        // connections at once, the next few tries may meet the others before a fresh one.
        if (faultOf(error) !== "connection" || Date.now() >= deadline) throw answerFor(error);
        if (attempt > 1) await sleep(Math.min(10 * 2 ** attempt, 200));
      }
    }
  }

  async function write<T>(work: () => Promise<T>): Promise<T> {
    checkFile?.();
    const deadline = Date.now() + busyWaitMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const fault = faultOf(error);
        if (fault === "busy" && Date.now() < deadline) {
          await sleep(Math.min(5 * 2 ** attempt, MAX_BUSY_SLEEP_MS, Math.max(1, deadline - Date.now())));
          continue;
        }
        if (fault === "conflict" && attempt < CONFLICT_TRIES) continue;
        throw answerFor(error);
      }
    }
  }

  const reading =
    <A extends unknown[], T>(f: (...args: A) => Promise<T>) =>
    (...args: A) =>
      read(() => f(...args));
  const writing =
    <A extends unknown[], T>(f: (...args: A) => Promise<T>) =>
    (...args: A) =>
      write(() => f(...args));

  const sitemaps = Object.fromEntries(
    Object.entries(store.sitemaps).map(([name, f]) => [name, reading(f as (...args: unknown[]) => Promise<unknown>)]),
  ) as unknown as SitemapReads;

  return {
    listSections: reading(store.listSections),
    saveSections: writing(store.saveSections),
    listStories: reading(store.listStories),
    getStory: reading(store.getStory),
    fullStories: reading(store.fullStories),
    sitemaps,
    saveStories: writing(store.saveStories),
    holdStory: writing(store.holdStory),
    heldStory: reading(store.heldStory),
    latestRevision: reading(store.latestRevision),
    newsroomStories: reading(store.newsroomStories),
    newsroomAuthors: reading(store.newsroomAuthors),
    publishDue: writing(store.publishDue),
    previewStory: reading(store.previewStory),
    createPreview: writing(store.createPreview),
    previewOf: reading(store.previewOf),
    deleteStory: writing(store.deleteStory),
    revisions: reading(store.revisions),
    clearStories: writing(store.clearStories),
    getTag: reading(store.getTag),
    getAuthor: reading(store.getAuthor),
    rename: writing(store.rename),
    searchStories: reading(store.searchStories),
    countView: writing(store.countView),
    countRequest: writing(store.countRequest),
    peekRequests: reading(store.peekRequests),
    mostRead: reading(store.mostRead),
    addEntry: writing(store.addEntry),
    updateEntry: writing(store.updateEntry),
    deleteEntry: writing(store.deleteEntry),
    listEntries: reading(store.listEntries),
    correctionAuthors: reading(store.correctionAuthors),
    newestEntries: reading(store.newestEntries),
    listHeadlines: reading(store.listHeadlines),
    countStories: reading(store.countStories),
    version: reading(store.version),
    // Read at once or not at all: a caller that meets an error takes the way through version().
    ...(store.versionNow ? { versionNow: store.versionNow } : {}),
    invalidationsAfter: reading(store.invalidationsAfter),
    watchWrites: store.watchWrites,
    changesAfter: reading(store.changesAfter),
    changeLogBounds: reading(store.changeLogBounds),
    watchChanges: store.watchChanges,
    analyze: writing(store.analyze),
    // Every account call is retried as a read (on a new connection) or waited out as a write.
    accounts: Object.fromEntries(
      Object.entries(store.accounts).map(([name, f]) => {
        const call = f as (...args: unknown[]) => Promise<unknown>;
        return [name, ACCOUNT_READS.has(name) ? reading(call) : writing(call)];
      }),
    ) as unknown as AccountStore,
    async ping() {
      checkFile?.();
      await read(store.ping);
    },
    close: store.close,
  };
}
