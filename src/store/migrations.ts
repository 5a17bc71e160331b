// Schema changes, in order. Each runs once per database, recorded by Kysely's Migrator.
import { type Kysely, sql } from "kysely";
import { type Migration, Migrator } from "kysely/migration";

const migrations: Record<string, Migration> = {
  "0001-stories": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("sections")
        .addColumn("slug", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("position", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("authors")
        .addColumn("slug", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("tags")
        .addColumn("slug", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("stories")
        .addColumn("slug", "text", (c) => c.primaryKey())
        .addColumn("kicker", "text")
        .addColumn("headline", "text", (c) => c.notNull())
        .addColumn("deck", "text")
        .addColumn("section_slug", "text", (c) => c.notNull().references("sections.slug"))
        .addColumn("published_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("image_json", "text")
        .addColumn("has_video", "integer", (c) => c.notNull())
        .addColumn("body_json", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("stories_newest").on("stories").columns(["published_at desc", "slug desc"]).execute();
      await db.schema
        .createIndex("stories_section_newest")
        .on("stories")
        .columns(["section_slug", "published_at desc", "slug desc"])
        .execute();
      for (const [table, column, target] of [
        ["story_authors", "author_slug", "authors.slug"],
        ["story_tags", "tag_slug", "tags.slug"],
      ] as const) {
        await db.schema
          .createTable(table)
          .addColumn("story_slug", "text", (c) => c.notNull().references("stories.slug").onDelete("cascade"))
          .addColumn(column, "text", (c) => c.notNull().references(target))
          .addColumn("position", "integer", (c) => c.notNull())
          .addPrimaryKeyConstraint(`${table}_pk`, ["story_slug", column])
          .execute();
        await db.schema.createIndex(`${table}_by_${column}`).on(table).columns([column, "story_slug"]).execute();
      }
      await db.schema
        .createTable("slug_redirects")
        .addColumn("from_slug", "text", (c) => c.primaryKey())
        .addColumn("to_slug", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
        .execute();
    },
  },
  "0002-content-hash": {
    // A digest of the story as it was last given, so saving the same story again changes nothing.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("stories").addColumn("content_hash", "text").execute();
    },
  },
};

/**
 * Applies the migrations not yet applied. `schema` (PostgreSQL) names where the migration
 * bookkeeping lives: Kysely would otherwise take a table of that name in any schema for its own.
 */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
