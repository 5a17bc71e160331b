// @vitest-environment jsdom
import { act, cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { renderWithApp } from "../test/renderWithApp";
import { storySummary as summary } from "../test/storySummary";
import { SaveButton } from "./SaveButton";
import { SAVED_STORIES_KEY, savedStories } from "./savedStories";

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe("SaveButton", () => {
  it("saves the story when pressed, says Saved, and removes it when pressed again", async () => {
    renderWithApp(<SaveButton story={summary("ferry")} place="story" />);
    const button = screen.getByRole("button", { name: "Save", pressed: false });
    await userEvent.click(button);
    expect(screen.getByRole("button", { name: "Saved", pressed: true })).toBe(button);
    expect(savedStories().map((story) => story.slug)).toEqual(["ferry"]);
    await userEvent.click(button);
    expect(screen.getByRole("button", { name: "Save", pressed: false })).toBe(button);
    expect(savedStories()).toEqual([]);
  });

  it("names the headline it saves in a list of headlines", () => {
    renderWithApp(<SaveButton story={summary("ferry", "Ferry crew pulls kayakers")} place="card" />);
    expect(screen.getByRole("button", { name: "Save Ferry crew pulls kayakers", pressed: false })).toBeTruthy();
  });

  it("shows as pressed when another tab saves the story", () => {
    renderWithApp(<SaveButton story={summary("ferry")} place="story" />);
    act(() => {
      const newValue = JSON.stringify([{ ...summary("ferry"), savedAt: new Date().toISOString() }]);
      localStorage.setItem(SAVED_STORIES_KEY, newValue);
      window.dispatchEvent(new StorageEvent("storage", { key: SAVED_STORIES_KEY, newValue }));
    });
    expect(screen.getByRole("button", { name: "Saved", pressed: true })).toBeTruthy();
  });
});
