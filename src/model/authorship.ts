// Who wrote what, as staff read it (docs/decisions/035): a story's corrections, each with the
// revision that added it and so its author. Readers' pages, lists and feeds never carry these.
import { z } from "zod";
import { writeAuthorSchema } from "./account";
import { isoDateTime } from "./story";

export const authoredCorrectionSchema = z.object({
  date: isoDateTime,
  text: z.string(),
  /** The revision that added it, as the story has it now; null when it predates revisions. */
  addedIn: z
    .object({ revision: z.int().positive(), savedAt: z.string(), author: writeAuthorSchema.optional() })
    .nullable(),
});

export type AuthoredCorrection = z.infer<typeof authoredCorrectionSchema>;
