import { describe, expect, it } from "vitest";
import { storyPictures } from "./offlineCopy";

describe("storyPictures", () => {
  it("is every picture a saved story shows offline: lead image, body images, video posters, each once", () => {
    const pictures = storyPictures({
      image: { src: "/media/lead.jpg", alt: "", width: 1200, height: 675 },
      body: [
        { type: "paragraph", text: "Text." },
        { type: "image", src: "https://images.example/pier.jpg", alt: "Pier", width: 800, height: 600 },
        { type: "video", title: "Clip", poster: "/media/poster.jpg", sources: [] },
        { type: "video", title: "No poster", sources: [] },
        { type: "image", src: "/media/lead.jpg", alt: "Again", width: 1200, height: 675 },
      ],
    });
    expect(pictures).toEqual(["/media/lead.jpg", "https://images.example/pier.jpg", "/media/poster.jpg"]);
  });

  it("is, of a site picture, every rendition its srcsets offer, in each format", () => {
    const version = "0123456789abcdef";
    const pictures = storyPictures({
      image: { src: "/media/lead.jpg", alt: "", width: 700, height: 400, version },
      body: [{ type: "paragraph", text: "Text." }],
    });
    const at = (name: string) => `/img/media/lead.jpg/${version}/${name}`;
    expect(pictures).toEqual(
      ["avif", "webp", "jpg"].flatMap((format) => [at(`w320.${format}`), at(`w640.${format}`), at(`w700.${format}`)]),
    );
  });
});
