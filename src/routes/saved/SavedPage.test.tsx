// @vitest-environment jsdom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { saveStory } from "../../saved/savedStories";
import { renderWithApp } from "../../test/renderWithApp";
import { storySummary } from "../../test/storySummary";
import SavedPage from "./SavedPage";

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const headlines = () => screen.queryAllByRole("heading", { level: 2 }).map((heading) => heading.textContent);

describe("SavedPage", () => {
  it("says where saved stories are kept, and that there are none yet", () => {
    renderWithApp(<SavedPage />);
    expect(screen.getByRole("heading", { level: 1, name: "Saved stories" })).toBeTruthy();
    expect(screen.getByText(/Your saved stories are kept in this browser/)).toBeTruthy();
    expect(screen.getByText(/Nothing saved yet/)).toBeTruthy();
  });

  it("lists saved stories newest saved first, as links to them", () => {
    saveStory(storySummary("older", "Older story"), new Date(Date.UTC(2026, 10, 21, 9, 1)));
    saveStory(storySummary("newer", "Newer story"), new Date(Date.UTC(2026, 10, 21, 9, 2)));
    renderWithApp(<SavedPage />);
    expect(headlines()).toEqual(["Newer story", "Older story"]);
    expect(screen.getByRole("link", { name: "Older story" }).getAttribute("href")).toBe("/stories/older");
  });

  it("removes a story, says so, and Undo puts it back in its place", async () => {
    for (const [minute, slug] of ["a", "b", "c"].entries())
      saveStory(storySummary(slug, `Story ${slug}`), new Date(Date.UTC(2026, 10, 21, 9, minute)));
    renderWithApp(<SavedPage />);
    expect(headlines()).toEqual(["Story c", "Story b", "Story a"]);

    await userEvent.click(screen.getByRole("button", { name: "Remove Story b" }));
    expect(headlines()).toEqual(["Story c", "Story a"]);
    expect(within(screen.getByRole("status")).getByText("Removed “Story b”.")).toBeTruthy();
    const undo = screen.getByRole("button", { name: "Undo" });
    expect(document.activeElement).toBe(undo);

    await userEvent.click(undo);
    expect(headlines()).toEqual(["Story c", "Story b", "Story a"]);
    expect(within(screen.getByRole("status")).getByText("Put back “Story b”.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Undo" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Remove Story b" }));
  });
});
