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
  story_revisions: { story_slug: string; revision: number; saved_at: string; content_hash: string; story_json: string };
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
  };
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
