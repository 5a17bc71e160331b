import { describe, expect, it } from "vitest";
import { clientBuild, forFirstPaint, type Manifest } from "./clientBuild";

// A small build as Vite's manifest describes it: the entry, two pages sharing a chunk, a chunk
// the entry and a page share, and a chunk loaded only on demand (not preloaded).
const manifest: Manifest = {
  "index.html": { file: "assets/index-A.js", imports: ["_shared-E.js"] },
  "_shared-E.js": { file: "assets/shared-E.js" },
  "_HeadlineList-H.js": { file: "assets/HeadlineList-H.js", imports: ["index.html", "_shared-E.js", "_Time-T.js"] },
  "_Time-T.js": { file: "assets/Time-T.js", imports: ["index.html"] },
  "src/routes/story/StoryPage.tsx": {
    file: "assets/StoryPage-S.js",
    imports: ["index.html", "_HeadlineList-H.js"],
  },
  "src/routes/saved/SavedPage.tsx": { file: "assets/SavedPage-V.js", imports: ["index.html", "_HeadlineList-H.js"] },
  "node_modules/hls.js/dist/hls.mjs": { file: "assets/hls-L.js" },
};
const build = clientBuild("<!doctype html>", manifest);

describe("clientBuild", () => {
  it("gives a page's chunk and everything it imports, less what the entry loads", () => {
    expect(build.routeScripts(["src/routes/story/StoryPage.tsx"])).toEqual([
      "/assets/StoryPage-S.js",
      "/assets/HeadlineList-H.js",
      "/assets/Time-T.js",
    ]);
  });

  it("names a chunk two pages share once", () => {
    const scripts = build.routeScripts(["src/routes/story/StoryPage.tsx", "src/routes/saved/SavedPage.tsx"]);
    expect(scripts).toHaveLength(4);
    expect(new Set(scripts).size).toBe(4);
    expect(scripts).toContain("/assets/SavedPage-V.js");
  });

  it("names the entry and what it imports, which every page starts with (and the budget counts)", () => {
    expect(build.entryScripts).toEqual(["/assets/index-A.js", "/assets/shared-E.js"]);
  });

  it("preloads nothing for no page, or for a module the build does not have", () => {
    expect(build.routeScripts([])).toEqual([]);
    expect(build.routeScripts(["src/routes/gone/GonePage.tsx"])).toEqual([]);
  });
});

describe("forFirstPaint", () => {
  // index.html as Vite writes it: the entry script, then the stylesheet, after the head's slot.
  const built = `<head>
    <meta charset="utf-8" />
    <!--app-head-->
    <script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="stylesheet" crossorigin href="/assets/style-C.css">
  </head>`;

  it("puts the stylesheet before the head's tags, and starts the app only once the page has loaded", () => {
    const arranged = forFirstPaint(built);
    expect(arranged.indexOf("style-C.css")).toBeLessThan(arranged.indexOf("<!--app-head-->"));
    expect(arranged.match(/style-C\.css/g)).toHaveLength(1);
    // No script for the preload scanner to fetch beside the page: the entry is imported after load.
    expect(arranged).not.toMatch(/<script[^>]*\ssrc=/);
    const loader = /<script type="module">([^<]*)<\/script>/.exec(arranged)?.[1] ?? "";
    expect(loader).toContain('import("/assets/index-A.js")');
    expect(loader).toContain('addEventListener("load"');
  });
});
