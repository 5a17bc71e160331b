// The `:slug` of a URL, checked once for every route that takes one (stories, tags, authors,
// share cards, publishing). A segment that cannot be a slug names nothing on this site.
import { ApiError } from "../../model/apiError";
import { slugSchema } from "../../model/story";

/**
 * The slug, or an ApiError: reading at a segment that cannot be a slug finds nothing (404);
 * writing there is a bad request (400), since nothing could ever be read back from it.
 */
export function slugParam(value: string, use: "read" | "write" = "read"): string {
  if (slugSchema.safeParse(value).success) return value;
  if (use === "write") throw new ApiError("bad_request", "slug: lowercase letters, digits and single hyphens");
  throw new ApiError("not_found", `There is nothing at ${JSON.stringify(value.slice(0, 120))}.`);
}
