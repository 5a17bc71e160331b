// Importing stories that name pictures under public/, against a real store of each engine: a
// picture that is missing, cut short or no picture at all rejects its story with a reason that
// names it, and nothing of that story is written; a whole picture is versioned from its bytes, an
// uploaded one (in a media store) as well.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FolderMediaStore } from "../media/mediaStore";
import { pictureVersion } from "../media/sitePictures";
import { openStore } from "../store/openStore";
import type { StoryStore } from "../store/storyStore";
import { createTestDatabase, type TestDatabase, testEngines } from "../store/testDatabases";
import { runImport } from "./cli";

const SITE = "https://news.example";
const root = join(import.meta.dirname, "../..");

describe.each(testEngines)("on %s", (engine) => {
  let dir: string;
  let database: TestDatabase;
  let store: StoryStore;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    store = await openStore(database.url);
    await store.saveSections([{ slug: "city", name: "City" }]);
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "dispatch-import-pictures-"));
    mkdirSync(join(dir, "public/media"), { recursive: true });
    mkdirSync(join(dir, "in"));
    copyFileSync(join(root, "public/media/ferry-fog.jpg"), join(dir, "public/media/whole.jpg"));
    const bytes = readFileSync(join(root, "public/media/ferry-fog.jpg"));
    writeFileSync(join(dir, "public/media/cut-short.jpg"), new Uint8Array(bytes).subarray(0, 4000));
    writeFileSync(join(dir, "public/media/not-a-picture.jpg"), "GIF89a but not really");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const story = (slug: string, lead: string, inBody?: string) => {
    const file = join(dir, "in", `${slug}.md`);
    writeFileSync(
      file,
      [
        "---",
        `slug: ${slug}`,
        `headline: The story ${slug}`,
        "section: city",
        "authors: [Ana Ferreira]",
        "publishedAt: 2026-11-20T07:45:00Z",
        `image: { src: "${lead}", alt: "A picture", width: 1200, height: 675 }`,
        "---",
        "The text of the story.",
        "",
        ...(inBody ? [`![A second picture](${inBody})`, ""] : []),
      ].join("\n"),
    );
    return file;
  };
  const run = (...files: string[]) =>
    runImport(files, store, SITE, join(root, "content"), join(dir, "public"), new FolderMediaStore(join(dir, "media")));

  it("imports a story naming an uploaded picture, versioned from the media store's bytes, and rejects one not there", async () => {
    const bytes = readFileSync(join(root, "public/media/ferry-fog.jpg"));
    const uploaded = `/uploads/${"a1".repeat(16)}.jpg`;
    await new FolderMediaStore(join(dir, "media")).put(uploaded.slice(1), bytes, "image/jpeg");
    const { exitCode, output } = await run(
      story("uploaded", uploaded),
      story("not-uploaded", `/uploads/${"b2".repeat(16)}.jpg`),
    );
    expect(exitCode).toBe(1);
    expect(output).toContain(`picture /uploads/${"b2".repeat(16)}.jpg: no such upload in the media store`);
    expect((await store.getStory("uploaded"))?.image).toMatchObject({ src: uploaded, version: pictureVersion(bytes) });
    expect(await store.getStory("not-uploaded")).toBeNull();
  });

  it.each([
    ["missing", "/media/nowhere.jpg", "no such file in the public folder"],
    ["cut short", "/media/cut-short.jpg", "damaged or not a picture"],
    ["not a picture", "/media/not-a-picture.jpg", "damaged or not a picture"],
  ])("rejects a story whose lead picture is %s, naming it, and writes nothing", async (_what, src, reason) => {
    const before = { version: await store.version(), stories: await store.countStories() };
    const { exitCode, output } = await run(story("pictured", src));
    expect(exitCode).toBe(1);
    expect(output).toContain(`Rejected ${join(dir, "in", "pictured.md")}: picture ${src}: ${reason}`);
    expect(output).toContain("Stories: 0 created");
    expect(await store.getStory("pictured")).toBeNull();
    expect({ version: await store.version(), stories: await store.countStories() }).toEqual(before);
  });

  it("rejects a story for a bad picture in its body too, and still imports the story beside it", async () => {
    const { exitCode, output } = await run(
      story("bad-body", "/media/whole.jpg", "/media/cut-short.jpg"),
      story("good", "/media/whole.jpg", "/media/whole.jpg"),
    );
    expect(exitCode).toBe(1);
    expect(output).toMatch(/Rejected .*bad-body\.md: picture \/media\/cut-short\.jpg: damaged or not a picture/);
    expect(await store.getStory("bad-body")).toBeNull();
    const good = await store.getStory("good");
    expect(good?.image?.version).toMatch(/^[0-9a-f]{16}$/);
    const block = good?.body.find((b) => b.type === "image");
    expect(block && "version" in block ? block.version : undefined).toBe(good?.image?.version);
  });
});
