// Preview links (docs/decisions/037): an editor asks for one behind the publishing token and gets an
// unguessable URL that shows a draft as readers will see it once published, that search engines
// are told not to index, that neither this server nor a CDN keeps, and that stops working when it
// expires. Real server, both engines, with a clock the test moves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../../store/testDatabases";
import { apiRequest, publisher, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { type PurgeReceiver, startPurgeReceiver } from "../../test/purgeReceiver";
import { startTestServer, type TestServer } from "../testServer";
import { PREVIEW_TTL_MS } from "./previewRoutes";

describe.each(testEngines)("preview links on %s", (engine) => {
  let server: TestServer;
  let cdn: PurgeReceiver;
  let clock = Date.now();
  beforeAll(async () => {
    // A server that purges a CDN, so it names answers' keys: the preview must name none.
    cdn = await startPurgeReceiver();
    server = await startTestServer({
      engine,
      adminToken: TEST_TOKEN,
      now: () => new Date(clock),
      cdn: { purgeUrls: [cdn.url], sharedMaxAgeS: 3600 },
    });
  });
  afterAll(async () => {
    await server.close();
    await cdn.close();
  });

  const askPreview = (slug: string, token: string | null = TEST_TOKEN) =>
    apiRequest(server.url, "POST", `/api/stories/${slug}/preview`, undefined, token);
  /** The path of a preview URL, on the test server (the URL names the site's public origin). */
  const open = (url: string) => fetch(`${server.url}${new URL(url).pathname}`);
  /** A page's markup as a reader gets it, but for what differs per answer (nonces) or per preview. */
  const comparable = (html: string) => {
    const body = html.slice(html.indexOf("<body"));
    return body.replace(/nonce="[^"]*"/g, 'nonce=""');
  };

  it("shows a draft as readers will see it, to whoever has the link, and to no crawler or cache", async () => {
    const slug = "sea-wall-inquiry-findings";
    const story = storyDraft({
      headline: "Sea wall inquiry publishes its findings",
      body: [
        { type: "paragraph", text: "The inquiry found the wall was inspected in time." },
        { type: "image", src: "/media/flood-wall.jpg", alt: "The flood wall at high tide", width: 1600, height: 1067 },
      ],
    });
    expect((await publisher(server.url).put(slug, { ...story, status: "draft" })).status).toBe(201);
    expect((await askPreview(slug, null)).status).toBe(401);

    const asked = await askPreview(slug);
    expect(asked.status).toBe(201);
    expect(asked.headers.get("cache-control")).toBe("no-store");
    const { url, expiresAt } = await asked.json();
    expect(url).toMatch(/^https:\/\/news\.example\/preview\/[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(expiresAt)).toBe(clock + PREVIEW_TTL_MS);
    // Another link for the same story is another secret.
    expect((await (await askPreview(slug)).json()).url).not.toBe(url);

    // Readers still cannot see it.
    expect((await fetch(`${server.url}/stories/${slug}`)).status).toBe(404);
    const renders = server.work().renders;
    const preview = await open(url);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("x-robots-tag")).toContain("noindex");
    expect(preview.headers.get("cache-control")).toBe("private, no-store");
    expect(preview.headers.get("surrogate-key")).toBeNull();
    expect(preview.headers.get("cache-tag")).toBeNull();
    expect(preview.headers.get("content-security-policy")).toMatch(/nonce-/);
    const html = await preview.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain("Sea wall inquiry publishes its findings");

    // Never kept: every visit is rendered again, and shows the draft's latest words.
    await open(url);
    expect(server.work().renders - renders).toBe(2);
    await publisher(server.url).put(slug, { ...story, headline: "Sea wall inquiry: the findings", status: "draft" });
    const previewed = await (await open(url)).text();
    expect(previewed).toContain("Sea wall inquiry: the findings");

    // As readers will see it: once published as it stands, its page is the preview, but for the noindex.
    expect(
      (await publisher(server.url).put(slug, { ...story, headline: "Sea wall inquiry: the findings" })).status,
    ).toBe(201);
    const published = await (await fetch(`${server.url}/stories/${slug}`)).text();
    expect(published).not.toContain("noindex");
    expect(comparable(previewed)).toBe(comparable(published));
  });

  it("refuses a link that was never given, or has expired (404), and a story there is not", async () => {
    const slug = "ferry-fares-draft";
    await publisher(server.url).put(slug, storyDraft({ headline: "Ferry fares to rise", status: "draft" }));
    const { url } = await (await askPreview(slug)).json();
    expect((await open(url)).status).toBe(200);
    // No refusal is kept by a cache either: the same link may be good a moment later, or never.
    const refused = (response: Response) => [
      response.status,
      response.headers.get("cache-control"),
      response.headers.get("x-robots-tag")?.includes("noindex"),
    ];
    const forged = `${url.slice(0, -4)}AAAA`;
    expect(refused(await open(forged))).toEqual([404, "private, no-store", true]);
    expect(refused(await open("https://news.example/preview/short"))).toEqual([404, "private, no-store", true]);
    clock += PREVIEW_TTL_MS + 1_000;
    expect(refused(await open(url))).toEqual([404, "private, no-store", true]);
    expect((await askPreview("no-such-story")).status).toBe(404);
  });
});
