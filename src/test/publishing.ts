// Test support: a story as a client publishes it, and the publishing API's calls over HTTP.
// Not part of the running app.

export const TEST_TOKEN = "test-publishing-admin-token-0123456789abc";

/** A story to PUT: a complete one in the demo's "city" section, with what `overrides` changes. */
export const storyDraft = (overrides: Record<string, unknown> = {}) => ({
  headline: "Night buses return to the harbour line",
  section: "city",
  authors: [{ slug: "ana-ferreira", name: "Ana Ferreira" }],
  tags: [{ slug: "transport", name: "Transport" }],
  publishedAt: "2026-11-24T06:00:00.000Z",
  updatedAt: "2026-11-24T06:00:00.000Z",
  body: [{ type: "paragraph", text: "The night buses run again from Friday." }],
  ...overrides,
});

/**
 * A request to the server at `origin` as an API client sends it: a body as JSON (a string is sent
 * as it is), the publishing token unless `token` is null or empty, redirects not followed.
 */
export function apiRequest(
  origin: string,
  method: string,
  path: string,
  body?: unknown,
  token: string | null = TEST_TOKEN,
): Promise<Response> {
  return fetch(`${origin}${path}`, {
    method,
    redirect: "manual",
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

/** The publishing API of the server at `url`, with `token`. */
export function publisher(url: string, token = TEST_TOKEN) {
  return {
    put: (slug: string, body: unknown) => apiRequest(url, "PUT", `/api/stories/${slug}`, body, token),
    delete: (slug: string) => apiRequest(url, "DELETE", `/api/stories/${slug}`, undefined, token),
  };
}
