// The pseudo-locale test: the real server renders every kind of page with the pseudo catalogue
// ("en-XA": each message accented and set between ⟦ ⟧), over stories whose every word is set
// between « », and no text a reader sees or hears (text, title, aria-label, alt, the head's title
// and description) may be anything else. A word written in code rather than taken from the
// catalogue fails it, naming the page and the text.
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../server/testServer";
import { readSiteConfig, type SiteConfig } from "../site/siteConfig";
import { publisher, storyDraft, TEST_TOKEN } from "../test/publishing";
import { PSEUDO_CLOSE, PSEUDO_OPEN } from "./pseudo";

/** Story data, as the store gives it back: recognisable, and not the catalogue's to translate. */
const data = (text: string) => `«${text}»`;

/**
 * The demo's site in the pseudo-locale: what its config says in its own words (its tagline and
 * description) is the site's, like a story's words, not the catalogue's to translate.
 */
const demo = readSiteConfig(join(import.meta.dirname, "../../content/site.yaml"));
const site: SiteConfig = {
  ...demo,
  language: "en-XA",
  tagline: data(demo.tagline),
  description: data(demo.description),
};

/**
 * Names that are not words to translate: the site's own (the site's config gives it) and the
 * platforms a story is shared to, which keep their names in every language.
 */
const NAMES = new Set([site.name, "X", "Facebook", "LinkedIn", "WhatsApp", "Bluesky"]);

/** The words Intl joins a list with in the site's locale (" and "): the locale's, like its dates. */
const LIST_WORDS = new Set(
  new Intl.ListFormat("en-GB", { type: "conjunction" })
    .formatToParts(["a", "b", "c"])
    .filter((part) => part.type === "literal")
    .map((part) => part.value),
);

/** Text with no letters: separators (" · ", ":"), brackets, digits. */
const NO_WORDS = /^[\s\p{P}\p{S}\p{N}]*$/u;

const fromCatalogueOrStory = (text: string) =>
  NO_WORDS.test(text) ||
  text.includes(PSEUDO_OPEN) ||
  text.includes(PSEUDO_CLOSE) ||
  text.includes("«") ||
  text.includes("»") ||
  NAMES.has(text.trim()) ||
  LIST_WORDS.has(text);

/** Every text a reader meets on the page that is neither the catalogue's nor a story's. */
function strayWords(html: string): string[] {
  const { document, NodeFilter } = new JSDOM(html).window;
  const stray: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    // Times are Intl's, in the site's locale (the date test checks them); marked words are the
    // reader's own query, found in a story; scripts are not read.
    if (parent?.closest("time, mark, script, style")) continue;
    const text = node.textContent ?? "";
    if (!fromCatalogueOrStory(text)) stray.push(`text ${JSON.stringify(text)} in <${parent?.localName}>`);
  }
  for (const element of document.querySelectorAll("[aria-label], [title], [alt], [aria-valuetext], [placeholder]"))
    for (const name of ["aria-label", "title", "alt", "aria-valuetext", "placeholder"]) {
      const value = element.getAttribute(name);
      if (value && !fromCatalogueOrStory(value))
        stray.push(`${name}=${JSON.stringify(value)} on <${element.localName}>`);
    }
  const title = document.title.replace(` | ${site.name}`, "").replace(` · ${site.name}`, "");
  if (!fromCatalogueOrStory(title)) stray.push(`<title> ${JSON.stringify(document.title)}`);
  const description = document.querySelector('meta[name="description"]')?.getAttribute("content");
  if (description && !fromCatalogueOrStory(description)) stray.push(`description ${JSON.stringify(description)}`);
  return stray;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    demo: false,
    adminToken: TEST_TOKEN,
    site,
  });
  await server.store.saveSections([{ slug: "city", name: data("City") }]);
  const publish = publisher(server.url);
  const story = (slug: string, overrides: Record<string, unknown>) =>
    publish.put(slug, {
      ...storyDraft({
        headline: data(`Headline of ${slug}`),
        deck: data("A deck"),
        kicker: data("Kicker"),
        authors: [
          { slug: "ana", name: data("Ana") },
          { slug: "ben", name: data("Ben") },
        ],
        tags: [{ slug: "harbour", name: data("Harbour") }],
        body: [{ type: "paragraph", text: data("A paragraph about the harbour") }],
        ...overrides,
      }),
    });
  for (const answer of [
    await story("older", {}),
    await story("whole", {
      updatedAt: "2026-11-25T09:30:00.000Z",
      body: [
        { type: "paragraph", text: data("The harbour opens at dawn") },
        { type: "quote", text: data("We waited all night"), cite: data("A sailor") },
        { type: "related", slug: "older", headline: data("Headline of older") },
        { type: "video", title: data("The harbour at dawn"), sources: [{ src: "abcdefghijk", type: "video/youtube" }] },
        { type: "video", title: data("A lost video"), sources: [] },
        { type: "correction", date: "2026-11-25T09:30:00.000Z", text: data("An earlier version misnamed the pier") },
      ],
    }),
  ])
    expect(answer.status, await answer.text()).toBeLessThan(300);
});
afterAll(() => server.close());

const page = async (path: string) => {
  const answer = await fetch(`${server.url}${path}`);
  return { status: answer.status, html: await answer.text() };
};

describe("every word on every page comes from the catalogue (pseudo-locale)", () => {
  it.each([
    ["the front page", "/", 200],
    ["a story", "/stories/whole", 200],
    ["a section", "/sections/city", 200],
    ["a tag", "/tags/harbour", 200],
    ["an author", "/authors/ana", 200],
    ["the search page", "/search", 200],
    ["search results", `/search?q=${encodeURIComponent("harbour")}`, 200],
    ["a search finding nothing", "/search?q=zzzz", 200],
    ["the saved page", "/saved", 200],
    ["the app's 404 page", "/stories/no-such-story", 404],
    ["the server's error page", "/stories/%E0%A4%A", 400],
    ["the offline page", "/offline.html", 200],
  ])("%s (%s)", async (_name, path, status) => {
    const answer = await page(path);
    expect(answer.status).toBe(status);
    expect(answer.html).toContain(PSEUDO_OPEN);
    expect(strayWords(answer.html)).toEqual([]);
  });

  it("finds a word written in code (the check can fail)", () => {
    expect(
      strayWords(`<body><p>${PSEUDO_OPEN}Śáýé${PSEUDO_CLOSE}</p><button aria-label="Close">×</button></body>`),
    ).toEqual(['aria-label="Close" on <button>']);
    expect(strayWords("<body><p>Read more</p></body>")).toEqual(['text "Read more" in <p>']);
  });

  it("counts in the site's plural forms and fills in story data", async () => {
    const { html } = await page("/stories/whole");
    const { document } = new JSDOM(html).window;
    expect(document.querySelector("#correction")?.textContent).toBe(`${PSEUDO_OPEN}Çórréçtíóñ${PSEUDO_CLOSE}`);
    expect(document.body.textContent).toContain(
      `${PSEUDO_OPEN}Pláý vídéó: ${data("The harbour at dawn")}${PSEUDO_CLOSE}`,
    );
  });
});
