// The hostile catalogue: inputs a careless or hostile client sends to every surface of Dispatch,
// each with the answer it must get. src/server/hostile.test.ts sends them all, on each engine, to
// the real server, and holds every answer to what any answer owes a reader: never a 5xx, never
// the input echoed unescaped into HTML or XML, never a redirect to another host, the one error
// shape. Add a case whenever a new surface or a new trick turns up.

/** Script that must never reach a page as markup. */
export const MARK = `"><svg/onload=alert(1)>`;
/** The same, as it may appear in a URL. */
export const MARK_IN_URL = encodeURIComponent(MARK);

/** The publishing token the catalogue's server runs with (32+ characters, as the server demands). */
export const TOKEN = "hostile-catalogue-admin-token-0123456789abcdef";

export type Surface =
  | "story page"
  | "listing pages"
  | "search"
  | "read API"
  | "publishing"
  | "live entries"
  | "views"
  | "change stream"
  | "oEmbed"
  | "feeds and sitemaps"
  | "share cards"
  | "pictures and the player"
  | "files"
  | "request line"
  | "headers";

export interface HostileCase {
  surface: Surface;
  /** What the input tries. */
  name: string;
  method?: string;
  /** The request target, sent by fetch (so a valid URL path); ignored when `raw` is set. */
  path: string;
  /** The request line and headers written as they are on a socket (`{host}` becomes the server's). */
  raw?: string;
  /** With `raw`: the body written after the head as it is, no Content-Length added (a chunked body, say). */
  rawBody?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Send `Authorization: Bearer TOKEN`. */
  admin?: boolean;
  /** The statuses the answer may have. */
  expect: number[];
  /** Afterwards, this page must answer 200 and show the input as text (escaped). */
  shownAt?: string;
  /** Afterwards, this story must not exist (the write was refused and left nothing behind). */
  absent?: string;
  /** Afterwards, these must answer 200 (what the input made the site link to). */
  answering?: string[];
}

const story = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    headline: "Hostile catalogue story",
    section: "city",
    authors: [{ slug: "catalogue-writer", name: "Catalogue Writer" }],
    tags: [{ slug: "catalogue", name: "Catalogue" }],
    publishedAt: "2026-11-20T06:00:00.000Z",
    updatedAt: "2026-11-20T06:00:00.000Z",
    body: [{ type: "paragraph", text: "A paragraph." }],
    ...overrides,
  });

const put = (slug: string, body: string, expect: number[], extra: Partial<HostileCase> = {}): HostileCase => ({
  surface: "publishing",
  name: extra.name ?? slug,
  method: "PUT",
  path: `/api/stories/${slug}`,
  headers: { "content-type": "application/json" },
  admin: true,
  body,
  expect,
  ...extra,
});

const entry = (overrides: Record<string, unknown> = {}) =>
  JSON.stringify({ body: [{ type: "paragraph", text: "An update." }], ...overrides });

const STORY = "/stories/ferry-crew-pulls-kayakers-from-the-sound";

export const catalogue: HostileCase[] = [
  // Story pages
  { surface: "story page", name: "script in the slug", path: `/stories/${MARK_IN_URL}`, expect: [404] },
  { surface: "story page", name: "NUL in the slug", path: "/stories/%00", expect: [404] },
  { surface: "story page", name: "dot-dot slug", path: "/stories/%2e%2e", expect: [404] },
  { surface: "story page", name: "encoded slash in the slug", path: "/stories/a%2fb", expect: [404] },
  {
    surface: "story page",
    name: "a slug of 5,000 characters",
    path: `/stories/${"a".repeat(5000)}`,
    expect: [404],
  },
  { surface: "story page", name: "right-to-left override in the slug", path: "/stories/%E2%80%AEabc", expect: [404] },
  { surface: "story page", name: "script in ?quote", path: `${STORY}?quote=${MARK_IN_URL}`, expect: [200] },
  { surface: "story page", name: "?quote past the last passage", path: `${STORY}?quote=99999`, expect: [200] },
  { surface: "story page", name: "script in ?t", path: `${STORY}?t=${MARK_IN_URL}`, expect: [200] },
  { surface: "story page", name: "?t of 1e308", path: `${STORY}?t=1e308`, expect: [200] },
  {
    surface: "story page",
    name: "tracking parameter with script",
    path: `${STORY}?utm_source=${MARK_IN_URL}`,
    expect: [301],
  },
  {
    surface: "story page",
    name: "upper-case slug",
    path: "/stories/FERRY-CREW-PULLS-KAYAKERS-FROM-THE-SOUND",
    expect: [301],
  },
  { surface: "story page", name: "protocol-relative path", path: "//evil.example/", expect: [301] },
  { surface: "story page", name: "protocol-relative story path", path: "//evil.example/stories/x", expect: [301] },
  // Listing pages
  { surface: "listing pages", name: "script as a section", path: `/sections/${MARK_IN_URL}`, expect: [404] },
  { surface: "listing pages", name: "NUL inside a tag", path: "/tags/a%00b", expect: [404] },
  { surface: "listing pages", name: "traversal as an author", path: "/authors/..%2f..%2fetc%2fpasswd", expect: [404] },
  { surface: "listing pages", name: "garbage ?before", path: "/sections/city?before=garbage", expect: [404] },
  {
    surface: "listing pages",
    name: "script in ?before",
    path: `/sections/city?before=${MARK_IN_URL}`,
    expect: [404],
  },
  {
    surface: "listing pages",
    name: "saved page with script in the query",
    path: `/saved?x=${MARK_IN_URL}`,
    expect: [200],
  },
  // Search
  { surface: "search", name: "script as the query", path: `/search?q=${MARK_IN_URL}`, expect: [200] },
  { surface: "search", name: "script as the query (API)", path: `/api/search?q=${MARK_IN_URL}`, expect: [200] },
  {
    surface: "search",
    name: "FTS syntax",
    path: `/api/search?q=${encodeURIComponent('headline:fog OR NEAR("a" "b") *')}`,
    expect: [200],
  },
  { surface: "search", name: "lone quote", path: "/api/search?q=%22", expect: [200] },
  {
    surface: "search",
    name: "SQL in the query",
    path: `/api/search?q=${encodeURIComponent("' or 1=1 --")}`,
    expect: [200],
  },
  {
    surface: "search",
    name: "10,000-character query",
    path: `/api/search?q=${"fog%20".repeat(2000)}`,
    expect: [400],
  },
  { surface: "search", name: "NUL in the query", path: "/api/search?q=fog%00", expect: [200] },
  { surface: "search", name: "forged cursor", path: "/api/search?q=fog&cursor=eyJ4IjoxfQ", expect: [400] },
  { surface: "search", name: "script as the cursor", path: `/api/search?q=fog&cursor=${MARK_IN_URL}`, expect: [400] },
  { surface: "search", name: "hex limit", path: "/api/search?q=fog&limit=0x10", expect: [400] },
  // Read API
  {
    surface: "read API",
    name: "SQL as a section",
    path: `/api/stories?section=${encodeURIComponent("' or 1=1 --")}`,
    expect: [400],
  },
  { surface: "read API", name: "hex limit", path: "/api/stories?limit=0x10", expect: [400] },
  { surface: "read API", name: "negative limit", path: "/api/stories?limit=-1", expect: [400] },
  { surface: "read API", name: "limit 1e3", path: "/api/stories?limit=1e3", expect: [400] },
  { surface: "read API", name: "limit twice", path: "/api/stories?limit=1&limit=2", expect: [400] },
  { surface: "read API", name: "forged list cursor", path: "/api/stories?cursor=AAAA", expect: [400] },
  { surface: "read API", name: "NUL story slug", path: "/api/stories/%00", expect: [404] },
  { surface: "read API", name: "script as a story slug", path: `/api/stories/${MARK_IN_URL}`, expect: [404] },
  { surface: "read API", name: "NUL tag", path: "/api/tags/a%00b", expect: [404] },
  { surface: "read API", name: "unknown API path", path: "/api/nope", expect: [404] },
  // Publishing
  put("no-token", story(), [401], { admin: false, name: "no token", absent: "no-token" }),
  put("wrong-token", story(), [401], {
    admin: false,
    name: "wrong token",
    headers: { "content-type": "application/json", authorization: "Bearer not-the-token" },
    absent: "wrong-token",
  }),
  put("basic-auth", story(), [401], {
    admin: false,
    name: "Basic instead of Bearer",
    headers: {
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString("base64")}`,
    },
    absent: "basic-auth",
  }),
  put("lower-case-scheme", story(), [201], {
    admin: false,
    name: "lower-case bearer scheme",
    headers: { "content-type": "application/json", authorization: `bearer ${TOKEN}` },
  }),
  put("text-plain", story(), [415], {
    name: "text/plain body",
    headers: { "content-type": "text/plain" },
    absent: "text-plain",
  }),
  put("broken-json", '{"headline": "x",', [400], { name: "broken JSON", absent: "broken-json" }),
  put("json-array", "[1, 2, 3]", [400], { name: "a JSON array", absent: "json-array" }),
  put("too-big", story({ body: [{ type: "paragraph", text: "x".repeat(1_100_000) }] }), [413], {
    name: "a body over 1 MiB",
    absent: "too-big",
  }),
  put("script-headline", story({ headline: MARK, body: [{ type: "paragraph", text: MARK }] }), [201], {
    name: "script in the headline and body",
    shownAt: "/stories/script-headline",
  }),
  // Inline marks (model/runs.ts, docs/decisions/042): runs are text, and links go only to http(s) or a story.
  put(
    "script-runs",
    story({
      body: [
        {
          type: "paragraph",
          text: `${MARK} and ${MARK}`,
          runs: [
            { text: MARK, marks: ["em", "strong"] },
            { text: " and " },
            { text: MARK, href: `https://example.com/${MARK}` },
          ],
        },
      ],
    }),
    [201],
    { name: "script in a run's text and link", shownAt: "/stories/script-runs" },
  ),
  ...[
    ["javascript-run", "javascript:alert(1)"],
    ["javascript-run-upper", "JavaScript:alert(1)"],
    ["javascript-run-tab", "java\tscript:alert(1)"],
    ["javascript-run-spaced", " javascript:alert(1)"],
    ["data-run", "data:text/html,<script>alert(1)</script>"],
    ["protocol-relative-run", "//evil.example/x"],
    ["backslash-run", "https:\\evil.example"],
    ["credentials-run", "https://user:pass@evil.example/"],
    ["site-path-run", "/admin"],
    ["escaping-story-path-run", "/stories/../api/accounts"],
  ].map(([slug = "", href]) =>
    put(slug, story({ body: [{ type: "paragraph", text: "A link.", runs: [{ text: "A link.", href }] }] }), [400], {
      name: `a run linking to ${JSON.stringify(href)}`,
      absent: slug,
    }),
  ),
  put(
    "runs-mismatch",
    story({ body: [{ type: "paragraph", text: "What readers search.", runs: [{ text: "Something else." }] }] }),
    [400],
    { name: "runs whose text is not the paragraph's", absent: "runs-mismatch" },
  ),
  put(
    "runs-unknown-mark",
    story({ body: [{ type: "paragraph", text: "Marked.", runs: [{ text: "Marked.", marks: ["script"] }] }] }),
    [400],
    { name: "a mark that is not one", absent: "runs-unknown-mark" },
  ),
  put(
    "runs-html",
    story({ body: [{ type: "paragraph", text: "Marked.", runs: [{ text: "Marked.", html: "<b>Marked.</b>" }] }] }),
    [400],
    { name: "a run carrying HTML", absent: "runs-html" },
  ),
  put(
    "runs-nul",
    story({ body: [{ type: "paragraph", text: "Fog returns", runs: [{ text: "Fog\u0000" }, { text: " returns" }] }] }),
    [400],
    { name: "NUL in a run", absent: "runs-nul" },
  ),
  put("nul-headline", story({ headline: "Fog\u0000 returns" }), [400], {
    name: "NUL in the headline",
    absent: "nul-headline",
  }),
  put("escape-headline", story({ headline: "Fog \u001b[31mreturns" }), [400], {
    name: "ESC in the headline",
    absent: "escape-headline",
  }),
  put("rtl-override", story({ headline: "Fog \u202Esnruter" }), [400], {
    name: "right-to-left override in the headline",
    absent: "rtl-override",
  }),
  put(
    "lone-surrogate",
    `{"headline":"Fog \\ud800 returns",${story()
      .slice(1)
      .replace(/"headline":"[^"]*",/, "")}`,
    [400],
    {
      name: "lone surrogate in the headline",
      absent: "lone-surrogate",
    },
  ),
  put("script-section", story({ section: { slug: MARK, name: MARK } }), [400], {
    name: "script as a new section's slug",
    absent: "script-section",
  }),
  put(
    "javascript-video",
    story({
      body: [{ type: "video", video: { title: "x", sources: [{ src: "javascript:alert(1)", type: "video/mp4" }] } }],
    }),
    [400],
    {
      name: "javascript: video source",
      absent: "javascript-video",
    },
  ),
  put("javascript-image", story({ image: { src: "javascript:alert(1)", alt: "x", width: 10, height: 10 } }), [400], {
    name: "javascript: image",
    absent: "javascript-image",
  }),
  put("proto-pollution", `{"__proto__": {"admin": true}, ${story().slice(1)}`, [400], {
    name: "__proto__ in the body",
    absent: "proto-pollution",
  }),
  put("bad-date", story({ publishedAt: "yesterday" }), [400], { name: "a date that is not one", absent: "bad-date" }),
  put("year-zero", story({ publishedAt: "0000-01-01T00:00:00Z", updatedAt: "0000-01-01T00:00:00Z" }), [201], {
    name: "a story dated the first day of year 0",
    answering: ["/sitemap.xml", "/sitemaps/stories-0000-01.xml", "/stories/year-zero", "/feed.xml"],
  }),
  // A published story dated in the future is refused (decision 037); the far future is a schedule.
  put("year-9999", story({ publishedAt: "9999-12-31T00:00:00Z", updatedAt: "9999-12-31T00:00:00Z" }), [400], {
    name: "a story published dated the last day of year 9999",
    absent: "year-9999",
  }),
  put("year-9999-scheduled", story({ status: "scheduled", publishAt: "9999-12-31T00:00:00Z" }), [201], {
    name: "a story scheduled for the last day of year 9999",
    absent: "year-9999-scheduled",
    answering: ["/sitemap.xml", "/feed.xml"],
  }),
  put("traversal-related", story({ body: [{ type: "related", headline: "x", slug: "../../etc/passwd" }] }), [400], {
    name: "traversal as a related slug",
    absent: "traversal-related",
  }),
  // Posts from other platforms (block "embed", decision 045): only https, only a platform's hosts,
  // words within their limit; script in the words or the author is shown as text.
  ...(
    [
      ["embed-script-url", { url: "javascript:alert(1)" }, "a javascript: address as an embedded post"],
      ["embed-data-url", { url: "data:text/html,<script>alert(1)</script>" }, "a data: address as an embedded post"],
      ["embed-other-host", { url: "https://evil.example/status/1" }, "an embedded post on no known platform"],
      ["embed-look-alike", { url: "https://x.com.evil.example/a/status/1" }, "an embedded post on a look-alike host"],
      ["embed-credentials", { url: "https://x.com@evil.example/a" }, "an embedded post's address with a user name"],
      ["embed-huge", { text: "a".repeat(100_000) }, "an embedded post of 100,000 characters"],
    ] as const
  ).map(([slug, change, name]) =>
    put(
      slug,
      story({
        body: [{ type: "embed", url: "https://x.com/a/status/1", provider: "x", text: "Posted.", ...change }],
      }),
      [400],
      { name, absent: slug },
    ),
  ),
  put(
    "embed-script",
    story({
      body: [
        { type: "embed", url: "https://bsky.app/profile/a/post/1", provider: "bluesky", text: MARK, author: MARK },
      ],
    }),
    [201],
    { name: "script in an embedded post's words and author", shownAt: "/stories/embed-script" },
  ),
  put(
    "tag-twice",
    story({
      tags: [
        { slug: "catalogue", name: "Catalogue" },
        { slug: "catalogue", name: "Catalogue" },
      ],
    }),
    [400],
    { name: "a tag named twice", absent: "tag-twice" },
  ),
  put(
    "author-twice",
    story({
      authors: [
        { slug: "catalogue-writer", name: "Catalogue Writer" },
        { slug: "catalogue-writer", name: "Another Name" },
      ],
    }),
    [400],
    { name: "an author named twice, by two names", absent: "author-twice" },
  ),
  put("renames-an-author", story({ authors: [{ slug: "mara-lindqvist", name: "Renamed By Another Story" }] }), [409], {
    name: "a story renaming an author of other stories",
    absent: "renames-an-author",
  }),
  ...(
    [
      ["a tag renamed to script, shown escaped", "/api/tags/wildlife", { name: MARK }, true, [200]],
      ["a tag renamed without a token", "/api/tags/wildlife", { name: "Wild" }, false, [401]],
      ["an author renamed to a bidi override", "/api/authors/mara-lindqvist", { name: "a\u202eb" }, true, [400]],
      ["a rename with more than a name", "/api/authors/mara-lindqvist", { name: "M", slug: "x" }, true, [400]],
      ["a tag that is not there, renamed", "/api/tags/not-a-tag-at-all", { name: "Nothing" }, true, [404]],
      ["script as the author to rename", `/api/authors/${MARK_IN_URL}`, { name: "M" }, true, [404]],
    ] as const
  ).map(
    ([name, path, body, admin, expect]): HostileCase => ({
      surface: "publishing",
      name,
      method: "PUT",
      path,
      headers: { "content-type": "application/json" },
      admin,
      body: JSON.stringify(body),
      expect: [...expect],
      ...(name.includes("shown escaped") ? { shownAt: "/tags/wildlife" } : {}),
    }),
  ),
  put(MARK_IN_URL, story(), [400], { name: "script as the slug to publish at" }),
  put(
    "script-correction",
    story({
      updatedAt: "2026-11-21T06:00:00.000Z",
      body: [
        { type: "correction", date: "2026-11-21T06:00:00.000Z", text: MARK },
        { type: "paragraph", text: "A paragraph." },
      ],
    }),
    [201],
    { name: "script in a correction", shownAt: "/stories/script-correction" },
  ),
  put(
    "late-correction",
    story({
      body: [
        { type: "paragraph", text: "A." },
        { type: "correction", date: "2026-11-22T06:00:00Z", text: "Fix." },
      ],
    }),
    [400],
    { name: "a correction dated after the story's updatedAt", absent: "late-correction" },
  ),
  {
    surface: "publishing",
    name: "revisions without a token",
    path: "/api/stories/ferry-crew-pulls-kayakers-from-the-sound/revisions",
    expect: [401],
  },
  {
    surface: "publishing",
    name: "script as the revisions' cursor",
    path: `/api/stories/ferry-crew-pulls-kayakers-from-the-sound/revisions?cursor=${MARK_IN_URL}`,
    admin: true,
    expect: [400],
  },
  {
    surface: "publishing",
    name: "a revisions' cursor past a 32-bit column",
    path: "/api/stories/ferry-crew-pulls-kayakers-from-the-sound/revisions?cursor=2147483648",
    admin: true,
    expect: [400],
  },
  {
    surface: "publishing",
    name: "revisions of a script slug",
    path: `/api/stories/${MARK_IN_URL}/revisions`,
    admin: true,
    expect: [404],
  },
  {
    surface: "publishing",
    name: "DELETE on the revisions",
    method: "DELETE",
    path: "/api/stories/ferry-crew-pulls-kayakers-from-the-sound/revisions",
    admin: true,
    expect: [405],
  },
  {
    surface: "publishing",
    name: "DELETE of a story that is not there",
    method: "DELETE",
    path: "/api/stories/not-there-at-all",
    admin: true,
    expect: [404],
  },
  {
    surface: "publishing",
    name: "DELETE without a token",
    method: "DELETE",
    path: "/api/stories/ferry-crew-pulls-kayakers-from-the-sound",
    expect: [401],
  },
  {
    surface: "publishing",
    name: "PATCH on a story",
    method: "PATCH",
    path: "/api/stories/x",
    headers: { "content-type": "application/json" },
    body: "{}",
    expect: [405],
  },
  // Live entries (server/api/entryRoutes.ts): a live story made first, then entries at it.
  put("hostile-live", story({ headline: "Hostile live story", live: true }), [200, 201], { name: "a live story" }),
  ...(
    [
      [
        "script in an entry, shown escaped",
        entry({ headline: MARK, body: [{ type: "paragraph", text: MARK }] }),
        [201],
      ],
      ["a bidi override in an entry", entry({ body: [{ type: "paragraph", text: "a\u202eb" }] }), [400]],
      ["an entry with no body", JSON.stringify({ headline: "x" }), [400]],
      ["an entry dated far ahead", entry({ postedAt: "2099-01-01T00:00:00Z" }), [400]],
      ["an entry that is not JSON", "{", [400]],
      ["an entry with an unknown field", entry({ story: "other" }), [400]],
      [
        "script in an entry's runs, shown escaped",
        entry({ body: [{ type: "paragraph", text: MARK, runs: [{ text: MARK, marks: ["strong"] }] }] }),
        [201],
      ],
      [
        "an entry linking to javascript:",
        entry({ body: [{ type: "paragraph", text: "Go.", runs: [{ text: "Go.", href: "javascript:alert(1)" }] }] }),
        [400],
      ],
    ] as const
  ).map(
    ([name, body, expect]): HostileCase => ({
      surface: "live entries",
      name,
      method: "POST",
      path: "/api/stories/hostile-live/entries",
      headers: { "content-type": "application/json" },
      admin: true,
      body,
      expect: [...expect],
      ...(name.startsWith("script") ? { shownAt: "/stories/hostile-live" } : {}),
    }),
  ),
  {
    surface: "live entries",
    name: "an entry without a token",
    method: "POST",
    path: "/api/stories/hostile-live/entries",
    headers: { "content-type": "application/json" },
    body: entry(),
    expect: [401],
  },
  {
    surface: "live entries",
    name: "an entry at a story that is not live",
    method: "POST",
    path: "/api/stories/ferry-crew-pulls-kayakers-from-the-sound/entries",
    headers: { "content-type": "application/json" },
    admin: true,
    body: entry(),
    expect: [409],
  },
  {
    surface: "live entries",
    name: "script as an entry id",
    method: "PUT",
    path: `/api/stories/hostile-live/entries/${MARK_IN_URL}`,
    headers: { "content-type": "application/json" },
    admin: true,
    body: entry(),
    expect: [404],
  },
  {
    surface: "live entries",
    name: "script as a cursor",
    path: `/api/stories/hostile-live/entries?before=${MARK_IN_URL}`,
    expect: [400],
  },
  {
    surface: "live entries",
    name: "script as a page's cursor",
    path: `/stories/hostile-live?before=${MARK_IN_URL}`,
    expect: [404],
  },
  ...(
    [
      ["PUT", "/api/stories/hostile-live/entries/2147483648", 404, "an entry id past a 32-bit column, replaced"],
      ["DELETE", "/api/stories/hostile-live/entries/2147483648", 404, "an entry id past a 32-bit column, deleted"],
      ["GET", "/api/stories/hostile-live/entries?before=2147483648", 400, "a cursor past a 32-bit column"],
      ["GET", "/stories/hostile-live?before=2147483648", 404, "a page's cursor past a 32-bit column"],
      ["GET", "/stories/hostile-live?before=2147483647", 404, "a page's cursor at the column's last id"],
    ] as const
  ).map(
    ([method, path, status, name]): HostileCase => ({
      surface: "live entries",
      name,
      method,
      path,
      ...(method === "PUT" ? { headers: { "content-type": "application/json" }, body: entry() } : {}),
      admin: method !== "GET",
      expect: [status],
    }),
  ),
  {
    surface: "live entries",
    name: "a huge limit",
    path: "/api/stories/hostile-live/entries?limit=99999999999999999999",
    expect: [400],
  },
  {
    surface: "live entries",
    name: "script in a live feed's slug",
    path: `/stories/${MARK_IN_URL}/feed.xml`,
    expect: [404],
  },
  // The change stream (server/events/): only the refusals, as an accepted stream never ends.
  ...(
    [
      ["script as Last-Event-ID", { "last-event-id": MARK }, ""],
      ["a negative Last-Event-ID", { "last-event-id": "-1" }, ""],
      ["a Last-Event-ID past any number", { "last-event-id": "9".repeat(40) }, ""],
      ["a Last-Event-ID past an exact number", { "last-event-id": "9007199254740992" }, ""],
      ["a place to resume after past an exact number", {}, "?after=9007199254740992"],
      ["script as the place to resume after", {}, `?after=${MARK_IN_URL}`],
      ["a NUL as the place to resume after", {}, "?after=%00"],
    ] as const
  ).map(
    ([name, headers, query]): HostileCase => ({
      surface: "change stream",
      name,
      path: `/api/events${query}`,
      headers: { ...headers },
      expect: [400],
    }),
  ),
  // Pictures (renditions under /img/, pictures named by a published story) and the embed player
  put(
    "picture-outside-public",
    story({ image: { src: "/media/../../package.json", alt: "", width: 10, height: 10 } }),
    [400],
    {
      name: "a picture path out of the public folder",
      absent: "picture-outside-public",
    },
  ),
  put(
    "picture-not-there",
    story({ body: [{ type: "image", src: "/media/not-there.jpg", alt: "", width: 10, height: 10 }] }),
    [400],
    {
      name: "a body picture that is not there",
      absent: "picture-not-there",
    },
  ),
  put("picture-sized-wrong", story({ image: { src: "/site-card.png", alt: "The card", width: 1, height: 1 } }), [201], {
    name: "a site picture sent with a size it does not have",
    answering: ["/stories/picture-sized-wrong"],
  }),
  put(
    "picture-not-a-picture",
    story({ image: { src: "/manifest.webmanifest", alt: "", width: 10, height: 10 } }),
    [400],
    {
      name: "a file that is not a picture as the lead picture",
      absent: "picture-not-a-picture",
    },
  ),
  {
    surface: "pictures and the player",
    name: "traversal in a rendition, encoded",
    path: "/img/media/..%2f..%2fpackage.json/0123456789abcdef/w320.jpg",
    expect: [404],
  },
  {
    surface: "pictures and the player",
    name: "traversal in a rendition, as sent",
    path: "",
    raw: "GET /img/media/../../package.json/0123456789abcdef/w320.jpg HTTP/1.1\r\nhost: {host}",
    expect: [400, 404],
  },
  {
    surface: "pictures and the player",
    name: "a rendition wider than any offered",
    path: "/img/media/ferry-fog.jpg/0123456789abcdef/w9999.jpg",
    expect: [404],
  },
  {
    surface: "pictures and the player",
    name: "script as a rendition's picture",
    path: `/img/${MARK_IN_URL}.jpg/0123456789abcdef/w320.jpg`,
    expect: [404],
  },
  {
    surface: "pictures and the player",
    name: "script as the player's slug",
    path: `/embed/${MARK_IN_URL}`,
    expect: [404],
  },
  { surface: "pictures and the player", name: "NUL as the player's slug", path: "/embed/%00", expect: [404] },
  // Views
  {
    surface: "views",
    name: "garbage beacon",
    method: "POST",
    path: "/api/views",
    headers: { "content-type": "text/plain" },
    body: "\u0000\u0001garbage",
    expect: [400],
  },
  {
    surface: "views",
    name: "a view of a story that is not there",
    method: "POST",
    path: "/api/views",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ slug: MARK }),
    expect: [400],
  },
  {
    surface: "views",
    name: "__proto__ as the beacon",
    method: "POST",
    path: "/api/views",
    headers: { "content-type": "application/json" },
    body: '{"__proto__":{"slug":"x"}}',
    expect: [400],
  },
  {
    surface: "views",
    name: "a beacon over its size",
    method: "POST",
    path: "/api/views",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ slug: "x".repeat(5000) }),
    expect: [413],
  },
  // oEmbed
  {
    surface: "oEmbed",
    name: "another site's URL",
    path: "/oembed?url=https%3A%2F%2Fevil.example%2Fstories%2Fx&format=json",
    expect: [404],
  },
  { surface: "oEmbed", name: "javascript: URL", path: "/oembed?url=javascript%3Aalert(1)", expect: [404] },
  {
    surface: "oEmbed",
    name: "format xml",
    path: `/oembed?url=https%3A%2F%2Fnews.example${encodeURIComponent(STORY)}&format=xml`,
    expect: [501],
  },
  { surface: "oEmbed", name: "no url", path: "/oembed", expect: [400] },
  {
    surface: "oEmbed",
    name: "negative maxwidth",
    path: `/oembed?url=https%3A%2F%2Fnews.example${encodeURIComponent(STORY)}&maxwidth=-1`,
    expect: [400],
  },
  // Feeds and sitemaps
  {
    surface: "feeds and sitemaps",
    name: "script as a feed's section",
    path: `/sections/${MARK_IN_URL}/feed.xml`,
    expect: [404],
  },
  {
    surface: "feeds and sitemaps",
    name: "a month that is not one",
    path: "/sitemaps/stories-9999-99.xml",
    expect: [404],
  },
  { surface: "feeds and sitemaps", name: "part zero", path: "/sitemaps/stories-2026-11-0.xml", expect: [404] },
  {
    surface: "feeds and sitemaps",
    name: "traversal under sitemaps",
    path: "/sitemaps/..%2f..%2fpackage.json",
    expect: [404],
  },
  {
    surface: "feeds and sitemaps",
    name: "script in the feed's query",
    path: `/feed.xml?x=${MARK_IN_URL}`,
    expect: [200],
  },
  // Share cards
  { surface: "share cards", name: "script as the card's slug", path: `/og/${MARK_IN_URL}.png`, expect: [404] },
  { surface: "share cards", name: "NUL as the card's slug", path: "/og/%00.png", expect: [404] },
  { surface: "share cards", name: "a card for no story", path: "/og/not-a-story.png", expect: [404] },
  // Files
  { surface: "files", name: "traversal out of assets", path: "/assets/..%2f..%2fpackage.json", expect: [404] },
  { surface: "files", name: "double-encoded traversal", path: "/assets/%252e%252e/package.json", expect: [404] },
  { surface: "files", name: "a precompressed sibling asked by name", path: "/sw.js.br", expect: [404] },
  { surface: "files", name: "dotfile", path: "/.env", expect: [404] },
  { surface: "files", name: "git config", path: "/.git/config", expect: [404] },
  // The request line
  {
    surface: "request line",
    name: "absolute-form target of another host",
    path: "",
    raw: "GET http://evil.example/ HTTP/1.1\r\nhost: {host}",
    expect: [200],
  },
  {
    surface: "request line",
    name: "absolute-form target with tracking",
    path: "",
    raw: "GET https://evil.example/x?utm_source=1 HTTP/1.1\r\nhost: {host}",
    expect: [301],
  },
  { surface: "request line", name: "asterisk target", path: "", raw: "GET * HTTP/1.1\r\nhost: {host}", expect: [400] },
  {
    surface: "request line",
    name: "absolute-form target of this site",
    path: "",
    raw: "GET http://{host}/stories/ferry-crew-pulls-kayakers-from-the-sound HTTP/1.1\r\nhost: {host}",
    expect: [200],
  },
  {
    surface: "request line",
    name: "raw backslash",
    path: "",
    raw: "GET /\\evil.example/ HTTP/1.1\r\nhost: {host}",
    expect: [301],
  },
  { surface: "request line", name: "TRACE", method: "TRACE", path: "/", expect: [405] },
  {
    surface: "request line",
    name: "unknown method",
    path: "",
    raw: "PROPFIND / HTTP/1.1\r\nhost: {host}",
    expect: [405],
  },
  {
    surface: "request line",
    name: "an oversized header",
    path: "",
    raw: `GET / HTTP/1.1\r\nhost: {host}\r\nx-big: ${"a".repeat(20_000)}`,
    expect: [431],
  },
  // Bodies that stall: 1,000 bytes announced, four sent, then nothing (cut at the request timeout).
  {
    surface: "views",
    name: "a body that stalls",
    path: "",
    raw: "POST /api/views HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/json\r\ncontent-length: 1000",
    rawBody: '{"sl',
    expect: [408],
  },
  {
    surface: "publishing",
    name: "a story whose body stalls",
    path: "",
    raw: "PUT /api/stories/stalls HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/json\r\ncontent-length: 1000",
    rawBody: '{"headline":',
    expect: [408],
    absent: "stalls",
  },
  // Bodies: a chunked body with a chunk size that is not hex, to each kind of route.
  ...(
    [
      ["views", "POST /api/views"],
      ["search", "GET /api/search?q=fog"],
      ["change stream", "GET /api/events"],
      ["share cards", "GET /og/ferry-crew-pulls-kayakers-from-the-sound.png"],
      ["publishing", "PUT /api/stories/chunked-badly"],
    ] as const
  ).map(
    ([surface, request]): HostileCase => ({
      surface,
      name: "a malformed chunked body",
      path: "",
      raw: `${request} HTTP/1.1\r\nhost: {host}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked`,
      rawBody: "zz\r\n{}\r\n0\r\n\r\n",
      expect: [400],
    }),
  ),
  // Headers
  { surface: "headers", name: "no Host", path: "", raw: "GET / HTTP/1.1", expect: [400] },
  { surface: "headers", name: "no Host, in the API", path: "", raw: "GET /api/sections HTTP/1.1", expect: [400] },
  {
    surface: "headers",
    name: "an expectation no server meets",
    path: "",
    raw: "GET /api/sections HTTP/1.1\r\nhost: {host}\r\nexpect: teapot",
    expect: [417],
  },
  {
    surface: "request line",
    name: "CONNECT to another host",
    path: "",
    raw: "CONNECT evil.example:443 HTTP/1.1\r\nhost: evil.example:443",
    expect: [405],
  },
  { surface: "request line", name: "an overlong UTF-8 slash in a page URL", path: "/stories/%E0%80%AF", expect: [400] },
  {
    surface: "headers",
    name: "a foreign Host",
    path: STORY,
    raw: "GET /stories/ferry-crew-pulls-kayakers-from-the-sound HTTP/1.1\r\nhost: evil.example",
    expect: [200],
  },
  {
    surface: "headers",
    name: "a foreign X-Forwarded-Host",
    path: STORY,
    headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "javascript" },
    expect: [200],
  },
  {
    surface: "headers",
    name: "garbage Accept-Encoding",
    path: STORY,
    headers: { "accept-encoding": "br;q=x, *;q=-1, gzip;q=1e9" },
    expect: [200],
  },
  {
    surface: "headers",
    name: "garbage If-None-Match",
    path: STORY,
    headers: { "if-none-match": `W/"${MARK}"` },
    expect: [200],
  },
  {
    surface: "headers",
    name: "garbage Range on a file",
    // A public file served as it is (the favicon is the site config's icon, made by the server).
    path: "/media/ferry-rescue.en.vtt",
    headers: { range: "bytes=9999999-1" },
    expect: [416],
  },
  {
    surface: "headers",
    name: "JSON asked of a page",
    path: STORY,
    headers: { accept: "application/json" },
    expect: [200],
  },
];
