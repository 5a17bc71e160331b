// @vitest-environment jsdom
// jsdom has no media engine: canPlayType is stubbed per test to play the part of a browser, and
// hls.js (which needs Media Source Extensions) is replaced by a recorder. Both are boundaries
// that cannot run here; the browser tests play real media in Chromium.
import { cleanup, render, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { VideoBlock } from "../model/story";
import { withTestSite } from "../test/renderWithApp";
import { NativeVideo } from "./NativeVideo";

const hls = vi.hoisted(() => ({ loaded: [] as string[], attached: 0, startPositions: [] as number[] }));
vi.mock("hls.js", () => ({
  default: class {
    static isSupported = () => true;
    constructor(config: { startPosition: number }) {
      hls.startPositions.push(config.startPosition);
    }
    loadSource(src: string) {
      hls.loaded.push(src);
    }
    attachMedia() {
      hls.attached += 1;
    }
    destroy() {}
  },
}));

const playlist: VideoBlock = {
  type: "video",
  title: "Harbour live",
  poster: "/media/poster.jpg",
  sources: [{ src: "/media/live.m3u8", type: "application/vnd.apple.mpegurl" }],
};

function browserPlays(types: string[]) {
  vi.spyOn(HTMLMediaElement.prototype, "canPlayType").mockImplementation((type) =>
    types.includes(type) ? "maybe" : "",
  );
}

beforeEach(() => {
  hls.loaded.length = 0;
  hls.attached = 0;
  hls.startPositions.length = 0;
});
afterEach(cleanup);

describe("NativeVideo with an HLS playlist", () => {
  it("hands the playlist to hls.js when the browser cannot play HLS itself", async () => {
    browserPlays(["video/mp4"]);
    render(withTestSite(<NativeVideo video={playlist} startAt={12} />));
    await waitFor(() => expect(hls.loaded).toEqual(["/media/live.m3u8"]));
    expect(hls.attached).toBe(1);
    expect(hls.startPositions).toEqual([12]);
  });

  it("leaves HLS to a browser that plays it natively", async () => {
    browserPlays(["application/vnd.apple.mpegurl"]);
    const { container } = render(withTestSite(<NativeVideo video={playlist} />));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hls.loaded).toEqual([]);
    expect(container.querySelector("source")?.getAttribute("src")).toBe("/media/live.m3u8");
  });

  it("does not load hls.js when another source plays", async () => {
    browserPlays(["video/mp4"]);
    render(
      withTestSite(
        <NativeVideo
          video={{ ...playlist, sources: [...playlist.sources, { src: "/media/a.mp4", type: "video/mp4" }] }}
        />,
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hls.loaded).toEqual([]);
  });
});
