// Uploads against the real servers over HTTP, on both database engines and both media stores (a
// folder both servers share, and a real S3-compatible server started here): a picture or a video
// uploaded through server A is served, with its renditions and poster, by server B; what a phone
// wrote into the file (GPS above all) is gone; the type is known by content; bad uploads leave
// nothing behind; and a story cannot publish a picture without alt text.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import exifReader from "exif-reader";
import { JSDOM } from "jsdom";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FolderMediaStore, type MediaStore, openMediaStore } from "../media/mediaStore";
import { testEngines } from "../store/testDatabases";
import { startS3Server, type TestS3Server } from "../test/s3Server";
import { startTestServer, type TestServer } from "./testServer";

const TOKEN = "test-admin-token-0123456789abcdef0123456789";
const LIMITS = { pictureBytes: 3_000_000, videoBytes: 4_000_000 };
const work = mkdtempSync(join(tmpdir(), "dispatch-upload-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A 700×400 JPEG as a phone writes it: its maker and where it was taken in its EXIF. */
const photoWithGps = () =>
  sharp({ create: { width: 700, height: 400, channels: 3, background: "#c33" } })
    .jpeg()
    .withExif({
      IFD0: { Make: "PhoneCo" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 19/1 45/1", GPSLongitudeRef: "E", GPSLongitude: "18/1 4/1 7/1" },
    })
    .toBuffer();

/** A PNG of random pixels, stored uncompressed: about width × height × 3 bytes. */
const noisePng = (width: number, height: number) =>
  sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();

/** A short test-card video made by ffmpeg, with a location in its metadata as a phone's has. */
function video(ext: "mp4" | "webm"): Buffer {
  const file = join(work, `source.${ext}`);
  const codec = ext === "mp4" ? ["-c:v", "libx264", "-pix_fmt", "yuv420p"] : ["-c:v", "libvpx-vp9", "-b:v", "100k"];
  execFileSync("ffmpeg", [
    ...["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=2"],
    ...["-metadata", "location=+59.3293+018.0686/", ...codec, file],
  ]);
  return readFileSync(file);
}

/** The container tags ffprobe finds in a video's bytes. */
function videoTags(bytes: Buffer): Record<string, string> {
  const file = join(work, "probed");
  writeFileSync(file, bytes);
  const probe = JSON.parse(
    execFileSync("ffprobe", ["-v", "error", "-show_format", "-of", "json", file], { encoding: "utf8" }),
  );
  return probe.format.tags ?? {};
}

/** Every file in a folder, by its path inside it. */
const filesIn = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();

describe.each(testEngines)("on %s", (engine) => {
  describe.each(["folder", "s3"] as const)("with media in a %s", (kind) => {
    let a: TestServer;
    let b: TestServer;
    let s3: TestS3Server | undefined;
    let folder: string;
    let keys: () => Promise<string[]>;

    beforeAll(async () => {
      let media: () => MediaStore;
      if (kind === "s3") {
        const server = await startS3Server();
        s3 = server;
        media = () => openMediaStore(server.mediaUrl);
        keys = () => server.keys();
      } else {
        // One folder both servers mount, as a shared volume would be.
        folder = mkdtempSync(join(tmpdir(), "dispatch-media-"));
        media = () => new FolderMediaStore(folder);
        keys = async () => filesIn(folder);
      }
      a = await startTestServer({ engine, adminToken: TOKEN, media: media(), uploadLimits: LIMITS });
      b = await startTestServer({
        engine,
        adminToken: TOKEN,
        media: media(),
        uploadLimits: LIMITS,
        demo: false,
        database: { url: a.databaseUrl, drop: async () => {} },
      });
    }, 60_000);
    afterAll(async () => {
      await b?.close();
      await a?.close();
      await s3?.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    });

    const upload = (
      server: TestServer,
      fields: Record<string, string | { bytes: Buffer | Uint8Array; name: string; type: string }>,
      token = TOKEN,
    ) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields))
        if (typeof value === "string") form.append(name, value);
        else form.append(name, new File([new Uint8Array(value.bytes)], value.name, { type: value.type }));
      return fetch(`${server.url}/api/media`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
    };

    const put = (server: TestServer, slug: string, image: Record<string, unknown>, blocks: unknown[] = []) =>
      fetch(`${server.url}/api/stories/${slug}`, {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({
          slug,
          headline: `A story with an uploaded picture ${slug}`,
          section: "city",
          authors: [],
          tags: [],
          publishedAt: "2026-11-24T06:00:00.000Z",
          updatedAt: "2026-11-24T06:00:00.000Z",
          image: { width: 1, height: 1, ...image },
          body: [{ type: "paragraph", text: "Text." }, ...blocks],
        }),
      });

    const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

    it("takes a picture through server A without its EXIF and GPS, and server B serves it and its renditions", async () => {
      const source = await photoWithGps();
      // The phone's location is in what is sent…
      expect(exifReader((await sharp(source).metadata()).exif as Buffer).GPSInfo?.GPSLatitude).toEqual([59, 19, 45]);
      const sent = await upload(a, {
        alt: "A red wall",
        caption: "The wall by the harbour.",
        credit: "A. Reader",
        file: { bytes: source, name: "IMG_0001.jpg", type: "image/jpeg" },
      });
      expect(sent.status).toBe(201);
      const uploaded = await sent.json();
      expect(uploaded).toMatchObject({ src: `/uploads/${uploaded.id}.jpg`, width: 700, height: 400, kind: "picture" });
      expect(uploaded.id).toMatch(/^[0-9a-f]{32}$/);

      // …and not in what either server serves.
      const served = await fetch(`${b.url}${uploaded.src}`);
      expect(served.status).toBe(200);
      expect(served.headers.get("content-type")).toBe("image/jpeg");
      expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const stored = await sharp(await bytesOf(served)).metadata();
      expect([stored.format, stored.width, stored.height]).toEqual(["jpeg", 700, 400]);
      expect(stored.exif).toBeUndefined();
      expect(stored.xmp).toBeUndefined();

      // A story published through A names it without alt text: the upload's is used, caption and credit too.
      const published = await put(a, `uploaded-${kind}`, { src: uploaded.src, alt: "" });
      expect(published.status).toBe(201);
      const story = await published.json();
      expect(story.image).toMatchObject({
        src: uploaded.src,
        alt: "A red wall",
        caption: "The wall by the harbour.",
        credit: "A. Reader",
        width: 700,
        height: 400,
      });
      // Server B's page offers the picture's renditions, and B derives each from the store's bytes.
      const page = new JSDOM(await (await fetch(`${b.url}/stories/uploaded-${kind}`)).text()).window.document;
      const img = page.querySelector("main article picture img");
      expect(img?.getAttribute("alt")).toBe("A red wall");
      const srcset = page.querySelector('main article picture source[type="image/avif"]')?.getAttribute("srcset") ?? "";
      const urls = srcset.split(",").map((candidate) => candidate.trim().split(/\s+/));
      expect(urls.map(([, width]) => width)).toEqual(["320w", "640w", "700w"]);
      for (const [url = "", width = ""] of urls) {
        expect(url).toBe(`/img${uploaded.src}/${story.image.version}/w${width.slice(0, -1)}.avif`);
        const rendition = await fetch(`${b.url}${url}`);
        expect(rendition.status, url).toBe(200);
        expect((await sharp(await bytesOf(rendition)).metadata()).width, url).toBe(Number(width.slice(0, -1)));
      }
      // The renditions live in the store, not in B's temporary folder: A answers them too.
      expect(await keys()).toContain(`renditions/${story.image.version}/w320.avif`);
      expect((await fetch(`${a.url}${urls[0]?.[0]}`)).status).toBe(200);
    });

    it("answers 404 for an upload that is not there, or an address that is not an upload's", async () => {
      for (const path of [
        `/uploads/${"0".repeat(32)}.jpg`,
        `/uploads/${"0".repeat(32)}.json`,
        "/uploads/%2e%2e%2fpackage.json",
      ]) {
        const response = await fetch(`${b.url}${path}`);
        expect(response.status, path).toBe(404);
        expect((await response.json()).error.code, path).toBe("not_found");
      }
    });

    it("turns a picture upright by its orientation, then drops it", async () => {
      const sideways = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#3c3" } })
        .jpeg()
        .withMetadata({ orientation: 6 })
        .toBuffer();
      const uploaded = await (await upload(a, { file: { bytes: sideways, name: "a.jpg", type: "image/jpeg" } })).json();
      expect([uploaded.width, uploaded.height]).toEqual([20, 40]);
      const stored = await sharp(await bytesOf(await fetch(`${b.url}${uploaded.src}`))).metadata();
      expect([stored.width, stored.height, stored.orientation]).toEqual([20, 40, undefined]);
    });

    it("takes a file larger than a JSON body may be (1 MB), streamed", async () => {
      const big = await noisePng(800, 800);
      expect(big.length).toBeGreaterThan(1024 * 1024);
      const sent = await upload(a, { alt: "Static", file: { bytes: big, name: "static.png", type: "image/png" } });
      expect(sent.status).toBe(201);
      const uploaded = await sent.json();
      expect([uploaded.width, uploaded.height]).toEqual([800, 800]);
      expect((await bytesOf(await fetch(`${b.url}${uploaded.src}`))).length).toBe(uploaded.bytes);
    });

    it("knows a file by its content, not by its name or the type the client gave", async () => {
      const png = await sharp({ create: { width: 30, height: 30, channels: 4, background: "#00f8" } })
        .png()
        .toBuffer();
      const sent = await upload(a, { alt: "Blue", file: { bytes: png, name: "clip.mp4", type: "video/mp4" } });
      expect(sent.status).toBe(201);
      const uploaded = await sent.json();
      expect(uploaded).toMatchObject({ kind: "picture", type: "image/png", width: 30, height: 30 });
      expect(uploaded.src).toMatch(/\.png$/);
      expect((await fetch(`${b.url}${uploaded.src}`)).headers.get("content-type")).toBe("image/png");
    });

    it.each(["mp4", "webm"] as const)(
      "takes a %s video without its metadata, with a poster frame, and server B serves both",
      async (ext) => {
        const source = video(ext);
        expect(Object.keys(videoTags(source)).join(" ")).toMatch(/location/i);
        const sent = await upload(a, {
          alt: "A test card",
          file: { bytes: source, name: "clip.bin", type: "application/octet-stream" },
        });
        expect(sent.status).toBe(201);
        const uploaded = await sent.json();
        expect(uploaded).toMatchObject({
          kind: "video",
          type: `video/${ext}`,
          src: `/uploads/${uploaded.id}.${ext}`,
          poster: `/uploads/${uploaded.id}-poster.jpg`,
          width: 160,
          height: 120,
        });
        const served = await fetch(`${b.url}${uploaded.src}`);
        expect(served.status).toBe(200);
        expect(served.headers.get("content-type")).toBe(`video/${ext}`);
        expect(Object.keys(videoTags(await bytesOf(served))).join(" ")).not.toMatch(/location/i);
        // A player seeking asks for a range of it; past the end is 416.
        const whole = await bytesOf(await fetch(`${b.url}${uploaded.src}`));
        const part = await fetch(`${b.url}${uploaded.src}`, { headers: { range: "bytes=100-199" } });
        expect(part.status).toBe(206);
        expect(part.headers.get("content-range")).toBe(`bytes 100-199/${whole.length}`);
        expect((await bytesOf(part)).equals(whole.subarray(100, 200))).toBe(true);
        const past = await fetch(`${b.url}${uploaded.src}`, { headers: { range: `bytes=${whole.length}-` } });
        expect(past.status).toBe(416);
        expect(past.headers.get("content-range")).toBe(`bytes */${whole.length}`);
        const poster = await fetch(`${b.url}${uploaded.poster}`);
        expect(poster.headers.get("content-type")).toBe("image/jpeg");
        const frame = await sharp(await bytesOf(poster)).metadata();
        expect([frame.format, frame.width, frame.height]).toEqual(["jpeg", 160, 120]);
        // A story publishes it through A; B's player page plays it, with its poster.
        const slug = `uploaded-${ext}-${kind}`;
        const clip = { type: "video", title: "The test card", poster: uploaded.poster, width: 160, height: 120 };
        const sources = [{ type: uploaded.type, src: uploaded.src }];
        expect(
          (await put(a, slug, { src: uploaded.poster, alt: "The test card" }, [{ ...clip, sources }])).status,
        ).toBe(201);
        const player = new JSDOM(await (await fetch(`${b.url}/embed/${slug}`)).text()).window.document;
        expect(player.querySelector("video")?.getAttribute("poster")).toBe(uploaded.poster);
        expect(player.querySelector("video source")?.getAttribute("src")).toBe(uploaded.src);
      },
    );

    it("refuses bad uploads with a clear 4xx and writes nothing", async () => {
      // Uploads only: renditions of pictures published before are still being derived in the background.
      const uploads = async () => (await keys()).filter((key) => key.startsWith("uploads/"));
      const before = await uploads();
      const photo = await photoWithGps();
      const noise = await noisePng(1100, 1000);
      // A small PNG whose header claims 20000×20000 pixels (400 megapixels), as a decompression bomb's does.
      const bomb = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
        .png()
        .toBuffer();
      bomb.writeUInt32BE(20_000, 16);
      bomb.writeUInt32BE(20_000, 20);
      bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
      expect(noise.length).toBeGreaterThan(LIMITS.pictureBytes);
      const file = (bytes: Buffer | Uint8Array, name = "x.jpg", type = "image/jpeg") => ({ bytes, name, type });
      const cases: [string, Promise<Response>, number, RegExp][] = [
        [
          "a page named .jpg",
          upload(a, { alt: "x", file: file(Buffer.from("<html>a page saved as .jpg</html>")) }),
          415,
          /neither a picture .* nor a video/,
        ],
        [
          "a picture past its cap",
          upload(a, { alt: "x", file: file(noise, "x.png", "image/png") }),
          413,
          /pictures may be up to 2\.9 MB/,
        ],
        [
          "a file past every cap",
          upload(a, { file: file(new Uint8Array(LIMITS.videoBytes + 1)) }),
          413,
          /larger than any upload/,
        ],
        [
          "a picture of more pixels than any may have",
          upload(a, { alt: "x", file: file(bomb, "x.png", "image/png") }),
          413,
          /20000×20000 pixels; pictures may have up to 60 megapixels/,
        ],
        [
          "a cut-short picture",
          upload(a, { alt: "x", file: file(photo.subarray(0, Math.floor(photo.length / 2))) }),
          400,
          /damaged/,
        ],
        ["an empty file", upload(a, { alt: "x", file: file(Buffer.alloc(0)) }), 400, /empty/],
        ["no file", upload(a, { alt: "x" }), 400, /There was no file/],
        ["a file in another field", upload(a, { photo: file(photo) }), 400, /in the field `file`/],
        ["two files", upload(a, { file: file(photo), file2: file(photo) }), 400, /multipart\/form-data/],
        ["alt text too long", upload(a, { alt: "x".repeat(301), file: file(photo) }), 400, /alt/],
        ["an unknown field", upload(a, { title: "x", file: file(photo) }), 400, /title/],
        ["a wrong token", upload(a, { file: file(photo) }, "wrong-token-0123456789abcdef0123456789"), 401, /Bearer/],
        [
          "JSON",
          fetch(`${a.url}/api/media`, {
            method: "POST",
            headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
            body: JSON.stringify({ src: "/media/x.jpg" }),
          }),
          415,
          /multipart\/form-data/,
        ],
      ];
      for (const [what, answer, status, message] of cases) {
        const response = await answer;
        expect(response.status, what).toBe(status);
        const { error } = await response.json();
        expect(error.message, what).toMatch(message);
      }
      expect(await uploads()).toEqual(before);
    });

    it("refuses to publish a story while a picture it uses lacks alt text, naming the picture", async () => {
      const uploaded = await (
        await upload(a, { file: { bytes: await photoWithGps(), name: "x.jpg", type: "image/jpeg" } })
      ).json();
      for (const [slug, src] of [
        [`no-alt-upload-${kind}`, uploaded.src],
        [`no-alt-site-${kind}`, "/media/ferry-fog.jpg"],
      ]) {
        const response = await put(a, slug, { src, alt: "  " });
        expect(response.status, src).toBe(400);
        const { error } = await response.json();
        expect(error.code).toBe("invalid_story");
        expect(error.message).toContain(`alt text (what each shows); none for ${src}`);
        expect((await fetch(`${b.url}/api/stories/${slug}`)).status).toBe(404);
      }
    });
  });
});
