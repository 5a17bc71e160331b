// How the production server delivers the built app: each page's loader preloads its own chunks
// once the page has loaded, hashed assets are cached for good and sent pre-compressed, public
// files cached briefly, the raw template never served.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { loaderScripts, WATCH_PATH, waitForHydration } from "./support";

test("hashed assets are immutable and sent pre-compressed", async ({ request }) => {
  const html = await (await request.get(WATCH_PATH)).text();
  const { chunks, entry } = loaderScripts(html);
  const scripts = [entry, ...chunks];
  const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
  expect(scripts.some((s) => s.includes("StoryPage"))).toBe(true);
  for (const asset of [...scripts, ...styles]) {
    expect(asset).toMatch(/^\/assets\/.+-[\w-]{8}\.(js|css)$/);
    for (const encoding of ["br", "gzip"]) {
      const response = await request.get(asset, { headers: { "accept-encoding": encoding } });
      expect(response.status(), asset).toBe(200);
      expect(response.headers()["content-encoding"], `${asset} ${encoding}`).toBe(encoding);
      expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(response.headers().vary).toMatch(/accept-encoding/i);
    }
  }
});

test("a page's loader preloads the chunk of the page it shows", async ({ request }) => {
  for (const [path, chunk] of [
    [WATCH_PATH, "StoryPage"],
    ["/saved", "SavedPage"],
    ["/", "HomePage"],
    ["/sections/city", "ListingPage"],
    ["/search?q=fog", "SearchPage"],
  ] as const) {
    const { chunks } = loaderScripts(await (await request.get(path)).text());
    expect(
      chunks.filter((href) => new RegExp(`^/assets/${chunk}-[\\w-]{8}\\.js$`).test(href)),
      path,
    ).toHaveLength(1);
  }
});

test("public files are cached for an hour, and the template is never served raw", async ({ request }) => {
  const image = await request.get("/media/ferry-fog.jpg");
  expect(image.headers()["content-type"]).toBe("image/jpeg");
  expect(image.headers()["cache-control"]).toBe("public, max-age=3600");
  for (const path of ["/index.html", "/.vite/manifest.json"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).not.toContain("<!--app-html-->");
  }
});

test("the server renders with React's production build, though this server runs with NODE_ENV=development", async ({
  request,
}) => {
  // playwright.config.ts starts the server with NODE_ENV=development; the build bundles React with
  // NODE_ENV fixed to production, so its development build (prop checks, warnings) is not there.
  const serverDir = join(import.meta.dirname, "../dist/server");
  const bundle = readdirSync(serverDir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".js"))
    .map((file) => readFileSync(join(serverDir, file), "utf8"))
    .join("\n");
  expect(bundle).toContain("react.transitional.element"); // React is in the bundle…
  expect(bundle).toContain("renderToString");
  for (const developmentOnly of ["warnUnknownProperties", "validateProperty", "react-dom-server.node.development"])
    expect(bundle).not.toContain(developmentOnly); // …and only its production build
  expect((await request.get(WATCH_PATH)).status()).toBe(200);
});

test("the story's first screen gets the bandwidth first: the stylesheet early, the app after the page has loaded", async ({
  request,
}) => {
  const html = await (await request.get(WATCH_PATH)).text();
  const head = html.slice(0, html.indexOf("</head>"));
  const stylesheet = head.indexOf('rel="stylesheet"');
  expect(stylesheet).toBeGreaterThan(0);
  expect(stylesheet).toBeLessThan(head.indexOf("<title>"));
  // No script for the browser to fetch beside the page: a loader preloads the page's chunks and
  // imports the app's entry once the page has loaded.
  expect(html).not.toMatch(/<script[^>]*\ssrc=|<link rel="modulepreload"/);
  const loader = /<script nonce="[^"]+" type="module">([^<]*)<\/script>/.exec(head)?.[1] ?? "";
  expect(loader).toMatch(/import\("\/assets\/index-[\w-]+\.js"\)/);
  expect(loader).toContain('addEventListener("load"');
  // The lead picture is preloaded at high priority, from the first lines of the body: its AVIF
  // renditions, the browser choosing the width for the screen (imagesrcset, imagesizes).
  const preload = /<link rel="preload" [^>]*as="image"[^>]*>/.exec(html)?.[0] ?? "";
  expect(preload).toMatch(/imageSrcSet="\/img\/media\/ferry-fog\.jpg\/[0-9a-f]{16}\/w320\.avif 320w, /);
  expect(preload).toContain('type="image/avif"');
  expect(preload).toContain('fetchPriority="high"');
  expect(html.indexOf(preload)).toBeLessThan(html.indexOf("<picture"));
});

test("once a story has loaded, the loader fetches its chunks together, each once, and the app hydrates", async ({
  page,
  request,
}) => {
  const { chunks, entry } = loaderScripts(await (await request.get(WATCH_PATH)).text());
  const fetched: string[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/assets/") && path.endsWith(".js")) fetched.push(path);
  });
  await page.goto(WATCH_PATH);
  await waitForHydration(page);
  for (const script of [entry, ...chunks])
    expect(
      fetched.filter((p) => p === script),
      script,
    ).toHaveLength(1);
  // Nothing of the app's was asked for before the page had loaded (the browser's own clock).
  const early = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    return performance
      .getEntriesByType("resource")
      .filter((r) => r.name.includes("/assets/") && r.name.endsWith(".js"))
      .filter((r) => r.startTime < (navigation?.loadEventStart ?? 0))
      .map((r) => r.name);
  });
  expect(early).toEqual([]);
  // The preloads are in the head, under the page's policy (its nonce on each).
  const preloads = await page.$$eval('link[rel="modulepreload"]', (links) =>
    links.map((l) => ({ href: new URL((l as HTMLLinkElement).href).pathname, nonce: (l as HTMLLinkElement).nonce })),
  );
  for (const chunk of chunks) expect(preloads.find((p) => p.href === chunk)?.nonce, chunk).toMatch(/^[\w-]{22}$/);
});
