// Test support: a fresh store of one engine for each test (see testDatabases.ts), with sections to
// file stories under, closed and dropped after. Not part of the running app.
import { afterEach, beforeEach } from "vitest";
import type { Section, StoryInput } from "../model/story";
import type { Engine } from "./engine";
import { openStore } from "./openStore";
import type { StoryStore } from "./storyStore";
import { createTestDatabase, type TestDatabase } from "./testDatabases";

/** Registers the hooks; `store()` is the current test's store, `databaseUrl()` where it lives. */
export function freshStorePerTest(
  engine: Engine,
  sections: Section[] = [{ slug: "city", name: "City" }],
): { store: () => StoryStore; databaseUrl: () => string } {
  let database: TestDatabase | undefined;
  let store: StoryStore | undefined;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
    store = await openStore(database.url);
    await store.saveSections(sections);
  });
  afterEach(async () => {
    await store?.close();
    await database?.drop();
  });
  const current = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the store exists only inside a test");
    return value;
  };
  return { store: () => current(store), databaseUrl: () => current(database).url };
}

/**
 * A story to save: in the "city" section, "Headline of <slug>", one paragraph "Body of <slug>.",
 * published and updated at `at`, by nobody, tagged nothing; `extra` changes any of it.
 */
export function testStory(slug: string, at: string, extra: Partial<StoryInput> = {}): StoryInput {
  return {
    slug,
    headline: `Headline of ${slug}`,
    section: "city",
    authors: [],
    tags: [],
    publishedAt: at,
    updatedAt: at,
    body: [{ type: "paragraph", text: `Body of ${slug}.` }],
    ...extra,
  };
}
