// @vitest-environment jsdom
// The API is mocked with MSW here: a component test has no server behind it.
import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { storyQuery } from "../api/queries";
import { renderWithApp } from "../test/renderWithApp";
import { HeadlineLink } from "./HeadlineLink";
import { StoryPageLoader } from "./prefetchStory";

const requested: string[] = [];
const api = setupServer(
  http.get("*/api/stories/:slug", ({ params }) => {
    requested.push(String(params.slug));
    return HttpResponse.json({ slug: params.slug, headline: "Fog explained" });
  }),
);
beforeAll(() => api.listen({ onUnhandledFrame: "error" }));
afterEach(() => {
  cleanup();
  requested.length = 0;
});
afterAll(() => api.close());

describe("HeadlineLink", () => {
  it("is a real link to the story", () => {
    renderWithApp(<HeadlineLink slug="fog-explained">Fog explained</HeadlineLink>);
    expect(screen.getByRole("link", { name: "Fog explained" }).getAttribute("href")).toBe("/stories/fog-explained");
  });

  it.each([
    ["hover", fireEvent.mouseEnter],
    ["focus", fireEvent.focus],
  ])("fetches the story into the cache on %s, before any click", async (_name, trigger) => {
    const { queryClient } = renderWithApp(<HeadlineLink slug="fog-explained">Fog explained</HeadlineLink>);
    trigger(screen.getByRole("link", { name: "Fog explained" }));
    await waitFor(() => expect(queryClient.getQueryData(storyQuery("fog-explained").queryKey)).toBeTruthy());
    expect(requested).toEqual(["fog-explained"]);
  });

  it("loads the story page's code the app provides, along with the story", async () => {
    let loads = 0;
    const loadStoryPage = () => {
      loads += 1;
      return Promise.resolve();
    };
    const { queryClient } = renderWithApp(
      <StoryPageLoader value={loadStoryPage}>
        <HeadlineLink slug="fog-explained">Fog explained</HeadlineLink>
      </StoryPageLoader>,
    );
    fireEvent.mouseEnter(screen.getByRole("link", { name: "Fog explained" }));
    expect(loads).toBe(1);
    await waitFor(() => expect(queryClient.getQueryData(storyQuery("fog-explained").queryKey)).toBeTruthy());
  });
});
