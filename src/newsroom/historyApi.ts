// The history page's calls to the API (docs/decisions/035): who wrote each
// revision, correction and entry is for staff, from the reads behind the session.
import type { AuthoredCorrection } from "../model/authorship";
import type { RevisionPage } from "../model/revision";
import { call } from "./newsroomApi";

const storyPath = (slug: string) => `/api/stories/${encodeURIComponent(slug)}`;

/** The story's revisions, newest first, each with who saved it and when. */
export const listRevisions = (slug: string, cursor?: string) =>
  call<RevisionPage>("GET", `${storyPath(slug)}/revisions?limit=20${cursor ? `&cursor=${cursor}` : ""}`);

/** The story's corrections, oldest first, each with the revision (and so the person) that added it. */
export const listCorrections = (slug: string) =>
  call<{ items: AuthoredCorrection[] }>("GET", `/api/newsroom/stories/${encodeURIComponent(slug)}/corrections`);
