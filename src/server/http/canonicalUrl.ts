// One URL per page: the forms readers and platforms add (a trailing slash, an upper-case slug,
// tracking parameters) answer 301 to the canonical form, so links, bookmarks and caches agree.

const TRACKING = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga)$/i;

/** The canonical form of a page URL (path and query), or null when it already is canonical. */
export function canonicalPageUrl(pathAndQuery: string): string | null {
  const queryStart = pathAndQuery.indexOf("?");
  const path = queryStart === -1 ? pathAndQuery : pathAndQuery.slice(0, queryStart);
  const query = queryStart === -1 ? "" : pathAndQuery.slice(queryStart);
  const canonical = `${canonicalPath(path)}${canonicalQuery(query)}`;
  return canonical === pathAndQuery ? null : canonical;
}

function canonicalPath(path: string): string {
  // Collapsing leading slashes also keeps a redirect from ever reading as another host (//host).
  // A raw backslash is kept, encoded: browsers read `/\host` in a Location header as `//host`.
  let canonical = path
    .replaceAll("\\", "%5C")
    .replace(/^\/+/, "/")
    .replace(/(.)\/+$/, "$1");
  const story = /^\/stories\/(.+)$/.exec(canonical);
  if (story?.[1] && /[A-Z]/.test(story[1].replace(/%[0-9a-f]{2}/gi, ""))) canonical = canonical.toLowerCase();
  return canonical;
}

function canonicalQuery(query: string): string {
  if (!query) return "";
  const params = [...new URLSearchParams(query)];
  const kept = params.filter(([key]) => !TRACKING.test(key));
  if (kept.length === params.length) return query;
  const search = new URLSearchParams(kept).toString();
  return search ? `?${search}` : "";
}
