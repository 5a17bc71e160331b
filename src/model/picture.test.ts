import { describe, expect, it } from "vitest";
import { heightAt, parseRenditionPath, pictureSources, pictureUrls, pictureWidths, renditionPath } from "./picture";

const version = "0123456789abcdef";

describe("a site picture's renditions", () => {
  it("offers the listed widths below the source's, and the source's own up to 1600, never more", () => {
    expect(pictureWidths(1200)).toEqual([320, 640, 960, 1200]);
    expect(pictureWidths(1280)).toEqual([320, 640, 960, 1280]);
    expect(pictureWidths(4000)).toEqual([320, 640, 960, 1280, 1600]);
    expect(pictureWidths(200)).toEqual([200]);
  });

  it("keeps the source's shape at every width", () => {
    expect(heightAt({ width: 1200, height: 675 }, 320)).toBe(180);
    expect(heightAt({ width: 1000, height: 3 }, 320)).toBe(1);
  });

  it("reads back every URL it writes, and nothing else", () => {
    const picture = { src: "/media/harbour/ferry.jpg", version };
    const urls = pictureUrls({ ...picture, width: 1200, height: 675 });
    expect(urls).toHaveLength(12);
    for (const url of urls) expect(parseRenditionPath(url), url).toMatchObject(picture);
    expect(parseRenditionPath(renditionPath(picture, "w640", "avif"))).toEqual({
      src: "/media/harbour/ferry.jpg",
      version,
      width: 640,
      format: "avif",
    });
    expect(parseRenditionPath(renditionPath(picture, "og", "jpg"))).toEqual({
      src: "/media/harbour/ferry.jpg",
      version,
      crop: "og",
      format: "jpg",
    });
    for (const path of [
      "/img/media/x.jpg/0123/w640.avif",
      "/img/media/x.jpg/0123456789abcdef/w640.gif",
      "/img/media/x.jpg/0123456789abcdef/w64000.jpg",
      "/img/media/x.jpg/0123456789abcdef/3x2.jpg",
      "/media/x.jpg",
    ])
      expect(parseRenditionPath(path), path).toBeUndefined();
  });

  it("gives a picture without a version no srcset: it is used as it is", () => {
    expect(pictureSources({ src: "https://images.example/a.jpg", width: 1200, height: 675 })).toBeUndefined();
    expect(pictureUrls({ src: "https://images.example/a.jpg", width: 1200, height: 675 })).toEqual([
      "https://images.example/a.jpg",
    ]);
  });

  it("puts AVIF before WebP, and a JPEG of at most 960 as the fallback src", () => {
    const set = pictureSources({ src: "/media/x.jpg", width: 1200, height: 675, version });
    expect(set?.sources.map((s) => s.type)).toEqual(["image/avif", "image/webp"]);
    expect(set?.src).toBe(`/img/media/x.jpg/${version}/w960.jpg`);
    expect(set?.srcSet).toBe(
      [320, 640, 960, 1200].map((w) => `/img/media/x.jpg/${version}/w${w}.jpg ${w}w`).join(", "),
    );
  });
});
