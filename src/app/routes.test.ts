// The route table as declared, without a build: every page names a page module that is there and
// draws something, every page module is some page's, and an address leads to the module the
// server will preload for it.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { matchRoutes, type RouteObject } from "react-router";
import { describe, expect, it } from "vitest";
import { matchedPageModules } from "./definePage";
import { createRoutes, pages } from "./routes";

const root = join(import.meta.dirname, "../..");
const routes = createRoutes();
const all = (list: RouteObject[]): RouteObject[] => list.flatMap((route) => [route, ...all(route.children ?? [])]);
const pageRoutes = all(routes).filter((route) => route.lazy);

/** The page modules on disk: src/routes/<page>/<Name>Page.tsx. */
const pageFiles = readdirSync(join(root, "src/routes"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) =>
    readdirSync(join(root, "src/routes", folder.name))
      .filter((name) => /Page\.tsx$/.test(name))
      .map((name) => `src/routes/${folder.name}/${name}`),
  );

describe("the pages", () => {
  it("are all in the route table, each once", () => {
    expect(pageRoutes.map((route) => route.id)).toEqual(pages.map((page) => page.id));
    expect(new Set(pages.map((page) => page.id)).size).toBe(pages.length);
  });

  it.each(pageRoutes.map((route) => [route.id, route] as const))(
    "%s names a page module that exists, and loads its component from it",
    async (_id, route) => {
      const [module, ...more] = matchedPageModules([{ route }]);
      expect(more).toEqual([]);
      expect(module).toMatch(/^src\/routes\/[\w-]+\/\w+Page\.tsx$/);
      expect(existsSync(join(root, module ?? ""))).toBe(true);
      const lazy = route.lazy as { Component: () => Promise<unknown> };
      expect(typeof (await lazy.Component())).toBe("function");
    },
  );

  it("leave no page module undeclared", () => {
    const declared = new Set(pages.map((page) => page.module));
    expect(pageFiles.length).toBeGreaterThan(0);
    expect(pageFiles.filter((file) => !declared.has(file))).toEqual([]);
  });

  it.each([
    ["/", "src/routes/home/HomePage.tsx"],
    ["/stories/fog-explained", "src/routes/story/StoryPage.tsx"],
    ["/sections/city", "src/routes/listing/ListingPage.tsx"],
    ["/tags/ferries", "src/routes/listing/ListingPage.tsx"],
    ["/authors/ana-reyes", "src/routes/listing/ListingPage.tsx"],
    ["/saved", "src/routes/saved/SavedPage.tsx"],
    ["/search", "src/routes/search/SearchPage.tsx"],
  ])("%s is drawn by %s", (path, module) => {
    expect(matchedPageModules(matchRoutes(routes, path) ?? [])).toEqual([module]);
  });

  it("has no page module for an address that is no page (the 404 is in the main bundle)", () => {
    expect(matchedPageModules(matchRoutes(routes, "/no/such/page") ?? [])).toEqual([]);
  });
});
