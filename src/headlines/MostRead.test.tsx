// @vitest-environment jsdom
import { act, cleanup, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { mostReadQuery } from "../api/queries";
import { renderWithApp } from "../test/renderWithApp";
import { storySummary } from "../test/storySummary";
import { MostRead } from "./MostRead";

afterEach(cleanup);

describe("MostRead", () => {
  const ranked = ["first", "second", "third"].map((slug) => storySummary(slug, `Story ${slug}`));

  it("leads to where the most read are listed until the list comes", () => {
    renderWithApp(<MostRead />);
    expect(screen.getByRole("link", { name: "Most read" }).getAttribute("href")).toBe("/search");
  });

  it("lists the most read, most first", async () => {
    const { queryClient } = renderWithApp(<MostRead />);
    act(() => queryClient.setQueryData(mostReadQuery().queryKey, ranked));
    const links = within(await screen.findByRole("list")).getAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual(["Story first", "Story second", "Story third"]);
  });

  it("beside a story, leaves that story out", async () => {
    const { queryClient } = renderWithApp(<MostRead as="aside" besides="first" />);
    act(() => queryClient.setQueryData(mostReadQuery().queryKey, ranked));
    const links = within(await screen.findByRole("list")).getAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual(["Story second", "Story third"]);
    expect(screen.getByRole("complementary", { name: "Most read" })).toBeTruthy();
  });
});
