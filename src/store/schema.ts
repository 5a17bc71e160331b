// The tables as Kysely sees them. Dates are ISO-8601 UTC strings (they sort as text on every
// engine); JSON columns are text, so the SQL stays portable between SQLite and PostgreSQL.
import type { Generated } from "kysely";

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
    content_hash: string | null;
    search_text: Generated<string>;
  };
  story_authors: { story_slug: string; author_slug: string; position: number };
  story_tags: { story_slug: string; tag_slug: string; position: number };
  story_views: { story_slug: string; hour: string; views: number };
  slug_redirects: { from_slug: string; to_slug: string; created_at: Generated<string> };
}
