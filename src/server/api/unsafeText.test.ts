// Text no story may hold, and URLs that cannot name anything, on both engines: answered at once
// with a 4xx naming the field (a NUL once cost PostgreSQL three retried 500s).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { publisher, storyDraft } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const TOKEN = "unsafe-text-admin-token-0123456789abcdef";

const draft = (overrides: Record<string, unknown> = {}) =>
  storyDraft({
    headline: "Harbour lights return for the winter",
    body: [{ type: "paragraph", text: "The lights go on at dusk.\n\tFrom Monday." }],
    ...overrides,
  });

describe.each(testEngines)("on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: TOKEN, engine });
  });
  afterAll(async () => {
    await server.close();
  });

  const put = (slug: string, body: unknown) => publisher(server.url, TOKEN).put(slug, body);

  it.each([
    ["/stories/%00", 404],
    ["/tags/a%00b", 404],
    ["/authors/a%00b", 404],
    ["/api/stories/%00", 404],
    ["/api/tags/a%00b", 404],
    ["/api/stories?tag=a%00b", 400],
  ])("GET %s answers %i at once", async (path, status) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(status);
  });

  it.each([
    ["NUL", "\u0000", "U+0000"],
    ["ESC", "\u001b[31m", "U+001B"],
    ["VT", "\u000b", "U+000B"],
    ["DEL", "\u007f", "U+007F"],
    ["U+202E", "\u202e", "U+202E"],
    ["a lone surrogate", "\ud800", "lone surrogate"],
  ])(
    "a headline with %s is refused with a 400 that names the field, and nothing is stored",
    async (_name, bad, said) => {
      const response = await put("unsafe-headline", draft({ headline: `Harbour ${bad}lights` }));
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe("invalid_story");
      expect(error.message).toContain(said);
      expect(error.message).toContain("headline");
      expect((await fetch(`${server.url}/api/stories/unsafe-headline`)).status).toBe(404);
    },
  );

  it.each([
    ["body.0.text", { body: [{ type: "paragraph", text: "Lights\u0000 on" }] }],
    ["authors.0.name", { authors: [{ slug: "ana", name: "Ana\u001b" }] }],
    ["deck", { deck: "A deck \u202ewith an override" }],
    ["body.0.alt", { body: [{ type: "image", src: "/media/x.jpg", alt: "\u0000", width: 10, height: 10 }] }],
  ])("any text field with one is refused the same way (%s)", async (field, overrides) => {
    const response = await put("unsafe-field", draft(overrides));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toContain(field.split(".")[0]);
  });

  it("tabs, line breaks and right-to-left text pass as they are", async () => {
    const headline = "שלום: harbour lights\treturn";
    const response = await put("safe-text", draft({ headline }));
    expect(response.status).toBe(201);
    expect((await response.json()).headline).toBe(headline);
  });
});
