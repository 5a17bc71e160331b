// The history page's and the live console's calls to the API (docs/decisions/035): who wrote each
// revision, correction and entry is for staff, from the reads behind the session.
import type { AuthoredCorrection } from "../model/authorship";
import type { LiveEntry, LiveEntryPage } from "../model/liveEntry";
import type { RevisionPage } from "../model/revision";
import type { Block } from "../model/story";
import { call } from "./newsroomApi";

const storyPath = (slug: string) => `/api/stories/${encodeURIComponent(slug)}`;

/** The story's revisions, newest first, `limit` from just before revision `cursor`, each with who saved it and when. */
export const listRevisions = (slug: string, { cursor, limit = 20 }: { cursor?: string | null; limit?: number } = {}) =>
  call<RevisionPage>("GET", `${storyPath(slug)}/revisions?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);

/** The story's corrections, oldest first, each with the revision (and so the person) that added it. */
export const listCorrections = (slug: string) =>
  call<{ items: AuthoredCorrection[] }>("GET", `/api/newsroom/stories/${encodeURIComponent(slug)}/corrections`);

/** A live story's entries as staff see them: pinned first, then newest first, each naming its writer. */
export const listEntries = (slug: string) =>
  call<LiveEntryPage>("GET", `/api/newsroom/stories/${encodeURIComponent(slug)}/entries?limit=50`);

/** What an entry's writer sends: its body, and its headline and pin. */
export interface EntryFields {
  headline?: string;
  body: Block[];
  pinned?: boolean;
}

export const postEntry = (slug: string, entry: EntryFields) =>
  call<LiveEntry>("POST", `${storyPath(slug)}/entries`, entry);

export const updateEntry = (slug: string, id: number, entry: EntryFields) =>
  call<LiveEntry>("PUT", `${storyPath(slug)}/entries/${id}`, entry);
