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
});
