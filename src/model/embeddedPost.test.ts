import { describe, expect, it } from "vitest";
import { embedUrlProvider } from "./embeddedPost";
import { blockSchema, storyInputSchema } from "./story";

const post = (overrides: Record<string, unknown> = {}) => ({
  type: "embed",
  url: "https://x.com/harbourmayor/status/1865000000000000000",
  provider: "x",
  text: "The ferry runs again from Monday.",
  author: "Mayor Ana Ruiz (@harbourmayor)",
  date: "2026-12-06T18:05:00Z",
  ...overrides,
});

/** The messages of a block's issues, with the field each names. */
const issues = (value: unknown) => {
  const result = blockSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("embedUrlProvider", () => {
  it.each([
    ["https://x.com/a/status/1", "x"],
    ["https://twitter.com/a/status/1", "x"],
    ["https://www.instagram.com/p/C0abc/", "instagram"],
    ["https://www.tiktok.com/@harbour/video/7300000000000000000", "tiktok"],
    ["https://bsky.app/profile/harbour.bsky.social/post/3kabc", "bluesky"],
    ["https://mastodon.social/@harbour/111000000000000000", "mastodon"],
    ["https://www.threads.net/@harbour/post/C0abc", "threads"],
    ["https://www.facebook.com/harbourcouncil/posts/123", "facebook"],
    ["https://X.COM/a/status/1", "x"],
  ])("recognises %s as a post on %s", (url, provider) => {
    expect(embedUrlProvider(url)).toEqual({ provider });
  });

  it.each([
    ["not a URL", "x.com/a/status/1", "notUrl"],
    ["http", "http://x.com/a/status/1", "notHttps"],
    ["javascript:", "javascript:alert(1)", "notHttps"],
    ["white space", "https://x.com/a/status/1 2", "notUrl"],
    ["a backslash", "https://x.com\\@evil.example/", "notUrl"],
    ["a user name", "https://x.com@evil.example/a", "notUrl"],
    ["a password", "https://u:p@x.com/a/status/1", "notUrl"],
    ["a port", "https://x.com:8443/a/status/1", "notUrl"],
    ["a look-alike host", "https://x.com.evil.example/a/status/1", "unknownHost"],
    ["a subdomain not listed", "https://evil.bsky.app/profile/a/post/1", "unknownHost"],
  ])("refuses %s", (_case, url, problem) => {
    expect(embedUrlProvider(url)).toMatchObject({ problem });
  });
});

describe("the embed block", () => {
  it("takes a post on a known platform, with its runs, author and date", () => {
    expect(issues(post())).toEqual([]);
    expect(
      issues(
        post({
          text: "Ferry runs again",
          runs: [{ text: "Ferry", marks: ["strong"] }, { text: " runs again" }],
          author: undefined,
          date: undefined,
        }),
      ),
    ).toEqual([]);
  });

  it("refuses an address on no known platform, naming the host and the platforms", () => {
    const found = issues(post({ url: "https://evil.example/harbourmayor/status/1" }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^url: evil\.example is not a platform whose posts can be embedded/);
    expect(found[0]).toContain("X (x.com, twitter.com");
  });

  it.each([
    ["javascript:alert(1)", "url: must start https://"],
    ["http://x.com/a/status/1", "url: must start https://"],
    ["/stories/local", "url: must be the post's full address, starting https://"],
  ])("refuses %s", (url, message) => {
    expect(issues(post({ url }))).toEqual([message]);
  });

  it("refuses a provider other than the address's", () => {
    expect(issues(post({ provider: "instagram" }))).toEqual([
      'provider: the address is a post on X: provider must be "x"',
    ]);
    expect(issues(post({ provider: "myspace" }))[0]).toMatch(/^provider: /);
  });

  it("refuses a post without words, words too long, runs that are not its text, and unsafe characters", () => {
    expect(issues(post({ text: "  " }))[0]).toMatch(/^text: /);
    expect(issues(post({ text: "a".repeat(5_001) }))[0]).toMatch(/^text: /);
    expect(issues(post({ runs: [{ text: "Something else" }] }))[0]).toMatch(/^runs: the runs' texts joined/);
    expect(issues(post({ author: "Mayor\u202e" }))[0]).toMatch(/^author: holds the bidi control U\+202E/);
    expect(issues(post({ date: "yesterday" }))[0]).toMatch(/^date: /);
  });

  it("is a story's block like any other", () => {
    const story = storyInputSchema.safeParse({
      slug: "ferry-returns",
      headline: "The ferry returns",
      section: "city",
      authors: [],
      tags: [],
      publishedAt: "2026-12-07T06:00:00Z",
      updatedAt: "2026-12-07T06:00:00Z",
      body: [{ type: "paragraph", text: "The mayor said so." }, post()],
    });
    expect(story.success).toBe(true);
  });
});
