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

/** The publishing API of the server at `url`, with `token`. */
export function publisher(url: string, token = TEST_TOKEN) {
  const call = (method: string, slug: string, body?: unknown) =>
    fetch(`${url}/api/stories/${slug}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    put: (slug: string, body: unknown) => call("PUT", slug, body),
    delete: (slug: string) => call("DELETE", slug),
  };
}
