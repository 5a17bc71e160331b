// A newsroom's whole work leaves and comes back: a store of each engine with the demo stories, a
// live story with entries, a corrected story, a moved one, a draft, a scheduled one, an unpublished
// one and an uploaded picture is exported, imported into a new store of each engine (SQLite →
// PostgreSQL too), and a server on the new store answers as the first did: pages byte for byte (but
// for their nonces), lists, feeds, sitemaps, a redirect, revisions, held stories, the picture's bytes.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FolderMediaStore } from "../media/mediaStore";
import { startTestServer, type TestServer } from "../server/testServer";
import { connect, openStore } from "../store/openStore";
import { createTestDatabase, type TestDatabase, testEngines } from "../store/testDatabases";
import { apiRequest, publisher, storyDraft, TEST_TOKEN } from "../test/publishing";
import { exportNewsroom } from "./exportNewsroom";
import { ImportError, importNewsroom } from "./importNewsroom";

const publicDir = join(import.meta.dirname, "../../public");
const ok = async (answer: Response | Promise<Response>) => {
  const response = await answer;
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response;
};

/** Publishes the varied set through the API; returns the uploaded picture's address. */
async function publishNewsroom(server: TestServer): Promise<string> {
  const { put } = publisher(server.url);
  const picture = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3a6f8f" } })
    .png()
    .toBuffer();
  const form = new FormData();
  form.append("file", new File([new Uint8Array(picture)], "harbour.png", { type: "image/png" }));
  form.append("alt", "The harbour wall at high tide");
  form.append("credit", "A. Reader");
  const upload = await ok(
    fetch(`${server.url}/api/media`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
      body: form,
    }),
  );
  const { src } = (await upload.json()) as { src: string };

  await ok(
    put(
      "harbour-wall-pictured",
      storyDraft({
        headline: "The harbour wall, pictured",
        image: { src, alt: "The harbour wall at high tide", width: 64, height: 48 },
      }),
    ),
  );
  await ok(
    put(
      "storm-live",
      storyDraft({
        headline: "The storm as it passes",
        live: true,
        publishedAt: "2026-11-27T08:30:00.000Z",
        updatedAt: "2026-11-27T08:30:00.000Z",
      }),
    ),
  );
  for (const text of ["The ferries are cancelled.", "The sea wall is closed."])
    await ok(
      apiRequest(server.url, "POST", "/api/stories/storm-live/entries", { body: [{ type: "paragraph", text }] }),
    );
  await ok(put("bridge-tolls", storyDraft({ headline: "Bridge tolls rise in January" })));
  await ok(
    put(
      "bridge-tolls",
      storyDraft({
        headline: "Bridge tolls rise in January",
        updatedAt: "2026-11-25T09:00:00.000Z",
        body: [
          { type: "paragraph", text: "The night buses run again from Friday." },
          {
            type: "embed",
            url: "https://bsky.app/profile/bridges.bsky.social/post/3kbridge",
            provider: "bluesky",
            text: "Tolls rise in January.",
            runs: [{ text: "Tolls rise", marks: ["strong"] }, { text: " in January." }],
            author: "Bridge Authority",
            date: "2026-11-24T17:00:00.000Z",
          },
          { type: "correction", date: "2026-11-25T09:00:00.000Z", text: "The rise is in January, not February." },
        ],
      }),
    ),
  );
  await ok(put("market-opens", storyDraft({ headline: "The winter market opens early" })));
  await ok(put("market-opens", storyDraft({ slug: "winter-market-opens", headline: "The winter market opens early" })));
  await ok(put("council-budget", storyDraft({ headline: "The council's budget, in draft", status: "draft" })));
  await ok(
    put(
      "tram-line",
      storyDraft({ headline: "The tram line opens", status: "scheduled", publishAt: "2099-03-01T06:00:00.000Z" }),
    ),
  );
  await ok(put("pier-closed", storyDraft({ headline: "The pier is closed for repairs" })));
  await ok(put("pier-closed", storyDraft({ headline: "The pier is closed for repairs", status: "unpublished" })));
  await server.store.accounts.createAccount(
    { email: "editor@news.example", name: "Eda Editor", role: "editor" },
    new Date("2026-11-20T10:00:00Z"),
  );
  return src;
}

/** What a reader, a feed reader, a crawler and a client get, with each page's nonces taken out. */
async function answers(server: TestServer, uploadSrc: string): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const get = async (path: string, token?: string) => {
    const response = await fetch(`${server.url}${path}`, {
      redirect: "manual",
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body = path.startsWith("/uploads/")
      ? Buffer.from(await response.arrayBuffer()).toString("base64")
      : (await response.text()).replaceAll(/nonce="[^"]*"/g, 'nonce=""');
    seen.set(path, `${response.status} ${response.headers.get("location") ?? ""}\n${body}`);
    return body;
  };
  const items: { slug: string; url: string }[] = [];
  let page = "/api/stories?limit=20";
  for (;;) {
    const list = JSON.parse(await get(page)) as { items: typeof items; nextCursor: string | null };
    items.push(...list.items);
    if (!list.nextCursor) break;
    page = `/api/stories?limit=20&cursor=${encodeURIComponent(list.nextCursor)}`;
  }
  for (const item of items) {
    await get(new URL(item.url, server.url).pathname);
    await get(`/api/stories/${item.slug}`);
    await get(`/api/stories/${item.slug}/revisions`, TEST_TOKEN);
  }
  for (const path of ["/", "/api/sections", "/feed.xml", "/news-sitemap.xml", "/stories/storm-live/feed.xml"])
    await get(path);
  await get("/api/stories/storm-live/entries");
  await get("/sections/city/feed.xml");
  const index = await get("/sitemap.xml");
  for (const [, part] of index.matchAll(/<loc>https?:\/\/[^/]+(\/sitemaps\/[^<]+)<\/loc>/g)) await get(part as string);
  // The moved story's old address, and the held stories as an editor sees them.
  await get("/stories/market-opens");
  await get("/api/stories/market-opens");
  await get("/api/stories/council-budget", TEST_TOKEN);
  await get("/api/stories/tram-line", TEST_TOKEN);
  await get("/api/stories/council-budget");
  await get("/api/stories/pier-closed", TEST_TOKEN);
  await get("/api/stories/pier-closed/revisions", TEST_TOKEN);
  await get(uploadSrc);
  return seen;
}

describe.each(testEngines)("export from %s, import into a new store", (sourceEngine) => {
  let source: TestServer;
  let sourceMedia: string;
  let exportDir: string;
  let uploadSrc: string;
  let before: Map<string, string>;
  const cleanup: (() => Promise<void> | void)[] = [];

  beforeAll(async () => {
    sourceMedia = mkdtempSync(join(tmpdir(), "dispatch-export-media-"));
    source = await startTestServer({
      engine: sourceEngine,
      adminToken: TEST_TOKEN,
      media: new FolderMediaStore(sourceMedia),
    });
    uploadSrc = await publishNewsroom(source);
    before = await answers(source, uploadSrc);
    // What is compared holds what it should: the moved story's redirect, the picture, every story's page.
    expect(before.get("/stories/market-opens")).toMatch(/^30[18] \S*winter-market-opens/);
    expect(before.get(uploadSrc)).toMatch(/^200 /);
    expect(before.get("/api/stories/council-budget")).toMatch(/^404 /);
    expect(before.size).toBeGreaterThan(40);
    exportDir = join(mkdtempSync(join(tmpdir(), "dispatch-export-")), "export");
    const db = connect(source.databaseUrl);
    try {
      await exportNewsroom({
        db,
        engine: sourceEngine,
        media: new FolderMediaStore(sourceMedia),
        publicDir,
        dir: exportDir,
      });
    } finally {
      await db.destroy();
    }
  }, 120_000);
  afterAll(async () => {
    for (const clean of cleanup.reverse()) await clean();
    await source?.close();
    rmSync(sourceMedia, { recursive: true, force: true });
    if (exportDir) rmSync(join(exportDir, ".."), { recursive: true, force: true });
  });

  it("writes one readable JSON a story, held ones with their status, media and accounts without secrets", () => {
    const manifest = JSON.parse(readFileSync(join(exportDir, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ format: "newsroom-export", version: 1, engine: sourceEngine, missingMedia: [] });
    const files = readdirSync(join(exportDir, "stories"));
    expect(files).toContain("winter-market-opens.json");
    expect(files).not.toContain("market-opens.json");
    const read = (slug: string) => JSON.parse(readFileSync(join(exportDir, "stories", `${slug}.json`), "utf8"));
    expect(read("tram-line")).toMatchObject({ status: "scheduled", publishAt: "2099-03-01T06:00:00.000Z" });
    expect(read("council-budget")).toMatchObject({ status: "draft" });
    expect(read("pier-closed")).toMatchObject({ status: "unpublished" });
    expect(read("winter-market-opens").oldSlugs.map((old: { slug: string }) => old.slug)).toEqual(["market-opens"]);
    const live = read("storm-live");
    expect(live.entries.map((entry: { body: { text: string }[] }) => entry.body[0]?.text)).toEqual([
      "The ferries are cancelled.",
      "The sea wall is closed.",
    ]);
    expect(live.entries[0].by).toEqual({ id: "token", name: "token" });
    const corrected = read("bridge-tolls");
    expect(corrected.revisions).toHaveLength(2);
    expect(corrected.revisions.map((revision: { by: unknown }) => revision.by)).toEqual([
      { id: "token", name: "token" },
      { id: "token", name: "token" },
    ]);
    expect(corrected.story.body.at(-1)).toMatchObject({ type: "correction" });
    expect(corrected.story.body[1]).toMatchObject({ type: "embed", provider: "bluesky", author: "Bridge Authority" });
    const id = uploadSrc.slice("/uploads/".length, "/uploads/".length + 32);
    expect(readFileSync(join(exportDir, "media", uploadSrc.slice(1)))).toBeInstanceOf(Buffer);
    expect(JSON.parse(readFileSync(join(exportDir, "media/uploads", `${id}.json`), "utf8")).alt).toBe(
      "The harbour wall at high tide",
    );
    expect(manifest.media.some((file: { path: string }) => file.path.startsWith("public/"))).toBe(true);
    const accounts = readFileSync(join(exportDir, "accounts.json"), "utf8");
    expect(JSON.parse(accounts)).toEqual([
      expect.objectContaining({ email: "editor@news.example", name: "Eda Editor", role: "editor" }),
    ]);
    expect(accounts).not.toMatch(/password|hash|session|key/i);
  });

  it.each(testEngines)(
    "imported into %s, a server answers as the first did",
    async (targetEngine) => {
      const database: TestDatabase = await createTestDatabase(targetEngine);
      const media = mkdtempSync(join(tmpdir(), "dispatch-import-media-"));
      cleanup.push(() => rmSync(media, { recursive: true, force: true }));
      await (await openStore(database.url)).close();
      const db = connect(database.url);
      try {
        const summary = await importNewsroom({
          db,
          engine: targetEngine,
          media: new FolderMediaStore(media),
          publicDir,
          dir: exportDir,
        });
        expect(summary).toMatchObject({ held: 3, accounts: 1, uploads: 2 });
        // Importing again into the store now full is refused, and changes nothing.
        await expect(
          importNewsroom({ db, engine: targetEngine, media: new FolderMediaStore(media), publicDir, dir: exportDir }),
        ).rejects.toThrow(ImportError);
      } finally {
        await db.destroy();
      }
      const target = await startTestServer({
        engine: targetEngine,
        adminToken: TEST_TOKEN,
        demo: false,
        database,
        media: new FolderMediaStore(media),
      });
      try {
        const after = await answers(target, uploadSrc);
        expect([...after.keys()]).toEqual([...before.keys()]);
        for (const [path, answer] of before) expect(after.get(path), path).toBe(answer);
        // The restored store goes on: the next entry takes the next id.
        const next = await ok(
          apiRequest(target.url, "POST", "/api/stories/storm-live/entries", {
            body: [{ type: "paragraph", text: "The wind drops." }],
          }),
        );
        const entries = JSON.parse(
          before.get("/api/stories/storm-live/entries")?.split("\n").slice(1).join("\n") ?? "",
        );
        const ids = (entries.items ?? entries.entries ?? entries).map((entry: { id: number }) => entry.id);
        expect((await next.json()).id).toBeGreaterThan(Math.max(...ids));
        // The scheduled story still goes out at its time, from the restored store.
        expect(await target.store.publishDue(new Date("2099-03-01T06:00:01.000Z"))).toEqual(["tram-line"]);
        expect((await fetch(`${target.url}/api/stories/tram-line`)).status).toBe(200);
      } finally {
        await target.close();
      }
    },
    120_000,
  );
});
