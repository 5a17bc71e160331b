// The newsroom's calls to the API, over fetch with the session cookie (docs/decisions/035). Writes
// are same-origin fetches, which browsers mark `Sec-Fetch-Site: same-origin`, so the server's
// check against forged writes lets them through without a token.
import type { Account, Role } from "../model/account";
import type { NewsroomAuthor, NewsroomStory } from "../model/newsroomStories";
import type { Block, Section } from "../model/story";
import type { StoryStatus } from "../model/storyStatus";

/** An answer other than success: its status and the API's error code. */
export class NewsroomError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A call to the API as JSON: its answer, or a NewsroomError. */
export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => null)) as
    | (T & { error?: undefined })
    | { error: { code: string; message: string } }
    | null;
  if (!response.ok || !answer || answer.error)
    throw new NewsroomError(
      response.status,
      answer?.error?.code ?? "failed",
      answer?.error?.message ?? response.statusText,
    );
  return answer as T;
}

/** Who is signed in. */
export interface Session {
  account: Account | null;
  role: Role;
}

/** The session this browser holds, or null when it holds none. */
export async function currentSession(): Promise<Session | null> {
  try {
    return await call<Session>("GET", "/api/session");
  } catch (error) {
    if (error instanceof NewsroomError && error.status === 401) return null;
    throw error;
  }
}

export const signIn = (email: string, password: string) =>
  call<{ account: Account }>("POST", "/api/session", { email, password });

export const signOut = () => call<void>("DELETE", "/api/session");

/** Every story, held or published, newest change first, found by `search` (status, section, author, q). */
export const listStories = (search: URLSearchParams) =>
  call<{ items: NewsroomStory[] }>("GET", `/api/newsroom/stories?${search}`);

/** Every author a story names, by name: the stories' author filter. */
export const listAuthors = async () => (await call<{ items: NewsroomAuthor[] }>("GET", "/api/newsroom/authors")).items;

/** The site's sections, in their order. */
export const listSections = () => call<Section[]>("GET", "/api/sections");

/** Whom an invitation is for; a NewsroomError when it was used, expired or never was. */
export const invitation = (token: string) =>
  call<{ email: string; name: string; role: Role }>("GET", `/api/invitations/${encodeURIComponent(token)}`);

/** Accepts an invitation with a password, which signs in. */
export const acceptInvitation = (token: string, password: string) =>
  call<{ account: Account }>("POST", `/api/invitations/${encodeURIComponent(token)}`, { password });

/** A story to edit, as GET /api/newsroom/stories/:slug answers it. */
export interface EditedStory {
  status: StoryStatus;
  revision: number;
  publishAt?: string;
  story: StoryFields;
}

/** The parts of a story the editor reads and changes; the rest goes back as it came. */
export interface StoryFields {
  slug: string;
  kicker?: string;
  headline: string;
  deck?: string;
  body: Block[];
  [field: string]: unknown;
}

export const storyToEdit = (slug: string) =>
  call<EditedStory>("GET", `/api/newsroom/stories/${encodeURIComponent(slug)}`);

/** What a 412 says the story is now. */
export interface CurrentVersion {
  revision: number;
  story?: StoryFields;
  held?: { story: StoryFields };
}

/** Saves a story in its status, naming the revision edited; a 412 carries the current version. */
export async function saveStory(
  edited: EditedStory,
  story: StoryFields,
  /** Sent as the page goes: the browser finishes the request after the page is gone. */
  keepalive = false,
): Promise<{ ok: true } | { ok: false; status: number; message: string; current?: CurrentVersion }> {
  const response = await fetch(`/api/stories/${encodeURIComponent(story.slug)}`, {
    method: "PUT",
    credentials: "same-origin",
    keepalive,
    headers: { "content-type": "application/json", "if-match": `"${edited.revision}"` },
    body: JSON.stringify({
      ...story,
      status: edited.status,
      ...(edited.status === "scheduled" && edited.publishAt ? { publishAt: edited.publishAt } : {}),
    }),
  });
  if (response.ok) return { ok: true };
  const answer = (await response.json().catch(() => null)) as {
    error?: { message?: string };
    current?: CurrentVersion;
  } | null;
  return {
    ok: false,
    status: response.status,
    message: answer?.error?.message ?? response.statusText,
    ...(answer?.current ? { current: answer.current } : {}),
  };
}

/** A preview link for the story: it shows it as readers will see it, until it expires (decision 037). */
export const previewLink = (slug: string) =>
  call<{ url: string; expiresAt: string }>("POST", `/api/stories/${encodeURIComponent(slug)}/preview`);
