// @vitest-environment jsdom
// The live entries list over the real store (in-process, as the server reads it), told that an
// entry changed the way the change stream will tell it: invalidating ["live-entries", slug].

import { QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { Suspense } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createQueryClient, liveEntriesQuery, storyQuery } from "../api/queries";
import { createStoryReader } from "../server/storyReader";
import { openStore } from "../store/openStore";
import type { StoryStore } from "../store/storyStore";
import { createTestDatabase, type TestDatabase } from "../store/testDatabases";
import { LIVE_SLUG, writeLiveStory } from "../test/liveStory";
import { withTestSite } from "../test/renderWithApp";
import { LiveEntries } from "./LiveEntries";

let database: TestDatabase;
let store: StoryStore;
beforeEach(async () => {
  database = await createTestDatabase("sqlite");
  store = await openStore(database.url);
  await store.saveSections([{ slug: "city", name: "City" }]);
  await writeLiveStory(store, { entries: 3 });
});
afterEach(async () => {
  cleanup();
  await store.close();
  await database.drop();
});

async function renderLive(path = `/stories/${LIVE_SLUG}`) {
  const queryClient = createQueryClient(createStoryReader(store, "https://news.example"), { retries: 0 });
  const story = await queryClient.ensureQueryData(storyQuery(LIVE_SLUG));
  await queryClient.ensureInfiniteQueryData(liveEntriesQuery(LIVE_SLUG));
  const router = createMemoryRouter(
    [
      {
        path: "/stories/:slug",
        element: (
          <Suspense fallback={<p>Loading</p>}>
            <LiveEntries story={story} />
          </Suspense>
        ),
      },
    ],
    { initialEntries: [path] },
  );
  render(
    withTestSite(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    ),
  );
  const told = () => act(() => queryClient.invalidateQueries({ queryKey: ["live-entries", LIVE_SLUG] }));
  return { queryClient, router, told };
}

const updates = () =>
  within(screen.getByRole("list", { name: "Updates, newest first" }))
    .getAllByRole("listitem")
    .map((item) => item.querySelector("article > div p")?.textContent);

describe("the live entries list", () => {
  it("puts entries that arrive at the top, drawn to slide in, and says how many came", async () => {
    const { told } = await renderLive();
    expect(updates()).toEqual(["Update 3.", "Update 2.", "Update 1."]);
    expect(screen.getByRole("status").textContent).toBe("");

    const posted = await store.addEntry(LIVE_SLUG, { body: [{ type: "paragraph", text: "Update 4." }] }, new Date());
    await told();
    expect(await screen.findByText("Update 4.")).toBeDefined();
    expect(updates()).toEqual(["Update 4.", "Update 3.", "Update 2.", "Update 1."]);
    expect(screen.getByRole("status").textContent).toBe("1 new update");
    expect(document.getElementById(`entry-${posted.id}`)?.className).toContain("fresh");

    for (const text of ["Update 5.", "Update 6."])
      await store.addEntry(LIVE_SLUG, { body: [{ type: "paragraph", text }] }, new Date());
    await told();
    expect(await screen.findByText("Update 6.")).toBeDefined();
    expect(updates().slice(0, 3)).toEqual(["Update 6.", "Update 5.", "Update 4."]);
    expect(screen.getByRole("status").textContent).toBe("2 new updates");
    expect(document.getElementById(`entry-${posted.id}`)?.className).not.toContain("fresh");
  });

  it("shows an edit and a deletion without announcing either as new", async () => {
    const { told } = await renderLive();
    const [, second] = (await store.listEntries(LIVE_SLUG, { limit: 5 }))?.items ?? [];
    if (!second) throw new Error("no entry");
    await store.updateEntry(
      LIVE_SLUG,
      second.id,
      { body: [{ type: "paragraph", text: "Update 2, corrected." }] },
      new Date(),
    );
    await told();
    expect(await screen.findByText("Update 2, corrected.")).toBeDefined();
    await store.deleteEntry(LIVE_SLUG, second.id);
    await told();
    await waitFor(() => expect(updates()).toEqual(["Update 3.", "Update 1."]));
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("counts a page of older entries afresh: nothing on it is announced as new", async () => {
    const { router } = await renderLive();
    const [newest] = (await store.listEntries(LIVE_SLUG, { limit: 5 }))?.items ?? [];
    await act(() => router.navigate(`/stories/${LIVE_SLUG}?before=${newest?.id}`));
    expect(await screen.findByRole("heading", { name: "Older updates" })).toBeDefined();
    expect(updates()).toEqual(["Update 2.", "Update 1."]);
    expect(screen.getByRole("status").textContent).toBe("");
  });
});
