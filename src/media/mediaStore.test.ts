// The media store's address (MEDIA_URL) as an operator writes it, and the folder store's keys: what
// is taken, and what is refused with a message naming the fault.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FolderMediaStore, parseMediaUrl } from "./mediaStore";

describe("MEDIA_URL", () => {
  it("names a folder by file:PATH or a plain path", () => {
    expect(parseMediaUrl("file:./data/media")).toEqual({ folder: "./data/media" });
    expect(parseMediaUrl("/srv/media")).toEqual({ folder: "/srv/media" });
  });

  it("names a bucket with its endpoint, region, path style and prefix", () => {
    expect(
      parseMediaUrl(
        "s3://news-media?endpoint=http://127.0.0.1:9000&region=eu-west-1&forcePathStyle=true&prefix=site-a/",
      ),
    ).toEqual({
      s3: {
        bucket: "news-media",
        endpoint: "http://127.0.0.1:9000",
        region: "eu-west-1",
        forcePathStyle: true,
        prefix: "site-a/",
      },
    });
    expect(parseMediaUrl("s3://news-media")).toEqual({
      s3: { bucket: "news-media", forcePathStyle: false, prefix: "" },
    });
  });

  it.each([
    ["https://media.example/x", /file:PATH, a path, or s3:/],
    ["s3://ab", /bucket name must be 3–63/],
    ["s3://News_Media", /bucket name/],
    ["s3://news-media?endpoint=nowhere", /endpoint nowhere is not a URL/],
    ["s3://news-media?bucket=other", /unknown setting bucket/],
    ["s3://news-media?prefix=../x/", /prefix/],
    ["s3://news-media?prefix=site-a", /must be plain names ending in \//],
  ])("refuses %s, saying why", (url, message) => {
    expect(() => parseMediaUrl(url)).toThrow(message);
  });
});

describe("a folder media store", () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  const store = () => {
    const folder = mkdtempSync(join(tmpdir(), "dispatch-media-store-"));
    folders.push(folder);
    return { folder, media: new FolderMediaStore(folder) };
  };

  it("reads back what it wrote, whole, and leaves nothing aside", async () => {
    const { folder, media } = store();
    await media.put("renditions/0123456789abcdef/w320.avif", Buffer.from("bytes"), "image/avif");
    expect((await media.read("renditions/0123456789abcdef/w320.avif"))?.toString()).toBe("bytes");
    expect(await media.size("renditions/0123456789abcdef/w320.avif")).toBe(5);
    expect(await media.read("renditions/0123456789abcdef/w640.avif")).toBeUndefined();
    expect(readdirSync(join(folder, "renditions/0123456789abcdef"))).toEqual(["w320.avif"]);
  });

  it.each(["../outside", "uploads/../../outside", "/etc/passwd", "uploads//x", ""])(
    "refuses the key %j rather than reach outside its folder",
    async (key) => {
      const { media } = store();
      await expect(media.put(key, Buffer.from("x"), "text/plain")).rejects.toThrow(/not a plain path/);
      await expect(media.read(key)).rejects.toThrow(/not a plain path/);
    },
  );
});
