// The newsroom's list of stories (GET /api/newsroom/stories, staff only): every story whatever its
// status, held (draft, scheduled, unpublished) or published (live while its coverage goes on),
// newest change first, found by status, section, author and words of the headline.
import { z } from "zod";
import { STORY_STATUSES } from "./storyStatus";

/** What the list shows of a story's state: its status, or `live` for a published story covered live. */
export const LISTED_STATUSES = [...STORY_STATUSES, "live"] as const;
export type ListedStatus = (typeof LISTED_STATUSES)[number];

/** How many stories the list answers at most. */
export const NEWSROOM_LIST_LIMIT = 100;

export const newsroomStoryParamsSchema = z.strictObject({
  /** `published` includes live stories; `live` is only those. */
  status: z.enum(LISTED_STATUSES).optional(),
  section: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional(),
  /** An author's slug: only the stories that name them. */
  author: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/)
    .optional(),
  /** Words the headline holds, in any case. */
  q: z.string().trim().max(200).optional(),
});
export type NewsroomStoryParams = z.infer<typeof newsroomStoryParamsSchema>;

export interface NewsroomStory {
  slug: string;
  headline: string;
  section: string;
  status: ListedStatus;
  /** When it last changed: a held story's save, a published story's update. */
  changedAt: string;
  /** When a scheduled story goes out. */
  publishAt?: string;
}

/** An author the list can be filtered by (GET /api/newsroom/authors): one named by a story, held or published. */
export interface NewsroomAuthor {
  slug: string;
  name: string;
}
