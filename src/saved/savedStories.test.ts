// @vitest-environment jsdom
import { act, renderHook } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Story } from "../model/story";
import { storySummary as summary } from "../test/storySummary";
import {
  removeSavedStory,
  restoreSavedStory,
  SAVED_STORIES_KEY,
  savedStories,
  saveStory,
  subscribeToSavedStories,
  useSavedStories,
} from "./savedStories";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 21, 9, minute));
const slugs = () => savedStories().map((story) => story.slug);

/** What another tab does: writes the storage, and this tab hears a `storage` event. */
function inAnotherTab(stories: unknown): void {
  const newValue = JSON.stringify(stories);
  localStorage.setItem(SAVED_STORIES_KEY, newValue);
  window.dispatchEvent(new StorageEvent("storage", { key: SAVED_STORIES_KEY, newValue }));
}

afterEach(() => localStorage.clear());

describe("saved stories", () => {
  it("lists what was saved, newest saved first, each story once", () => {
    saveStory(summary("first"), at(1));
    saveStory(summary("second"), at(2));
    saveStory(summary("first"), at(3));
    expect(slugs()).toEqual(["second", "first"]);
    expect(savedStories()[1]?.savedAt).toBe(at(1).toISOString());
  });

  it("keeps a story's summary, not the whole story it was saved from", () => {
    const story: Story = {
      ...summary("whole"),
      authors: [],
      tags: [],
      url: "https://news.example/stories/whole",
      body: [{ type: "paragraph", text: "A long body." }],
      related: [],
    };
    saveStory(story, at(1));
    const stored = JSON.parse(localStorage.getItem(SAVED_STORIES_KEY) ?? "[]");
    expect(stored).toEqual([{ ...summary("whole"), savedAt: at(1).toISOString() }]);
  });

  it("removes a story and, on undo, puts it back in its place", () => {
    saveStory(summary("oldest"), at(1));
    saveStory(summary("middle"), at(2));
    saveStory(summary("newest"), at(3));
    const removed = removeSavedStory("middle");
    expect(slugs()).toEqual(["newest", "oldest"]);
    saveStory(summary("meanwhile"), at(4));
    if (!removed) throw new Error("nothing was removed");
    restoreSavedStory(removed);
    expect(slugs()).toEqual(["meanwhile", "newest", "middle", "oldest"]);
  });

  it("survives a reload: the list is read from storage", () => {
    localStorage.setItem(SAVED_STORIES_KEY, JSON.stringify([{ ...summary("kept"), savedAt: at(1).toISOString() }]));
    expect(slugs()).toEqual(["kept"]);
  });

  it("ignores storage it cannot read", () => {
    localStorage.setItem(SAVED_STORIES_KEY, "{not json");
    expect(savedStories()).toEqual([]);
    localStorage.setItem(SAVED_STORIES_KEY, JSON.stringify([{ slug: "no-headline" }, "text", null]));
    expect(savedStories()).toEqual([]);
  });

  it("hears what another tab saves and removes, at once", () => {
    const heard = vi.fn();
    const unsubscribe = subscribeToSavedStories(heard);
    inAnotherTab([{ ...summary("from-the-other-tab"), savedAt: at(5).toISOString() }]);
    expect(heard).toHaveBeenCalledTimes(1);
    expect(slugs()).toEqual(["from-the-other-tab"]);
    window.dispatchEvent(new StorageEvent("storage", { key: "something-else" }));
    expect(heard).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it("updates a component's list when another tab changes it", () => {
    saveStory(summary("here"), at(1));
    const { result } = renderHook(() => useSavedStories());
    expect(result.current.map((story) => story.slug)).toEqual(["here"]);
    act(() => inAnotherTab([]));
    expect(result.current).toEqual([]);
  });
});
