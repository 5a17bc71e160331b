// The media pipeline against the real server over HTTP (both engines): the renditions a page
// offers answer with the bytes they claim, crops are at their ratios, the embed page alone may be
// framed, and a story naming a missing or damaged picture is refused whole.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { imageSize } from "image-size";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FolderMediaStore } from "../media/mediaStore";
import { heightAt } from "../model/picture";
import { testEngines } from "../store/testDatabases";
import { startTestServer, type TestServer } from "./testServer";

const TOKEN = "test-admin-token-0123456789abcdef0123456789";
const SITE = "https://news.example";
const WATCH = "ferry-crew-pulls-kayakers-from-the-sound";
const root = join(import.meta.dirname, "../..");

/** A public folder with the demo pictures, a damaged copy of one and a file that is no picture. */
function publicFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "dispatch-public-"));
  mkdirSync(join(dir, "media"));
  for (const name of readdirSync(join(root, "public/media")))
    if (name.endsWith(".jpg")) copyFileSync(join(root, "public/media", name), join(dir, "media", name));
  const whole = readdirSync(join(dir, "media"))[0] ?? "";
  const bytes = new Uint8Array(readFileSync(join(dir, "media", whole)));
  writeFileSync(join(dir, "media/cut-short.jpg"), bytes.subarray(0, Math.floor(bytes.length / 2)));
  writeFileSync(join(dir, "media/not-a-picture.jpg"), "<html>a page saved as .jpg</html>");
  copyFileSync(join(root, "public/site-card.png"), join(dir, "site-card.png"));
  return dir;
}

describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  let publicDir: string;
  beforeAll(async () => {
    publicDir = publicFolder();
    server = await startTestServer({ engine, adminToken: TOKEN, publicDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(publicDir, { recursive: true, force: true });
  });

  const local = (url: string) => `${server.url}${new URL(url, SITE).pathname}`;
  const documentOf = async (path: string) =>
    new JSDOM(await (await fetch(`${server.url}${path}`)).text()).window.document;

  /** Fetches a picture URL: its type, its cache policy and the size its bytes really are. */
  async function picture(url: string) {
    const response = await fetch(local(url), { redirect: "manual" });
    expect(response.status, url).toBe(200);
    const size = imageSize(new Uint8Array(await response.arrayBuffer()));
    return {
      type: response.headers.get("content-type"),
      cacheControl: response.headers.get("cache-control"),
      width: size.width,
      height: size.height,
    };
  }

  const candidates = (srcset: string | null) =>
    (srcset ?? "").split(",").map((candidate) => {
      const [url = "", width = ""] = candidate.trim().split(/\s+/);
      return { url, width: Number(width.replace(/w$/, "")) };
    });

  it("offers a story's lead picture in AVIF, WebP and JPEG srcsets whose every URL is that picture at that width", async () => {
    const story = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
    const document = await documentOf(`/stories/${WATCH}`);
    const lead = document.querySelector("main article picture");
    const img = lead?.querySelector("img");
    expect(img?.getAttribute("alt")).toBe(story.image.alt);
    // Width and height on the <img>: the box is known before any byte arrives (no layout shift).
    expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual([
      String(story.image.width),
      String(story.image.height),
    ]);
    const sets = [
      ...[...(lead?.querySelectorAll("source") ?? [])].map((s) => ({
        type: s.getAttribute("type"),
        urls: candidates(s.getAttribute("srcset")),
        sizes: s.getAttribute("sizes"),
      })),
      { type: "image/jpeg", urls: candidates(img?.getAttribute("srcset") ?? null), sizes: img?.getAttribute("sizes") },
    ];
    expect(sets.map((s) => s.type)).toEqual(["image/avif", "image/webp", "image/jpeg"]);
    for (const set of sets) {
      expect(set.sizes).toBeTruthy();
      expect(set.urls.map((u) => u.width)).toEqual([320, 640, 960, story.image.width]);
      for (const { url, width } of set.urls)
        expect(await picture(url), url).toEqual({
          type: set.type,
          cacheControl: "public, max-age=31536000, immutable",
          width,
          height: heightAt(story.image, width),
        });
    }
    // The fallback src is one of the JPEG renditions.
    expect(sets[2]?.urls.map((u) => u.url)).toContain(img?.getAttribute("src"));
  });

  it("gives every picture on the front page and a section page its size, and the site's pictures their srcsets", async () => {
    for (const path of ["/", "/sections/city"]) {
      const document = await documentOf(path);
      const images = [...document.querySelectorAll("main img")];
      expect(images.length, path).toBeGreaterThan(0);
      for (const img of images) {
        expect(Number(img.getAttribute("width")), path).toBeGreaterThan(0);
        expect(Number(img.getAttribute("height")), path).toBeGreaterThan(0);
        expect(img.parentElement?.tagName, path).toBe("PICTURE");
        expect(img.getAttribute("srcset"), path).toMatch(/\/img\/media\/.+\/w320\.jpg 320w/);
        expect(img.parentElement?.querySelector('source[type="image/avif"]')?.getAttribute("srcset"), path).toMatch(
          /\.avif 320w/,
        );
      }
    }
  });

  it("gives JSON-LD its three pictures at 16:9, 4:3 and 1:1, of the lead picture or of the share card", async () => {
    const { items } = await (await fetch(`${server.url}/api/stories?limit=50`)).json();
    const withPhoto = items.find((s: { image?: unknown }) => s.image);
    const without = items.find((s: { image?: unknown }) => !s.image);
    for (const story of [withPhoto, without]) {
      const document = await documentOf(`/stories/${story.slug}`);
      const article = [...document.querySelectorAll('script[type="application/ld+json"]')]
        .map((s) => JSON.parse(s.textContent ?? "null"))
        .find((d) => d["@type"] === "NewsArticle");
      const images = article.image as { url: string; width: number; height: number }[];
      const ratios = [];
      for (const image of images) {
        const real = await picture(image.url);
        expect([real.width, real.height], image.url).toEqual([image.width, image.height]);
        expect(real.width, image.url).toBeGreaterThanOrEqual(1200);
        ratios.push(Math.round(((real.width ?? 0) / (real.height ?? 1)) * 1000) / 1000);
      }
      expect(ratios, story.slug).toEqual([1.778, 1.333, 1]);
      expect(images[0]?.url).toMatch(
        story.image ? /^https:\/\/news\.example\/img\/media\// : /^https:\/\/news\.example\/og\//,
      );
    }
  });

  it("crops a lead picture around the focus its editor chose: the share image and JSON-LD's three name it and are it", async () => {
    const { items } = await (await fetch(`${server.url}/api/stories?limit=50`)).json();
    const slug = items.find((s: { slug: string; image?: unknown }) => s.image && s.slug !== WATCH).slug;
    const story = await (await fetch(`${server.url}/api/stories/${slug}`)).json();
    const put = await fetch(`${server.url}/api/stories/${slug}`, {
      method: "PUT",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ ...story, image: { ...story.image, focus: { x: 0.2, y: 0.8 } } }),
    });
    expect(put.status, await put.text()).toBe(200);
    const document = await documentOf(`/stories/${slug}`);
    const share = document.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
    expect(share).toMatch(/\/og-f20-80\.jpg$/);
    expect(await picture(share)).toMatchObject({ type: "image/jpeg", width: 1200, height: 630 });
    const article = [...document.querySelectorAll('script[type="application/ld+json"]')]
      .map((s) => JSON.parse(s.textContent ?? "null"))
      .find((d) => d["@type"] === "NewsArticle");
    const urls = (article.image as { url: string }[]).map((image) => new URL(image.url).pathname.split("/").pop());
    expect(urls).toEqual(["16x9-f20-80.jpg", "4x3-f20-80.jpg", "1x1-f20-80.jpg"]);
    // A crop without the focus is still the salient one, at its own address.
    expect(await picture(share.replace("og-f20-80", "og"))).toMatchObject({ width: 1200, height: 630 });
  });

  it("sends a rendition of an older version of the file to the current one, and refuses what names nothing", async () => {
    const story = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
    const old = await fetch(`${server.url}/img${story.image.src}/0123456789abcdef/w640.webp`, { redirect: "manual" });
    expect(old.status).toBe(302);
    expect(old.headers.get("location")).toBe(`/img${story.image.src}/${story.image.version}/w640.webp`);
    for (const path of [
      `/img${story.image.src}/${story.image.version}/w500.webp`,
      `/img${story.image.src}/${story.image.version}/w3200.jpg`,
      `/img/media/nope.jpg/${story.image.version}/w320.jpg`,
      `/img/media/cut-short.jpg/${story.image.version}/w320.jpg`,
      `/img${story.image.src}/${story.image.version}/w640.gif`,
    ]) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(response.status, path).toBe(404);
      expect((await response.json()).error.code, path).toBe("not_found");
    }
    // A path out of the public folder, sent as it is (fetch would resolve the dots first).
    const escaping = await rawGet(`/img/media/../../package.json/${story.image.version}/w320.jpg`);
    expect(escaping.status).toBe(404);
    expect(escaping.body).not.toContain("dispatch");
  });

  const rawGet = (path: string) =>
    new Promise<{ status: number; body: string }>((done, fail) => {
      const { hostname, port } = new URL(server.url);
      get({ hostname, port, path }, (response) => {
        let body = "";
        response.on("data", (chunk) => {
          body += chunk;
        });
        response.on("end", () => done({ status: response.statusCode ?? 0, body }));
      }).on("error", fail);
    });

  it("lets only the embed page be framed by other sites, and plays nothing but the story's video there", async () => {
    const embed = await fetch(`${server.url}/embed/${WATCH}`);
    expect(embed.status).toBe(200);
    const policy = embed.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("frame-ancestors *");
    expect(policy).not.toContain("script-src");
    const document = new JSDOM(await embed.text()).window.document;
    expect(document.querySelectorAll("video")).toHaveLength(1);
    expect(document.querySelector("video")?.getAttribute("poster")).toMatch(/^\/media\//);
    expect(document.querySelector("video track")?.getAttribute("kind")).toBe("captions");
    expect(document.querySelectorAll("script, nav, footer")).toHaveLength(0);
    // Besides the player, a line names the story and links back to it (issue 25): every link leads there.
    const links = [...document.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(new RegExp(`/stories/${WATCH}$`));
    for (const path of ["/", `/stories/${WATCH}`, "/sections/city"]) {
      const other = (await fetch(`${server.url}${path}`)).headers.get("content-security-policy") ?? "";
      expect(other, path).toContain("frame-ancestors 'self'");
    }
    const { items } = await (await fetch(`${server.url}/api/stories?limit=50`)).json();
    const still = items.find((s: { hasVideo: boolean }) => !s.hasVideo);
    expect((await fetch(`${server.url}/embed/${still.slug}`)).status).toBe(404);
  });

  it("lets two servers on one database, each deriving into its own media folder, answer every rendition with the same bytes", async () => {
    const folders = [
      mkdtempSync(join(tmpdir(), "dispatch-renditions-a-")),
      mkdtempSync(join(tmpdir(), "dispatch-renditions-b-")),
    ];
    // Started one after the other: each checks the schema on start.
    const servers: TestServer[] = [];
    for (const folder of folders)
      servers.push(
        await startTestServer({
          engine,
          publicDir,
          media: new FolderMediaStore(folder),
          demo: false,
          database: { url: server.databaseUrl, drop: async () => {} },
        }),
      );
    try {
      const story = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
      const urls = [
        ...candidates(
          new JSDOM(await (await fetch(`${servers[0]?.url}/stories/${WATCH}`)).text()).window.document
            .querySelector("main article picture source")
            ?.getAttribute("srcset") ?? null,
        ).map((c) => c.url),
        `/img${story.image.src}/${story.image.version}/1x1.jpg`,
      ];
      expect(urls.length).toBeGreaterThan(4);
      for (const url of urls) {
        const [a, b] = await Promise.all(
          servers.map(async (s) => Buffer.from(await (await fetch(`${s?.url}${url}`)).arrayBuffer())),
        );
        expect(a?.length, url).toBeGreaterThan(0);
        expect(a?.equals(b ?? Buffer.alloc(0)), url).toBe(true);
      }
      for (const folder of folders)
        expect(readdirSync(join(folder, "renditions", story.image.version)).length).toBe(urls.length);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
      for (const folder of folders) rmSync(folder, { recursive: true, force: true });
    }
  });

  describe("publishing a story's pictures", () => {
    const draft = (slug: string, image: Record<string, unknown>) => ({
      slug,
      headline: `A story with a picture ${slug}`,
      section: "city",
      authors: [],
      tags: [],
      publishedAt: "2026-11-24T06:00:00.000Z",
      updatedAt: "2026-11-24T06:00:00.000Z",
      image: { alt: "A picture", width: 1200, height: 675, ...image },
      body: [{ type: "paragraph", text: "Text." }],
    });
    const put = (story: { slug: string }) =>
      fetch(`${server.url}/api/stories/${story.slug}`, {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(story),
      });

    it.each([
      ["missing", "/media/nowhere.jpg", /picture \/media\/nowhere\.jpg: no such file/],
      ["cut short", "/media/cut-short.jpg", /picture \/media\/cut-short\.jpg: damaged or not a picture/],
      ["not a picture", "/media/not-a-picture.jpg", /picture \/media\/not-a-picture\.jpg: damaged or not a picture/],
      ["outside the public folder", "/media/../../package.json", /not a plain path/],
    ])("refuses a picture that is %s with 400 and writes nothing", async (_what, src, message) => {
      const slug = `refused-${_what.replaceAll(" ", "-")}`;
      const before = await server.store.version();
      const response = await put(draft(slug, { src }));
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe("invalid_story");
      expect(error.message).toMatch(message);
      expect((await fetch(`${server.url}/api/stories/${slug}`)).status).toBe(404);
      expect(await server.store.version()).toBe(before);
    });

    it("sends the renditions of a picture whose file was replaced after publishing to the new file's", async () => {
      const [first = "", second = ""] = readdirSync(join(root, "public/media")).filter((n) => n.endsWith(".jpg"));
      copyFileSync(join(root, "public/media", first), join(publicDir, "media/replaced.jpg"));
      const published = await (await put(draft("replaced-picture", { src: "/media/replaced.jpg" }))).json();
      const before = `/img/media/replaced.jpg/${published.image.version}/w640.webp`;
      expect((await picture(before)).width).toBe(640);
      copyFileSync(join(root, "public/media", second), join(publicDir, "media/replaced.jpg"));
      const moved = await fetch(`${server.url}${before}`, { redirect: "manual" });
      expect(moved.status).toBe(302);
      const after = moved.headers.get("location") ?? "";
      expect(after).toMatch(/^\/img\/media\/replaced\.jpg\/[0-9a-f]{16}\/w640\.webp$/);
      expect(after).not.toBe(before);
      expect(await picture(after)).toMatchObject({ type: "image/webp", width: 640 });
    });

    it("sizes a site picture from its file, whatever size is sent, so every rendition a page offers answers", async () => {
      const story = {
        ...draft("picture-sent-too-small", { src: "/site-card.png", width: 1, height: 1 }),
        body: [
          { type: "paragraph", text: "Text." },
          { type: "image", src: "/site-card.png", alt: "The card", width: 5000, height: 20 },
        ],
      };
      const sent = await put(story);
      expect(sent.status).toBe(201);
      const stored = await sent.json();
      // public/site-card.png is 1200×630.
      expect(stored.image).toMatchObject({ src: "/site-card.png", width: 1200, height: 630 });
      expect(stored.body[1]).toMatchObject({ type: "image", width: 1200, height: 630 });
      const document = await documentOf("/stories/picture-sent-too-small");
      const pictures = [...document.querySelectorAll("main article picture")].filter((element) =>
        element.querySelector("img")?.getAttribute("src")?.startsWith("/img/site-card.png/"),
      );
      expect(pictures).toHaveLength(2);
      for (const element of pictures) {
        const img = element.querySelector("img");
        expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual(["1200", "630"]);
        const urls = [
          img?.getAttribute("src") ?? "",
          ...[...element.querySelectorAll("source"), img].flatMap((e) =>
            candidates(e?.getAttribute("srcset") ?? null).map((c) => c.url),
          ),
        ];
        for (const url of new Set(urls)) expect((await fetch(local(url))).status, url).toBe(200);
      }
    });

    it("versions a site picture from its file, whatever version is sent, and takes an https picture as it is", async () => {
      const lead = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
      const sent = await put(draft("versioned-picture", { src: lead.image.src, version: "0000000000000000" }));
      expect(sent.status).toBe(201);
      expect((await sent.json()).image.version).toBe(lead.image.version);
      const https = await put(
        draft("remote-picture", { src: "https://images.example/a.jpg", version: "0000000000000000" }),
      );
      expect(https.status).toBe(201);
      const stored = await https.json();
      expect(stored.image).toEqual({ src: "https://images.example/a.jpg", alt: "A picture", width: 1200, height: 675 });
      const document = await documentOf("/stories/remote-picture");
      const img = document.querySelector("main article img");
      expect(img?.getAttribute("src")).toBe("https://images.example/a.jpg");
      expect(img?.parentElement?.tagName).not.toBe("PICTURE");
    });
  });
});
