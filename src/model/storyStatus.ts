// A story's life (docs/decisions/037): what an editor sends beside the story in a PUT, and what the
// publishing API answers about a story readers cannot see.
import { z } from "zod";
import { isoDateTime, storyInputSchema } from "./story";

/** Only `published` reaches readers; the others are kept apart, for editors and previews. */
export const STORY_STATUSES = ["draft", "scheduled", "published", "unpublished"] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];
/** A status that keeps the story from readers. */
export type HeldStatus = Exclude<StoryStatus, "published">;

/**
 * The workflow fields of a PUT. A client that sends none publishes, as before statuses existed;
 * `publishAt` goes with `scheduled` and nothing else.
 */
export const storyWorkflowSchema = z
  .object({
    status: z.enum(STORY_STATUSES).default("published"),
    publishAt: isoDateTime.optional(),
  })
  .check((context) => {
    const { status, publishAt } = context.value;
    if (status === "scheduled" && publishAt === undefined)
      context.issues.push({
        code: "custom",
        message: "a scheduled story needs publishAt: when it goes out",
        input: publishAt,
        path: ["publishAt"],
      });
    if (status !== "scheduled" && publishAt !== undefined)
      context.issues.push({
        code: "custom",
        message: `publishAt goes with status "scheduled", not ${JSON.stringify(status)}`,
        input: publishAt,
        path: ["publishAt"],
      });
  });

/** A story readers cannot see, as the publishing API shows it to an editor. */
export const heldStorySchema = z.object({
  status: z.enum(["draft", "scheduled", "unpublished"]),
  publishAt: isoDateTime.optional(),
  savedAt: isoDateTime,
  /** The latest revision kept of the story: what `If-Match` may name (docs/decisions/037). */
  revision: z.int().nonnegative(),
  story: storyInputSchema,
});
export type HeldStory = z.infer<typeof heldStorySchema>;

/** How far ahead of the server's clock a published story's publishedAt may be: clocks differ a little. */
export const PUBLISHED_AT_LEEWAY_MS = 60_000;
