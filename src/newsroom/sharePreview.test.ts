// The editor's previews of a share card and a search result: what they say (the page's own head,
// src/head/storyHead.ts), and where they cut, as the writer sees them before saving.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { storyHead } from "../head/storyHead";
import type { Story } from "../model/story";
import { browserSite, readSiteConfig } from "../site/siteConfig";
import { CUT_AFTER, cutText, type PreviewedStory, sharePreview } from "./sharePreview";

const site = browserSite(readSiteConfig(join(import.meta.dirname, "../test/site/faro.yaml")), "https://faro.example");

const draft = (overrides: Partial<PreviewedStory> = {}): PreviewedStory => ({
  slug: "harbour-buses",
  headline: "Night buses return to the harbour line",
  deck: "The service stopped in March; it runs again from Friday.",
  body: [{ type: "paragraph", text: "The night buses run again from Friday, every twenty minutes." }],
  ...overrides,
});

/** What the story's page would carry in its head, for the same story. */
function pageSays(story: PreviewedStory) {
  const full = {
    ...story,
    url: `https://faro.example/stories/${story.slug}`,
    authors: [],
    tags: [],
  } as unknown as Story;
  const head = storyHead({ ...full, section: { slug: "city", name: "City" } } as Story, site);
  const tag = (id: string) => head.tags.find((t) => t.attrs.property === id || t.attrs.name === id)?.attrs.content;
  return { title: head.title, description: tag("description"), ogTitle: tag("og:title"), image: tag("og:image") };
}

describe("the editor's share card and search result", () => {
  it("say what the story's page will say: its title, its deck, the site's name and the share card", () => {
    const preview = sharePreview(draft(), site);
    const page = pageSays(draft());
    expect(preview.card).toEqual({
      siteName: site.name,
      title: { kept: page.ogTitle, rest: "", max: CUT_AFTER.cardTitle },
      description: { kept: page.description, rest: "", max: CUT_AFTER.cardDescription },
      image: { src: page.image, alt: "Night buses return to the harbour line" },
    });
    expect(preview.search.title.kept).toBe(page.title);
    expect(preview.search.title.kept).toBe(`Night buses return to the harbour line | ${site.name}`);
    expect(preview.search.description.kept).toBe("The service stopped in March; it runs again from Friday.");
    expect(preview.search.url).toBe("https://faro.example/stories/harbour-buses");
  });

  it("fall back to the first paragraph without a deck, and to the headline without either", () => {
    const { deck: _deck, ...noDeck } = draft();
    expect(sharePreview(noDeck, site).card.description.kept).toBe(
      "The night buses run again from Friday, every twenty minutes.",
    );
    const bare = { ...noDeck, body: [{ type: "heading" as const, text: "Times" }] };
    expect(sharePreview(bare, site).search.description.kept).toBe("Night buses return to the harbour line");
  });

  it("show a site picture's share crop, with its alt text", () => {
    const image = {
      src: "/media/abc/bus.jpg",
      alt: "A night bus at the quay",
      width: 2400,
      height: 1600,
      version: "0123456789abcdef",
    };
    const preview = sharePreview(draft({ image } as Partial<PreviewedStory>), site);
    expect(preview.card.image.alt).toBe("A night bus at the quay");
    expect(preview.card.image.src).toBe(pageSays(draft({ image } as Partial<PreviewedStory>)).image);
    expect(preview.card.image.src).not.toContain("/og/harbour-buses.png");
  });

  it("cut an over-long title and description where a search engine would, at a space, marking the rest", () => {
    const headline = "Night buses return to the harbour line after a long winter of roadworks on the quay";
    const long = sharePreview(draft({ headline, deck: "word ".repeat(60).trim() }), site);
    const title = long.search.title;
    expect([...title.kept].length).toBeLessThan(CUT_AFTER.searchTitle);
    expect(title.kept + title.rest).toBe(`${headline} | ${site.name}`);
    expect(title.kept.endsWith(" ")).toBe(false);
    expect(title.rest.startsWith(" ")).toBe(true);
    expect(long.search.description.kept).toMatch(/^(word )+word$/);
    expect([...long.search.description.kept].length).toBeLessThan(CUT_AFTER.searchDescription);
    // A card shows more of the same title than a search result does.
    expect(long.card.title.kept.length).toBeGreaterThan(title.kept.length);
  });

  it("cut text without spaces between characters, and count characters, not code units", () => {
    const japanese = "夜行バスが港線に戻る".repeat(10);
    const cut = cutText(japanese, 60);
    expect([...cut.kept]).toHaveLength(59);
    expect(cut.kept + cut.rest).toBe(japanese);
    expect(cutText("🚌".repeat(60), 60)).toEqual({ kept: "🚌".repeat(60), rest: "", max: 60 });
  });
});
