// Who added each correction, read from the revisions on each engine: the revision that brought it
// in, kept through later edits, and the one that put it back after it was taken out.
import { describe, expect, it } from "vitest";
import type { Block, StoryInput } from "../model/story";
import { testEngines } from "./testDatabases";
import { freshStorePerTest, testStory } from "./testStore";

const correction = (date: string, text: string): Block => ({ type: "correction", date, text });
const wrongQuay = correction("2026-11-20T09:00:00.000Z", "An earlier version named the wrong quay.");
const wrongTime = correction("2026-11-20T10:00:00.000Z", "An earlier version gave the wrong time.");

const story = (body: Block[], updatedAt = "2026-11-20T11:00:00.000Z"): StoryInput =>
  testStory("quay-lamps", "2026-11-20T08:00:00.000Z", {
    updatedAt,
    body: [{ type: "paragraph", text: "The lamps went out." }, ...body],
  });

describe.each(testEngines)("correction authors on %s", (engine) => {
  const { store } = freshStorePerTest(engine);
  const save = (body: Block[], name: string) =>
    store().saveStories([story(body)], { author: { id: name.toLowerCase(), name } });
  const authors = async (body: Block[]) =>
    (await store().correctionAuthors("quay-lamps", body)).map((item) => [
      item.text,
      item.addedIn?.revision,
      item.addedIn?.author?.name,
    ]);

  it("names the revision that brought each correction in, oldest correction first", async () => {
    await save([], "Ana");
    await save([wrongTime, wrongQuay], "Ben");
    await save([wrongQuay, wrongTime, { type: "heading", text: "Later" }], "Cleo");
    expect(await authors([wrongTime, wrongQuay])).toEqual([
      ["An earlier version named the wrong quay.", 2, "Ben"],
      ["An earlier version gave the wrong time.", 2, "Ben"],
    ]);
  });

  it("names whoever put back a correction taken out, and null for one no revision carries", async () => {
    await save([wrongQuay], "Ana");
    await save([], "Ben");
    await save([wrongQuay], "Cleo");
    const unknown = correction("2026-11-20T10:30:00.000Z", "Never saved through the store.");
    expect(await authors([wrongQuay, unknown])).toEqual([
      ["An earlier version named the wrong quay.", 3, "Cleo"],
      ["Never saved through the store.", undefined, undefined],
    ]);
  });
});
