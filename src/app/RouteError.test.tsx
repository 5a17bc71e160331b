// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, data, RouterProvider, useLoaderData } from "react-router";
import { afterEach, describe, expect, it } from "vitest";
import { withTestSite } from "../test/renderWithApp";
import { RouteError } from "./RouteError";

afterEach(cleanup);

function Loading() {
  return <p>Loading…</p>;
}

function Page() {
  return <h1>{useLoaderData() as string}</h1>;
}

describe("RouteError", () => {
  it("offers a retry that loads the page once the failure has passed", async () => {
    let attempts = 0;
    const router = createMemoryRouter([
      {
        path: "/",
        Component: Page,
        ErrorBoundary: RouteError,
        HydrateFallback: Loading,
        loader: () => {
          attempts += 1;
          if (attempts === 1) throw new Error("the network dropped");
          return "The story";
        },
      },
    ]);
    render(withTestSite(<RouterProvider router={router} />));
    expect(await screen.findByRole("heading", { name: "This page could not be loaded" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "The story" })).toBeTruthy();
    expect(attempts).toBe(2);
  });

  it("shows the 404 page for a page that does not exist", async () => {
    const router = createMemoryRouter([
      {
        path: "/",
        Component: Page,
        ErrorBoundary: RouteError,
        HydrateFallback: Loading,
        loader: () => {
          throw data("Not found", { status: 404 });
        },
      },
    ]);
    render(withTestSite(<RouterProvider router={router} />));
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to the front page" }).getAttribute("href")).toBe("/");
  });
});
