// The story store: the one interface the rest of Dispatch uses to read and write stories.
// It speaks Kysely only, so the engine behind it (SQLite or PostgreSQL) is a connection detail.
import type { Kysely } from "kysely";
import type { SearchPhase, SearchPosition } from "../model/search";
import {
  type Block,
  imageSchema,
  type NamedRef,
  type Section,
  type Story,
  type StoryInput,
  type StorySummary,
} from "../model/story";
import { encodeCursor, type StoryListQuery } from "../model/storyList";
import type { Engine } from "./engine";
import { type Database, readBody, type StoryRow } from "./schema";
import { type SearchRow, search } from "./search";
import {
  deleteStory,
  type HeadlineResolver,
  linkRelatedHeadlines,
  moveStory,
  type SaveOutcome,
  writeStory,
} from "./storyWrites";

export type StoryToSave = StoryInput & { movedFrom?: string };

export interface SaveReport {
  outcomes: { slug: string; outcome: SaveOutcome }[];
  /** Related headlines linked to a story by this save. */
  linked: number;
}

/** A story as the store keeps it: everything but its absolute URL, which belongs to the site. */
export type StoredStory = Omit<Story, "url">;

export interface StoryStore {
  listSections(): Promise<Section[]>;
  saveSections(sections: Section[]): Promise<void>;
  listStories(query: StoryListQuery): Promise<{ items: StorySummary[]; nextCursor: string | null }>;
  /** The story at this slug, following a redirect left by a slug change; null when there is none. */
  getStory(slug: string): Promise<StoredStory | null>;
  /**
   * Writes these stories, all or none, in one transaction: a story with a known slug is replaced,
   * one given with `movedFrom` leaves a permanent redirect at its old slug. Afterwards a related
   * headline linking a slug that leads nowhere is unlinked, and every unlinked one that
   * `linkHeadlines` resolves is linked.
   */
  saveStories(stories: StoryToSave[], options?: { linkHeadlines?: HeadlineResolver }): Promise<SaveReport>;
  /** Deletes the story at this slug; false when there was none. */
  deleteStory(slug: string): Promise<boolean>;
  /** Deletes every story, with its views, redirects and search entries (sections stay); returns how many. */
  clearStories(): Promise<number>;
  getTag(slug: string): Promise<NamedRef | null>;
  getAuthor(slug: string): Promise<NamedRef | null>;
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
  /** Every story's slug and headline: what related headlines are matched against. */
  listHeadlines(): Promise<{ slug: string; headline: string }[]>;
  countStories(): Promise<number>;
  /** Resolves when the database answers a query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const RELATED_LIMIT = 6;
const storedImage = imageSchema.optional();

export function createStoryStore(db: Kysely<Database>, engine: Engine): StoryStore {
  const summaries = () =>
    db
      .selectFrom("stories")
      .innerJoin("sections", "sections.slug", "stories.section_slug")
      .selectAll("stories")
      .select("sections.name as section_name");

  async function summariesBySlug(slugs: string[]): Promise<Map<string, StorySummary>> {
    if (slugs.length === 0) return new Map();
    const rows = await summaries().where("stories.slug", "in", slugs).execute();
    return new Map(rows.map((row) => [row.slug, toSummary(row)]));
  }

  async function related(story: StoryRow, body: Block[], tagSlugs: string[]): Promise<StorySummary[]> {
    const linked = [...new Set(body.flatMap((b) => (b.type === "related" && b.slug ? [b.slug] : [])))].filter(
      (slug) => slug !== story.slug,
    );
    const linkedStories = await summariesBySlug(linked);
    const first = linked.flatMap((slug) => linkedStories.get(slug) ?? []);
    const exclude = [story.slug, ...first.map((s) => s.slug)];
    const rest = await summaries()
      .where("stories.slug", "not in", exclude)
      .where((eb) =>
        eb.or([
          eb("stories.section_slug", "=", story.section_slug),
          ...(tagSlugs.length
            ? [
                eb(
                  "stories.slug",
                  "in",
                  eb.selectFrom("story_tags").select("story_slug").where("tag_slug", "in", tagSlugs),
                ),
              ]
            : []),
        ]),
      )
      .orderBy("stories.published_at", "desc")
      .orderBy("stories.slug", "desc")
      .limit(Math.max(0, RELATED_LIMIT - first.length))
      .execute();
    return [...first, ...rest.map(toSummary)].slice(0, RELATED_LIMIT);
  }

  async function findRow(slug: string): Promise<StoryRow | undefined> {
    const row = await summaries().where("stories.slug", "=", slug).executeTakeFirst();
    if (row) return row;
    const redirect = await db
      .selectFrom("slug_redirects")
      .select("to_slug")
      .where("from_slug", "=", slug)
      .executeTakeFirst();
    return redirect ? summaries().where("stories.slug", "=", redirect.to_slug).executeTakeFirst() : undefined;
  }

  return {
    async listSections() {
      return db.selectFrom("sections").select(["slug", "name"]).orderBy("position").execute();
    },

    async saveSections(sections) {
      await db.transaction().execute(async (trx) => {
        for (const [position, section] of sections.entries()) {
          await trx
            .insertInto("sections")
            .values({ ...section, position })
            .onConflict((oc) => oc.column("slug").doUpdateSet({ name: section.name, position }))
            .execute();
        }
      });
    },

    async listStories({ section, tag, author, limit, cursor }) {
      let query = summaries();
      if (section) query = query.where("stories.section_slug", "=", section);
      if (tag)
        query = query.where("stories.slug", "in", (eb) =>
          eb.selectFrom("story_tags").select("story_slug").where("tag_slug", "=", tag),
        );
      if (author)
        query = query.where("stories.slug", "in", (eb) =>
          eb.selectFrom("story_authors").select("story_slug").where("author_slug", "=", author),
        );
      if (cursor)
        query = query.where((eb) =>
          eb.or([
            eb("stories.published_at", "<", cursor.publishedAt),
            eb.and([eb("stories.published_at", "=", cursor.publishedAt), eb("stories.slug", "<", cursor.slug)]),
          ]),
        );
      const rows = await query
        .orderBy("stories.published_at", "desc")
        .orderBy("stories.slug", "desc")
        .limit(limit + 1)
        .execute();
      const items = rows.slice(0, limit).map(toSummary);
      const last = items.at(-1);
      return {
        items,
        nextCursor:
          rows.length > limit && last ? encodeCursor({ publishedAt: last.publishedAt, slug: last.slug }) : null,
      };
    },

    async getStory(slug) {
      const row = await findRow(slug);
      if (!row) return null;
      const [authors, tags] = await Promise.all([
        db
          .selectFrom("story_authors")
          .innerJoin("authors", "authors.slug", "story_authors.author_slug")
          .select(["authors.slug", "authors.name"])
          .where("story_slug", "=", row.slug)
          .orderBy("position")
          .execute(),
        db
          .selectFrom("story_tags")
          .innerJoin("tags", "tags.slug", "story_tags.tag_slug")
          .select(["tags.slug", "tags.name"])
          .where("story_slug", "=", row.slug)
          .orderBy("position")
          .execute(),
      ]);
      const body = readBody(row.body_json);
      return {
        ...toSummary(row),
        authors,
        tags,
        body,
        related: await related(
          row,
          body,
          tags.map((t) => t.slug),
        ),
      };
    },

    async saveStories(stories, { linkHeadlines } = {}) {
      return db.transaction().execute(async (trx) => {
        const outcomes: SaveReport["outcomes"] = [];
        for (const { movedFrom, ...story } of stories) {
          let outcome = await writeStory(trx, story);
          if (movedFrom && movedFrom !== story.slug) {
            await moveStory(trx, movedFrom, story.slug);
            outcome = "updated";
          }
          outcomes.push({ slug: story.slug, outcome });
        }
        const linked = await linkRelatedHeadlines(trx, linkHeadlines ?? (() => undefined));
        return { outcomes, linked };
      });
    },

    async deleteStory(slug) {
      return db.transaction().execute((trx) => deleteStory(trx, slug));
    },

    async clearStories() {
      return db.transaction().execute(async (trx) => {
        for (const table of ["story_views", "story_tags", "story_authors", "slug_redirects"] as const)
          await trx.deleteFrom(table).execute();
        const { numDeletedRows } = await trx.deleteFrom("stories").executeTakeFirst();
        return Number(numDeletedRows);
      });
    },

    async getTag(slug) {
      return (await db.selectFrom("tags").select(["slug", "name"]).where("slug", "=", slug).executeTakeFirst()) ?? null;
    },

    async getAuthor(slug) {
      return (
        (await db.selectFrom("authors").select(["slug", "name"]).where("slug", "=", slug).executeTakeFirst()) ?? null
      );
    },

    async searchStories(words, limit, after) {
      if (words.length === 0) return [];
      const rows = await search(db, engine, words, limit, after);
      return rows.map((row) => ({ story: toSummary(row), text: row.search_text, phase: row.phase }));
    },

    async countView(slug, at) {
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

    async mostRead(since, limit) {
      const rows = await summaries()
        .innerJoin(
          (eb) =>
            eb
              .selectFrom("story_views")
              .select((v) => ["story_slug", v.fn.sum<number | string>("views").as("total")])
              .where("hour", ">=", since.toISOString())
              .groupBy("story_slug")
              .as("counted"),
          (join) => join.onRef("counted.story_slug", "=", "stories.slug"),
        )
        .select("counted.total")
        .orderBy("counted.total", "desc")
        .orderBy("stories.published_at", "desc")
        .limit(limit)
        .execute();
      return rows.map(toSummary);
    },

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

    async ping() {
      await db.selectFrom("sections").select("slug").limit(1).execute();
    },

    async close() {
      await db.destroy();
    },
  };
}

function toSummary(row: Omit<SearchRow, "search_text">): StorySummary {
  const image = row.image_json ? storedImage.parse(JSON.parse(row.image_json)) : undefined;
  return {
    slug: row.slug,
    ...(row.kicker ? { kicker: row.kicker } : {}),
    headline: row.headline,
    ...(row.deck ? { deck: row.deck } : {}),
    section: { slug: row.section_slug, name: row.section_name },
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    ...(image ? { image } : {}),
    hasVideo: row.has_video === 1,
  };
}
