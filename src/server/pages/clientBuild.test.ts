import { describe, expect, it } from "vitest";
import { clientBuild, forFirstPaint, type Manifest, SCRIPTS_SLOT } from "./clientBuild";

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
  // index.html as Vite writes it: the entry script, a preload of what it imports, then the stylesheet.
  const built = `<head>
    <meta charset="utf-8" />
    <!--app-head-->
    <script type="module" crossorigin src="/assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/shared-E.js">
    <link rel="stylesheet" crossorigin href="/assets/style-C.css">
  </head>`;

  it("puts the stylesheet before the head's tags, and leaves no script or preload for the browser to fetch beside the page", () => {
    const arranged = forFirstPaint(built);
    expect(arranged.indexOf("style-C.css")).toBeLessThan(arranged.indexOf("<!--app-head-->"));
    expect(arranged.match(/style-C\.css/g)).toHaveLength(1);
    expect(arranged).not.toMatch(/<script|modulepreload/);
    // The page's loader goes where the entry was, at the end of the head.
    expect(arranged.indexOf(SCRIPTS_SLOT)).toBeGreaterThan(arranged.indexOf("<!--app-head-->"));
  });
});

describe("the loader", () => {
  const loader = build.loader(["src/routes/story/StoryPage.tsx"]);

  it("waits for the page to load, then preloads the entry's and the page's chunks together and imports the entry", () => {
    expect(loader).toMatch(/^<script type="module">[^<]*<\/script>$/);
    expect(loader).toContain('addEventListener("load"');
    const chunks = JSON.parse(/for \(const href of (\[[^\]]*\])\)/.exec(loader)?.[1] ?? "null");
    expect(chunks).toEqual([
      "/assets/shared-E.js",
      "/assets/StoryPage-S.js",
      "/assets/HeadlineList-H.js",
      "/assets/Time-T.js",
    ]);
    expect(loader).toContain('import("/assets/index-A.js")');
  });

  it("gives its preloads its own nonce, which 'strict-dynamic' asks of them", () => {
    expect(loader).toContain('document.querySelector("script[nonce]")?.nonce');
    expect(loader).toContain("link.nonce = nonce");
  });

  it("cannot be ended early by a chunk's name", () => {
    const odd = clientBuild("", { "index.html": { file: "assets/</script><b>.js" } }).loader([]);
    expect(odd.match(/<\/script>/g)).toHaveLength(1);
    expect(odd).toContain('import("/assets/\\u003c/script>\\u003cb>.js")');
  });
});
