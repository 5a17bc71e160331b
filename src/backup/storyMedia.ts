// The media a story uses, found wherever its JSON names a file: a picture's or video's `src`, a
// video's `poster`, in the story, its revisions, its live entries and what it holds while taken down.
import { isSitePath } from "../media/sitePictures";
import { uploadKey } from "../media/uploadPaths";

const MEDIA_FIELDS = new Set(["src", "poster"]);

/** Every site path (`/uploads/…` or a file under public/) named in `value`, however deep. */
export function mediaPaths(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) mediaPaths(item, into);
  else if (value && typeof value === "object")
    for (const [key, field] of Object.entries(value)) {
      if (MEDIA_FIELDS.has(key) && typeof field === "string" && isSitePath(field))
        into.add(field.split(/[?#]/)[0] ?? "");
      else mediaPaths(field, into);
    }
  return into;
}

/** An upload's id from its address (`/uploads/<id>.jpg`, `/uploads/<id>-poster.jpg`), or undefined. */
export function uploadIdOf(src: string): string | undefined {
  if (uploadKey(src) === undefined) return undefined;
  return /^\/uploads\/([0-9a-f]{32})/.exec(src)?.[1];
}
