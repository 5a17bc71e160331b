// A story's revisions, as the publishing API lists them (GET /api/stories/:slug/revisions): each
// write that changed the story kept it whole, numbered from 1 per story, newest first.
import { z } from "zod";
import { writeAuthorSchema } from "./account";
import { rowNumber } from "./rowNumbers";
import { storyInputSchema } from "./story";
import { pageSizeSchema } from "./storyList";

export const revisionSchema = z.object({
  /** 1 for the first write the store kept, then one more for each write that changed the story. */
  revision: z.int().positive(),
  savedAt: z.iso.datetime({ offset: true }),
  /** The digest the store compares to tell an unchanged write (sha-256, base64url). */
  contentHash: z.string(),
  /** The story as it was written (its section as a slug, as for an import). */
  story: storyInputSchema,
  /** Who wrote it: an account, or "token" (ADMIN_TOKEN); absent for writes made before accounts. */
  author: writeAuthorSchema.optional(),
});

export const revisionPageSchema = z.object({
  items: z.array(revisionSchema),
  /** The revision number to ask for next (`?cursor=`), or null after the oldest. */
  nextCursor: z.string().nullable(),
});

/** How many revisions a page may hold: each is a whole story, up to 1 MiB. */
export const REVISION_PAGE = { default: 10, max: 20 } as const;

export type Revision = z.infer<typeof revisionSchema>;
export type RevisionPage = z.infer<typeof revisionPageSchema>;

/** `?limit=&cursor=` of the revisions' list: the cursor is the revision number the last page gave. */
export const revisionQuerySchema = z.strictObject({
  limit: pageSizeSchema(REVISION_PAGE.max, REVISION_PAGE.default),
  cursor: z
    .string()
    .transform((value, context) => {
      const revision = rowNumber("revision", value);
      if (revision === null)
        context.issues.push({ code: "custom", message: "a revision number, as nextCursor gave it", input: value });
      return revision ?? 0;
    })
    .optional(),
});
