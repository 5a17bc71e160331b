// What unfurlers see: a real Open Graph parser from the registry (open-graph-scraper) reads the
// real server's pages, and every image it finds must be there at the size the page declares.
import { imageSize } from "image-size";
import ogs from "open-graph-scraper";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../testServer";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const WATCH = "ferry-crew-pulls-kayakers-from-the-sound";
const SITE = "https://news.example";

/** The test server stands in for PUBLIC_URL (https://news.example): fetch its URLs from the server. */
const local = (url: string) => `${server.url}${new URL(url).pathname}${new URL(url).search}`;

async function unfurl(path: string) {
  const { result, error } = await ogs({ url: `${server.url}${path}` });
  expect(error).toBe(false);
  return result;
}

async function expectImageAsDeclared(image: { url: string; width?: number; height?: number }) {
  expect(image.url.startsWith(`${SITE}/`)).toBe(true);
  const response = await fetch(local(image.url));
  expect(response.status, image.url).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^image\//);
  const size = imageSize(new Uint8Array(await response.arrayBuffer()));
  expect({ width: size.width, height: size.height }).toEqual({
    width: Number(image.width),
    height: Number(image.height),
  });
}

describe("Open Graph, as an unfurler reads it", () => {
  it("reads a story: title, description, image, url, type and site name", async () => {
    const story = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
    const og = await unfurl(`/stories/${WATCH}`);
    expect(og.ogTitle).toBe(story.headline);
    expect(og.ogDescription).toBe(story.deck);
    expect(og.ogUrl).toBe(story.url);
    expect(og.ogType).toBe("article");
    expect(og.ogSiteName).toBe("Dispatch");
    expect(og.ogImage).toHaveLength(1);
    for (const image of og.ogImage ?? []) await expectImageAsDeclared(image);
  });

  it("reads a quote URL: the quote as description, the story's canonical URL", async () => {
    const story = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
    const passages = story.body.filter((b: { type: string }) => b.type === "paragraph" || b.type === "quote");
    const n = passages.findIndex((b: { type: string }) => b.type === "quote") + 1;
    const og = await unfurl(`/stories/${WATCH}?quote=${n}`);
    expect(og.ogDescription).toBe(passages[n - 1].text);
    expect(og.twitterDescription).toBe(passages[n - 1].text);
    expect(og.ogUrl).toBe(story.url);
    expect(og.ogTitle).toBe(story.headline);
  });

  it("reads a video story's video: the MP4, its type and size", async () => {
    const og = await unfurl(`/stories/${WATCH}`);
    const videos = (og.ogVideo ?? []).map((v) => ({ ...v, width: Number(v.width), height: Number(v.height) }));
    expect(videos).toEqual([{ url: `${SITE}/media/ferry-rescue.mp4`, type: "video/mp4", width: 640, height: 360 }]);
    const video = await fetch(local(`${SITE}/media/ferry-rescue.mp4`), { method: "HEAD" });
    expect(video.status).toBe(200);
  });

  it("gives a story without a big lead image its 1200×630 share card", async () => {
    const { items } = await (await fetch(`${server.url}/api/stories?limit=50`)).json();
    const plain = items.find((s: { image?: unknown }) => !s.image);
    const og = await unfurl(`/stories/${plain.slug}`);
    const [card] = og.ogImage ?? [];
    expect({ url: card?.url, width: Number(card?.width), height: Number(card?.height) }).toEqual({
      url: `${SITE}/og/${plain.slug}.png`,
      width: 1200,
      height: 630,
    });
    for (const image of og.ogImage ?? []) await expectImageAsDeclared(image);
  });

  it("announces the oEmbed endpoint and the feed", async () => {
    const html = await (await fetch(`${server.url}/stories/${WATCH}`)).text();
    expect(html).toContain(
      `type="application/json+oembed" href="${SITE}/oembed?url=${encodeURIComponent(`${SITE}/stories/${WATCH}`)}&amp;format=json"`,
    );
    expect(html).toContain(`type="application/rss+xml" title="Dispatch" href="${SITE}/feed.xml"`);
  });
});

describe("GET /oembed", () => {
  const oembed = (query: string) => fetch(`${server.url}/oembed?${query}`);

  it("describes a story URL as an oEmbed link with a thumbnail", async () => {
    const story = await (await fetch(`${server.url}/api/stories/${WATCH}`)).json();
    const response = await oembed(`url=${encodeURIComponent(story.url)}&format=json`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      version: "1.0",
      type: "link",
      title: story.headline,
      author_name: story.authors[0].name,
      provider_name: "Dispatch",
      provider_url: `${SITE}/`,
    });
    await expectImageAsDeclared({
      url: body.thumbnail_url,
      width: body.thumbnail_width,
      height: body.thumbnail_height,
    });
  });

  it.each([
    ["no url", "format=json", 400],
    ["a URL of another site", `url=${encodeURIComponent(`https://elsewhere.example/stories/${WATCH}`)}`, 404],
    ["a page that is not a story", `url=${encodeURIComponent(`${SITE}/sections/city`)}`, 404],
    ["a story that does not exist", `url=${encodeURIComponent(`${SITE}/stories/nope`)}`, 404],
    ["not a URL", "url=%3Cscript%3E", 404],
    ["format=xml", `url=${encodeURIComponent(`${SITE}/stories/${WATCH}`)}&format=xml`, 501],
  ])("answers %s with %i and an error body", async (_case, query, status) => {
    const response = await oembed(query);
    expect(response.status).toBe(status);
    expect((await response.json()).error.message).toEqual(expect.any(String));
  });
});
