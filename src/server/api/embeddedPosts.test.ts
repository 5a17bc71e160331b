// A story with a post from another platform (block "embed", docs/decisions/045), published over
// the API and read back as readers, feed readers and search read it, on each engine's store: the
// post's words, who posted it, when and a link to it everywhere; nothing loaded from the platform.
import { parseFeed } from "@rowanmanning/feed-parser";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storySchema } from "../../model/story";
import { testEngines } from "../../store/testDatabases";
import { apiRequest, storyDraft, TEST_TOKEN } from "../../test/publishing";
import { startTestServer, type TestServer } from "../testServer";

const POST_URL = "https://mastodon.social/@harbourcouncil/113600000000000000";
const post = {
  type: "embed",
  url: POST_URL,
  provider: "mastodon",
  text: "Pier 3 reopens to foot passengers at 06:00 tomorrow.\nCyclists use pier 4.",
  author: "Harbour Council (@harbourcouncil)",
  date: "2026-12-06T18:05:00Z",
};

describe.each(testEngines)("an embedded post on %s", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: TEST_TOKEN, engine });
  });
  afterAll(() => server.close());

  const put = (slug: string, body: unknown) => apiRequest(server.url, "PUT", `/api/stories/${slug}`, body);

  it("is published, and its page, JSON, feed and search carry its words and link, with no script or frame", async () => {
    const draft = storyDraft({
      headline: "Pier 3 reopens to foot passengers",
      body: [{ type: "paragraph", text: "The council announced it on Sunday evening." }, post],
    });
    expect((await put("pier-3-reopens", draft)).status).toBe(201);

    const story = storySchema.parse(await (await fetch(`${server.url}/api/stories/pier-3-reopens`)).json());
    expect(story.body[1]).toEqual(post);

    const html = await (await fetch(`${server.url}/stories/pier-3-reopens`)).text();
    const { document } = new JSDOM(html).window;
    const figure = document.querySelector("article blockquote")?.closest("figure");
    expect(figure?.querySelector("blockquote")?.textContent).toBe(post.text);
    expect(figure?.querySelector("blockquote")?.getAttribute("cite")).toBe(POST_URL);
    expect(figure?.textContent).toContain("Post on Mastodon");
    expect(figure?.querySelector("figcaption")?.textContent).toBe(
      "Harbour Council (@harbourcouncil), 6 Dec 2026, 18:05\u00a0UTC View on Mastodon",
    );
    expect(figure?.querySelector(`a[href="${POST_URL}"]`)?.textContent).toBe("View on Mastodon");
    // Nothing of the platform's: no frame, and no script, style or picture from anywhere but the site.
    expect(document.querySelector("iframe, object, embed")).toBeNull();
    for (const element of document.querySelectorAll("script[src], link[href], img[src], source[src]")) {
      const address = element.getAttribute("src") ?? element.getAttribute("href") ?? "";
      if (element.tagName === "LINK" && element.getAttribute("rel") !== "stylesheet") continue;
      expect(address, element.outerHTML).toMatch(/^\/(?!\/)/);
    }
    expect(html).not.toContain("mastodon.social/embed");

    const feed = parseFeed(await (await fetch(`${server.url}/feed.xml`)).text());
    const item = feed.items.find((entry) => entry.url === story.url);
    const content = new JSDOM(item?.content ?? "").window.document;
    expect(content.querySelector("blockquote")?.textContent).toBe(post.text);
    expect(content.querySelector("figcaption")?.textContent).toBe(
      "Harbour Council (@harbourcouncil), 6 Dec 2026, 18:05\u00a0UTC View on Mastodon",
    );
    expect(content.querySelector(`a[href="${POST_URL}"]`)?.textContent).toBe("View on Mastodon");
    expect(content.querySelector("script, iframe")).toBeNull();

    const found = await (await fetch(`${server.url}/api/search?q=cyclists`)).json();
    expect(found.items.map((item: { slug: string }) => item.slug)).toContain("pier-3-reopens");
  });

  it("is a live entry's words in its JSON-LD articleBody, as plain text", async () => {
    expect((await put("pier-live", storyDraft({ headline: "Pier 3: live", live: true }))).status).toBe(201);
    const entry = { ...post, runs: [{ text: "Pier 3", marks: ["strong"] }, { text: post.text.slice(6) }] };
    const posted = await apiRequest(server.url, "POST", "/api/stories/pier-live/entries", { body: [entry] });
    expect(posted.status).toBe(201);
    const html = await (await fetch(`${server.url}/stories/pier-live`)).text();
    const { document } = new JSDOM(html).window;
    const postings = [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) =>
      JSON.parse(script.textContent ?? ""),
    );
    const updates = postings.find((data) => data["@type"] === "LiveBlogPosting")?.liveBlogUpdate;
    expect(updates?.[0]).toMatchObject({
      headline: post.text,
      articleBody: post.text,
    });
    expect(document.querySelector(`article a[href="${POST_URL}"]`)?.textContent).toBe("View on Mastodon");
  });

  it.each([
    ["a javascript: address", { url: "javascript:alert(1)" }, "must start https://"],
    [
      "an address on no platform Dispatch knows",
      { url: "https://evil.example/@a/1" },
      "evil.example is not a platform",
    ],
    ["a provider that is not the address's", { provider: "x" }, 'provider must be "mastodon"'],
    ["words far too long", { text: "a".repeat(5_001) }, "5000"],
  ])("refuses %s with a 400 that says why, and writes nothing", async (_case, change, message) => {
    const before = await server.store.countStories();
    const response = await put("bad-embed", storyDraft({ body: [{ ...post, ...change }] }));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_story");
    expect(error.message).toContain(message);
    expect(await server.store.countStories()).toBe(before);
  });
});
