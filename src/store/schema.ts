// The tables as Kysely sees them. Dates are ISO-8601 UTC strings (they sort as text on every
// engine); JSON columns are text, so the SQL stays portable between SQLite and PostgreSQL.
import type { Generated, Selectable } from "kysely";
import { z } from "zod";
import { type Block, blockSchema, type Translation, translationSchema } from "../model/story";

export interface Database {
  sections: { slug: string; name: string; position: number };
  authors: { slug: string; name: string };
  tags: { slug: string; name: string };
  stories: {
    slug: string;
    kicker: string | null;
    headline: string;
    deck: string | null;
    section_slug: string;
    published_at: string;
    updated_at: string;
    image_json: string | null;
    has_video: number;
    body_json: string;
    /** BCP 47, when the story names its language (migration 0018); null: the site's. */
    language: string | null;
    /** The stories that translate it ({ language, slug }[]), or null. */
    translations_json: string | null;
    content_hash: string | null;
    search_text: Generated<string>;
    /** The headline and the text as search indexes them (model/searchTerms.ts, migration 0020). */
    headline_terms: Generated<string>;
    text_terms: Generated<string>;
    /** The headline normalised for matching (model/headlineMatch.ts). */
    headline_key: Generated<string>;
  };
  /** `published_at` is the story's, kept here so a tag's or an author's page reads one index in order. */
  story_authors: { story_slug: string; author_slug: string; position: number; published_at: string };
  story_tags: { story_slug: string; tag_slug: string; position: number; published_at: string };
  story_views: { story_slug: string; hour: string; views: number };
  slug_redirects: { from_slug: string; to_slug: string; created_at: Generated<string> };
  /** One row (id 1): raised by every write, read by servers to know whether their renders still hold. */
  store_version: { id: number; version: number };
  /** What the write that raised the store to `version` changed: dependency keys, space-separated (migration 0016). */
  answer_invalidations: { version: number; keys: string };
  /** The distinct normalised words of each story's headline: how similar headlines are found. */
  headline_words: { word: string; story_slug: string };
  /** Requests counted per limit and client in fixed windows (store/requestCounts.ts); `window_end` in ms since the epoch. */
  request_counts: { key: string; window_end: number | string; hits: number };
  /** What readers' open pages learn of (store/changes.ts): one row per change, ids in commit order. */
  story_changes: { id: Generated<number | string>; kind: string; slug: string; data_json: string; changed_at: string };
  /** The story as each changing write left it, numbered from 1 per story (store/revisions.ts). */
  story_revisions: {
    story_slug: string;
    revision: number;
    saved_at: string;
    content_hash: string;
    story_json: string;
    /** Who wrote it (migration 0023): an account's id, or "token"; null before accounts. */
    author_id: string | null;
    author_name: string | null;
  };
  /** One row per inline related block: its owner, its index in the body, and the story it links (or null). */
  related_links: {
    owner_slug: string;
    position: number;
    headline: string;
    headline_key: string;
    target_slug: string | null;
  };
  /**
   * Per month of publication (`YYYY-MM`, UTC): its stories' count and their latest updated_at, kept
   * by triggers on stories in every write's transaction (migration 0015); what the sitemap index reads.
   */
  story_months: { month: string; story_count: number; lastmod: string };
  /** A story's live coverage (migration 0014): a row once it went live; `ended_at` once it ended. */
  live_coverage: { story_slug: string; started_at: string; ended_at: string | null };
  /** A live story's entries (store/liveEntries.ts); `pinned` 0 or 1. */
  live_entries: {
    id: Generated<number>;
    story_slug: string;
    posted_at: string;
    updated_at: string;
    headline: string | null;
    body_json: string;
    pinned: number;
    /** Who wrote it (migration 0023), as on a revision. */
    author_id: string | null;
    author_name: string | null;
  };
  /** People who write Dispatch (store/accounts.ts); `role` is one of model/account.ts's roles. */
  accounts: { id: string; email: string; name: string; role: string; password_hash: string | null; created_at: string };
  /** A single-use way in for an account: the token's SHA-256, its expiry, and when it was used. */
  invitations: { token_hash: string; account_id: string; expires_at: string; used_at: string | null };
  /** A signed-in browser: the cookie's id and its CSRF token only as SHA-256; idle and absolute ends. */
  sessions: {
    id_hash: string;
    account_id: string;
    csrf_hash: string;
    created_at: string;
    last_seen_at: string;
    expires_at: string;
  };
  /** A passkey's credential (base64url id and COSE public key), its signature counter and transports (space-separated). */
  passkeys: {
    credential_id: string;
    account_id: string;
    public_key: string;
    counter: number | string;
    transports: string;
    created_at: string;
  };
  /** A passkey ceremony's challenge, kept until used once or expired; `purpose` register or sign-in. */
  auth_challenges: { challenge: string; purpose: string; account_id: string | null; expires_at: string };
  /** An account's key for automation: `scopes` space-separated, the secret only as SHA-256. */
  api_keys: {
    id: string;
    account_id: string;
    name: string;
    scopes: string;
    key_hash: string;
    created_at: string;
    revoked_at: string | null;
  };
  /** The account that created each story (migration 0023). */
  story_owners: { story_slug: string; account_id: string };
  /**
   * A story readers may not see (store/storyWorkflow.ts, migration 0024): `status` draft, scheduled
   * or unpublished; `held_json` what left with its row when it was taken down.
   */
  story_drafts: {
    slug: string;
    status: string;
    publish_at: string | null;
    saved_at: string;
    story_json: string;
    held_json: string | null;
  };
  /** Preview links (migration 0025): a digest of each secret, its story, when it stops working. */
  story_previews: { token_hash: string; slug: string; expires_at: string };
}

/** A story's row as the read queries select it: its summary's columns and its body, with its section's name. */
export type StoryRow = Pick<
  Selectable<Database["stories"]>,
  | "slug"
  | "kicker"
  | "headline"
  | "deck"
  | "section_slug"
  | "published_at"
  | "updated_at"
  | "image_json"
  | "has_video"
  | "body_json"
  | "language"
  | "translations_json"
> & {
  section_name: string;
  /** 1 while the story's live coverage goes on (store/storyReads.ts summaries). */
  live_now: number;
};

const storedBody = z.array(blockSchema);

/** A story's body from its JSON column, checked against the model: a row never reaches a reader unread. */
export const readBody = (json: string): Block[] => storedBody.parse(JSON.parse(json));

const storedTranslations = z.array(translationSchema);
export const readTranslations = (json: string): Translation[] => storedTranslations.parse(JSON.parse(json));
