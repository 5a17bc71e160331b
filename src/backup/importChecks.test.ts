// The commands as a newsroom runs them, and what they do with bad input. Media in an S3-compatible
// bucket (s3rver, a real server on this machine) are exported and imported into a folder; an
// export's folder is what `npm run import` restores, once, then again only with --replace; a
// damaged export is refused with a message naming the file, and the store is left empty.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main as importMain } from "../import/cli";
import { FolderMediaStore, openMediaStore } from "../media/mediaStore";
import { startTestServer, type TestServer } from "../server/testServer";
import { connect, openStore } from "../store/openStore";
import { createTestDatabase, type TestDatabase } from "../store/testDatabases";
import { publisher, storyDraft, TEST_TOKEN } from "../test/publishing";
import { startS3Server, type TestS3Server } from "../test/s3Server";
import { exportMain } from "./cli";
import { ImportError, importNewsroom } from "./importNewsroom";

const publicDir = join(import.meta.dirname, "../../public");

/** Runs a command, with what it prints. */
async function run(command: () => Promise<number>): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const { log, error } = console;
  console.log = (line: string) => lines.push(line);
  console.error = (line: string) => lines.push(line);
  try {
    return { code: await command(), out: lines.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
  }
}

describe("npm run export and npm run import -- DIR", () => {
  let s3: TestS3Server;
  let server: TestServer;
  let work: string;
  let exportDir: string;
  let uploadSrc: string;
  let picture: Buffer;

  beforeAll(async () => {
    s3 = await startS3Server();
    server = await startTestServer({ adminToken: TEST_TOKEN, media: openMediaStore(s3.mediaUrl) });
    work = mkdtempSync(join(tmpdir(), "dispatch-export-cli-"));
    const form = new FormData();
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#8f3a3a" } })
      .png()
      .toBuffer();
    form.append("file", new File([new Uint8Array(png)], "red.png", { type: "image/png" }));
    form.append("alt", "A red square");
    const upload = await fetch(`${server.url}/api/media`, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_TOKEN}` },
      body: form,
    });
    expect(upload.status).toBe(201);
    uploadSrc = ((await upload.json()) as { src: string }).src;
    picture = Buffer.from(await (await fetch(`${server.url}${uploadSrc}`)).arrayBuffer());
    const { put } = publisher(server.url);
    const put1 = await put(
      "red-square",
      storyDraft({ headline: "A red square", image: { src: uploadSrc, alt: "A red square", width: 40, height: 30 } }),
    );
    expect(put1.status).toBe(201);
    exportDir = join(work, "export");
    const exported = await run(() =>
      exportMain([exportDir], { DATABASE_URL: server.databaseUrl, MEDIA_URL: s3.mediaUrl }),
    );
    expect(exported.code, exported.out).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await s3?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("exports media from a bucket and imports them into a folder; once, then again only with --replace", async () => {
    const env = { DATABASE_URL: `file:${join(work, "restored.db")}`, MEDIA_URL: `file:${join(work, "media")}` };
    const first = await run(() => importMain([exportDir], env));
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/imported \d+ stories \(\d+ published, 0 held\)/);
    expect(readFileSync(join(work, "media", uploadSrc.slice(1)))).toEqual(picture);

    const again = await run(() => importMain([exportDir], env));
    expect(again.code).toBe(1);
    expect(again.out).toContain("--replace");
    const replaced = await run(() => importMain(["--replace", exportDir], env));
    expect(replaced.code, replaced.out).toBe(0);

    const store = await openStore(env.DATABASE_URL);
    try {
      expect((await store.getStory("red-square"))?.image?.src).toBe(uploadSrc);
      expect(await store.countStories()).toBe(await server.store.countStories());
    } finally {
      await store.close();
    }
  });

  it("refuses to export into a folder that holds files", async () => {
    const result = await run(() =>
      exportMain([exportDir], { DATABASE_URL: server.databaseUrl, MEDIA_URL: s3.mediaUrl }),
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain("not empty");
  });

  it("imports into a store that has sections but no stories, the export's names winning", async () => {
    const database = await createTestDatabase("sqlite");
    const store = await openStore(database.url);
    try {
      await store.saveSections([{ slug: "city", name: "Our city" }]);
      const db = connect(database.url);
      try {
        await importNewsroom({
          db,
          engine: "sqlite",
          media: new FolderMediaStore(join(work, "media-sections")),
          publicDir,
          dir: exportDir,
        });
      } finally {
        await db.destroy();
      }
      expect(await store.listSections()).toEqual(await server.store.listSections());
      expect(await store.countStories()).toBe(await server.store.countStories());
    } finally {
      await store.close();
      await database.drop();
    }
  });

  it("copies the site pictures a public folder lacks, and stops on one it holds with other bytes", async () => {
    const manifest = JSON.parse(readFileSync(join(exportDir, "manifest.json"), "utf8")) as {
      media: { path: string }[];
    };
    const sitePictures = manifest.media.map((file) => file.path).filter((path) => path.startsWith("public/"));
    expect(sitePictures.length).toBeGreaterThan(0);
    const first = (sitePictures[0] as string).slice("public/".length);

    const restore = async (folder: string) => {
      const database = await createTestDatabase("sqlite");
      await (await openStore(database.url)).close();
      const db = connect(database.url);
      try {
        return await importNewsroom({
          db,
          engine: "sqlite",
          media: new FolderMediaStore(join(work, "media-public")),
          publicDir: folder,
          dir: exportDir,
        });
      } finally {
        await db.destroy();
        await database.drop();
      }
    };
    const empty = join(work, "public-empty");
    expect((await restore(empty)).publicFiles).toBe(sitePictures.length);
    expect(readFileSync(join(empty, first))).toEqual(readFileSync(join(publicDir, first)));

    const other = join(work, "public-other");
    cpSync(empty, other, { recursive: true });
    writeFileSync(join(other, first), "another picture");
    await expect(restore(other)).rejects.toThrow(`/${first}: the public folder has another picture`);
    expect(readFileSync(join(other, first), "utf8")).toBe("another picture");
  });

  describe("a damaged export", () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase("sqlite");
      await (await openStore(database.url)).close();
    });
    afterAll(() => database?.drop());

    const damaged = (name: string, damage: (dir: string) => void): string => {
      const dir = join(work, name);
      cpSync(exportDir, dir, { recursive: true });
      damage(dir);
      return dir;
    };
    const edit = (file: string, change: (value: Record<string, unknown>) => void) => {
      const value = JSON.parse(readFileSync(file, "utf8"));
      change(value);
      writeFileSync(file, JSON.stringify(value));
    };

    it.each([
      [
        "a picture whose bytes changed",
        (dir: string) => writeFileSync(join(dir, "media", uploadSrc.slice(1)), "not the picture"),
        "its bytes are not those exported",
      ],
      [
        "a story that breaks the story rules",
        (dir: string) =>
          edit(join(dir, "stories/red-square.json"), (story) => ((story.story as { body: unknown }).body = "text")),
        "stories/red-square.json: story.body",
      ],
      [
        "a story in a section the export lacks",
        (dir: string) =>
          edit(
            join(dir, "stories/red-square.json"),
            (story) => ((story.story as { section: string }).section = "nowhere"),
          ),
        "section nowhere is not in sections.json",
      ],
      ["a story file missing", (dir: string) => rmSync(join(dir, "stories/red-square.json")), "the manifest says"],
      [
        "a later format",
        (dir: string) => edit(join(dir, "manifest.json"), (manifest) => (manifest.version = 2)),
        "format version 2",
      ],
    ])("%s: refused with a message naming it, nothing written", async (name, damage, message) => {
      const dir = damaged(name.replaceAll(" ", "-"), damage);
      const media = join(work, `media-${name.replaceAll(" ", "-")}`);
      const db = connect(database.url);
      try {
        const attempt = importNewsroom({ db, engine: "sqlite", media: new FolderMediaStore(media), publicDir, dir });
        await expect(attempt).rejects.toThrow(ImportError);
        await expect(attempt).rejects.toThrow(message);
        const count = async (table: "stories" | "story_drafts" | "sections" | "accounts") =>
          Number(
            (
              await db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect(await count("stories")).toBe(0);
        expect(await count("story_drafts")).toBe(0);
        expect(await count("sections")).toBe(0);
      } finally {
        await db.destroy();
      }
    });
  });
});
