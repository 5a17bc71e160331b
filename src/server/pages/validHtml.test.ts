// Valid HTML on every page type: the Nu HTML Checker (vnu-jar, the W3C validator's engine) over the
// server-rendered pages, all in one run of the checker (a JVM start is seconds; a page is not).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIVE_SLUG, writeLiveStory } from "../../test/liveStory";
import { apiRequest, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const vnuJar = join(createRequire(import.meta.url).resolve("vnu-jar/package.json"), "../build/dist/vnu.jar");
const root = join(import.meta.dirname, "../../..");

interface Message {
  type: string;
  subType?: string;
  url: string;
  message: string;
  extract?: string;
}

let server: TestServer;
let dir: string;
const pages: Record<string, string> = {};
let messages: Message[] = [];

beforeAll(async () => {
  server = await startTestServer({ adminToken: TEST_TOKEN });
  const embedded = await apiRequest(
    server.url,
    "PUT",
    "/api/stories/pier-3-reopens",
    storyDraft({
      body: [
        {
          type: "embed",
          url: "https://www.instagram.com/p/C0abc/",
          provider: "instagram",
          text: "Dawn at pier 3.",
          runs: [{ text: "Dawn", marks: ["em"] }, { text: " at pier 3." }],
          author: "Harbour Council",
          date: "2026-12-06T18:05:00Z",
        },
      ],
    }),
  );
  expect(embedded.status).toBe(201);
  await writeLiveStory(server.store, { entries: 25, pinned: 1 });
  const { nextBefore } = await (await fetch(`${server.url}/api/stories/${LIVE_SLUG}/entries`)).json();
  dir = await mkdtemp(join(tmpdir(), "dispatch-vnu-"));
  const list: { items: { slug: string; image?: unknown }[] } = await (
    await fetch(`${server.url}/api/stories?limit=50`)
  ).json();
  const full = await Promise.all(
    list.items.map(async ({ slug }) => (await fetch(`${server.url}/api/stories/${slug}`)).json()),
  );
  const withVideo = full.find((s) => s.body.some((b: { type: string }) => b.type === "video"));
  const withoutVideo = full.find((s) => !s.body.some((b: { type: string }) => b.type === "video"));
  const withCorrection = full.find((s) => s.body.some((b: { type: string }) => b.type === "correction"));
  const story = full[0];
  const paths: Record<string, string> = {
    front: "/",
    "story-with-video": `/stories/${withVideo.slug}`,
    "story-without-video": `/stories/${withoutVideo.slug}`,
    "story-quote": `/stories/${withVideo.slug}?quote=2`,
    "story-with-correction": `/stories/${withCorrection.slug}`,
    "story-with-embed": "/stories/pier-3-reopens",
    section: `/sections/${story.section.slug}`,
    tag: `/tags/${story.tags[0].slug}`,
    author: `/authors/${story.authors[0].slug}`,
    "search-results": "/search?q=fog",
    "search-none": "/search?q=zzzzqqqq",
    "search-empty": "/search",
    saved: "/saved",
    "not-found": "/stories/no-such-story",
    "story-live": `/stories/${LIVE_SLUG}`,
    "story-live-older": `/stories/${LIVE_SLUG}?before=${nextBefore}`,
    embed: `/embed/${withVideo.slug}`,
  };
  for (const [name, path] of Object.entries(paths)) {
    const response = await fetch(`${server.url}${path}`);
    expect(response.headers.get("content-type"), path).toMatch(/^text\/html/);
    pages[name] = await response.text();
  }
  pages.offline = await readFile(join(root, "public/offline.html"), "utf8");
  const files = await Promise.all(
    Object.entries(pages).map(async ([name, html]) => {
      const file = join(dir, `${name}.html`);
      await writeFile(file, html);
      return file;
    }),
  );
  // The checker exits non-zero when it finds errors; its JSON on stdout is what the test reads.
  const output = await promisify(execFile)("java", ["-jar", vnuJar, "--format", "json", "--stdout", ...files], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => {
    if (!error.stdout) throw error;
    return { stdout: error.stdout };
  });
  messages = JSON.parse(output.stdout).messages;
}, 120_000);
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("every page type, through the Nu HTML Checker", () => {
  it("was checked, every page", () => {
    expect(Object.keys(pages)).toHaveLength(18);
    expect(pages["story-with-correction"]).toContain('aria-labelledby="correction"');
    expect(pages["story-with-embed"]).toContain('<blockquote cite="https://www.instagram.com/p/C0abc/">');
    expect(pages.embed).toContain("<video");
    expect(pages["search-results"]).toContain("<mark");
    expect(pages["not-found"]).toContain("Page not found");
  });

  it("has no errors", () => {
    const errors = messages
      .filter((m) => m.type === "error" || m.subType === "fatal" || m.type === "non-document-error")
      .map((m) => `${m.url.split("/").pop()}: ${m.message} — ${m.extract ?? ""}`);
    expect(errors).toEqual([]);
  });
});
