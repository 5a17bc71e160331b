// The layout of a newsroom's export (docs/decisions/041): a folder a person can read and a program
// can restore. `manifest.json` names the format and its version; `sections.json`, `authors.json`,
// `tags.json` and `accounts.json` hold the shared records; `stories/<slug>.json` one story each,
// published or held, with everything that belongs to it; `media/` the files the stories use.
// Import checks every file against these schemas before it writes anything.
import { z } from "zod";
import { roleSchema } from "../model/account";
import { blockSchema, namedRefSchema, sectionSchema, storyInputSchema } from "../model/story";
import { STORY_STATUSES } from "../model/storyStatus";

export const EXPORT_FORMAT = "newsroom-export";
export const EXPORT_VERSION = 1;

export const MANIFEST_FILE = "manifest.json";
export const STORIES_DIR = "stories";
export const MEDIA_DIR = "media";
/** Under media/: uploads as the media store keys them (uploads/<id>.<ext> and their .json records). */
export const UPLOADS_DIR = "uploads";
/** Under media/: the site pictures stories name under public/, at the same paths. */
export const PUBLIC_DIR = "public";

const isoTime = z.iso.datetime({ offset: true });

export const manifestSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: isoTime,
  /** The engine it was exported from (for the reader; import takes either). */
  engine: z.enum(["sqlite", "postgres"]),
  counts: z.object({
    stories: z.number().int().nonnegative(),
    published: z.number().int().nonnegative(),
    held: z.number().int().nonnegative(),
    accounts: z.number().int().nonnegative(),
    mediaFiles: z.number().int().nonnegative(),
  }),
  /** Every file under media/, relative to it, with its SHA-256 (hex): import checks each. */
  media: z.array(z.object({ path: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
  /** Site paths the stories name that were not in public/ when exported (their pages showed none either). */
  missingMedia: z.array(z.string()),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const sectionsFileSchema = z.array(sectionSchema);
export const namedRefsFileSchema = z.array(namedRefSchema);

/** An account as exported: who they are and their role, never a secret (no password, session, passkey or key). */
export const exportedAccountSchema = z.strictObject({
  id: z.string().min(1),
  email: z.string().min(1),
  name: z.string(),
  role: roleSchema,
  createdAt: z.string(),
});
export const accountsFileSchema = z.array(exportedAccountSchema);

/** Who made a write (a revision, a live entry): an account's id and name, "token", or null before accounts. */
const writtenBy = z.object({ id: z.string(), name: z.string() }).nullable();

export const exportedStorySchema = z.strictObject({
  slug: z.string().min(1),
  status: z.enum(STORY_STATUSES),
  /** A scheduled story's time. */
  publishAt: isoTime.nullable(),
  /** When a held story was last saved; null for a published one. */
  savedAt: isoTime.nullable(),
  /** The story as it stands (as the API takes it, pictures versioned and sized). */
  story: storyInputSchema,
  /** The hash of the published story's content, as the store keeps it; null for a held one. */
  contentHash: z.string().nullable(),
  /** What went with an unpublished story's row when it was taken down (live coverage, entries, views), as the store holds it. */
  held: z.unknown().nullable(),
  /** The account that created it (its id in accounts.json); null when the token did. */
  owner: z.string().nullable(),
  /** Slugs it was at before, each redirecting here for good. */
  oldSlugs: z.array(z.object({ slug: z.string().min(1), since: z.string() })),
  /** Live coverage: when it started and ended (null while it goes on); null when it never went live. */
  live: z.object({ startedAt: z.string(), endedAt: z.string().nullable() }).nullable(),
  entries: z.array(
    z.object({
      id: z.number().int().positive(),
      postedAt: isoTime,
      updatedAt: isoTime,
      headline: z.string().nullable(),
      body: z.array(blockSchema),
      pinned: z.boolean(),
      by: writtenBy,
    }),
  ),
  /** Every revision kept, oldest first: the story as each write left it (corrections are in the body). */
  revisions: z.array(
    z.object({
      revision: z.number().int().positive(),
      savedAt: z.string(),
      contentHash: z.string(),
      story: z.unknown(),
      by: writtenBy,
    }),
  ),
  /** The body's related blocks as linked: block position, headline, the story it leads to (or null). */
  relatedLinks: z.array(z.object({ position: z.number().int(), headline: z.string(), target: z.string().nullable() })),
  /** Readers' views by hour, for "most read". */
  views: z.array(z.object({ hour: z.string(), views: z.number().int().nonnegative() })),
});
export type ExportedStory = z.infer<typeof exportedStorySchema>;
