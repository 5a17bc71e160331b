// Test support: renders a component inside the app's providers (a router in memory and a query
// client over the real HTTP API client), as the running app would.
import { QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { httpStoryApi } from "../api/httpStoryApi";
import { createQueryClient } from "../api/queries";

export function renderWithApp(ui: ReactNode, { path = "/" } = {}) {
  const queryClient = createQueryClient(httpStoryApi);
  const router = createMemoryRouter([{ path: "*", element: ui }], { initialEntries: [path] });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...result, queryClient, router };
}
