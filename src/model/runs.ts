// Inline marks (docs/decisions/042): a passage's text as runs, each a stretch of the text with its
// marks (emphasis, strong) and the link it belongs to, if any. The passage's `text` stays its plain
// form; `runs`, when present, say how to set it. Types and pure helpers only: the browser renders
// runs, and zod stays out of its bundle (docs/decisions/002). The schemas are in story.ts.

/** The marks a run may carry. A run carries each at most once; order does not matter. */
export const MARKS = ["em", "strong"] as const;
export type Mark = (typeof MARKS)[number];

/** A stretch of a passage's text: its characters as they are, its marks, and the link it is part of. */
export interface Run {
  text: string;
  marks?: Mark[];
  /** An http(s) URL, or a story of this site by its path (`/stories/slug`, maybe with `#p-N`). */
  href?: string;
}

/** How many runs one passage may have (a paragraph of 20,000 characters has a few dozen at most). */
export const MAX_RUNS = 500;
/** How long a link may be. */
export const MAX_HREF = 2_048;

const STORY_PATH = /^\/stories\/[a-z0-9]+(?:-[a-z0-9]+)*(?:#[A-Za-z0-9_-]{1,64})?$/;

/** Whether `href` is a story of this site: a path, never a scheme or host. */
export const isStoryPath = (href: string): boolean => STORY_PATH.test(href);

/**
 * Whether a run may link to `href`: a story path, or an absolute http(s) URL with a host and no
 * user name or password. Nothing with white space or backslashes (which URL parsers drop or
 * rewrite), so what is checked is what a browser follows: no `javascript:`, `data:` or `//host`.
 */
export function isRunHref(href: string): boolean {
  if (href.length > MAX_HREF || /[\s\\]/.test(href)) return false;
  if (isStoryPath(href)) return true;
  if (!/^https?:\/\//i.test(href) || !URL.canParse(href)) return false;
  const url = new URL(href);
  return (
    (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" && !url.username && !url.password
  );
}

/** The `rel` of a link: none for the site's own stories; `noopener`, and `nofollow` if the site says (`nofollowLinks`), for others. */
export function linkRel(href: string, site: { nofollowLinks?: true }): string | undefined {
  if (isStoryPath(href)) return undefined;
  return site.nofollowLinks ? "noopener nofollow" : "noopener";
}

/** The runs' plain text: what `text` must be when both are sent. */
export const runsText = (runs: readonly Run[]): string => runs.map((run) => run.text).join("");

/** Runs in a row with the same link, as one link: a link with a word in italics is one link, not three. */
export interface LinkGroup {
  href?: string;
  runs: Run[];
}

export function linkGroups(runs: readonly Run[]): LinkGroup[] {
  const groups: LinkGroup[] = [];
  for (const run of runs) {
    const last = groups.at(-1);
    if (last && run.href !== undefined && last.href === run.href) last.runs.push(run);
    else groups.push(run.href === undefined ? { runs: [run] } : { href: run.href, runs: [run] });
  }
  return groups;
}

/** Whether the run carries `mark`. */
export const hasMark = (run: Run, mark: Mark): boolean => run.marks?.includes(mark) ?? false;
