// What an empty store starts with: the site config's sections, and the stories beside the config
// (content/stories for the demo); a site whose folder has no stories starts with none.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readSiteConfig } from "../site/siteConfig";
import { openStore } from "../store/openStore";
import type { StoryStore } from "../store/storyStore";
import { createTestDatabase, type TestDatabase, testEngines } from "../store/testDatabases";
import { loadDemoContentIfEmpty } from "./demoContent";

const root = join(import.meta.dirname, "../..");
const publicDir = join(root, "public");

describe.each(testEngines)("on %s", (engine) => {
  let database: TestDatabase;
  let store: StoryStore;
  const open = async () => {
    database = await createTestDatabase(engine);
    store = await openStore(database.url);
  };
  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it("gives the demo's empty store its sections in the config's order and its stories", async () => {
    await open();
    const demo = readSiteConfig(join(root, "content/site.yaml"));
    const loaded = await loadDemoContentIfEmpty(store, demo.folder, publicDir, demo.sections);
    expect(loaded).toBeGreaterThan(5);
    expect((await store.listSections()).map((s) => s.slug)).toEqual(["city", "world", "science", "culture"]);
    // Once it holds stories, nothing more.
    expect(await loadDemoContentIfEmpty(store, demo.folder, publicDir, demo.sections)).toBe(0);
  });

  it("gives another site's empty store its sections and none of the demo's stories", async () => {
    await open();
    const faro = readSiteConfig(join(root, "src/test/site/faro.yaml"));
    expect(await loadDemoContentIfEmpty(store, faro.folder, publicDir, faro.sections)).toBe(0);
    expect(await store.listSections()).toEqual([
      { slug: "world", name: "Mundo" },
      { slug: "city", name: "Ciudad" },
    ]);
    expect(await store.countStories()).toBe(0);
  });
});
