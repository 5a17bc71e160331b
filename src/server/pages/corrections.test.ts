// Corrections as readers and other programs find them on the real server's pages: a labelled,
// dated section closing the story's body wherever the block stands, the "Updated" line and
// dateModified at its date, and schema.org's `correction` in the JSON-LD an unfurler parses.
import { JSDOM } from "jsdom";
import ogs from "open-graph-scraper";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Story } from "../../model/story";
import { newsArticleProblems } from "../../test/googleStructuredData";
import { startTestServer, type TestServer } from "../testServer";

const TOKEN = "test-admin-token-0123456789abcdef0123456789";
const DEMO = "tidal-turbine-beats-first-month-target";
const CONTENT = "http://purl.org/rss/1.0/modules/content/";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ adminToken: TOKEN });
});
afterAll(() => server.close());

const page = async (slug: string) => {
  const response = await fetch(`${server.url}/stories/${slug}`);
  expect(response.status).toBe(200);
  return new JSDOM(await response.text()).window.document;
};
const newsArticle = async (slug: string) => {
  const { result, error } = await ogs({ url: `${server.url}/stories/${slug}` });
  expect(error).toBe(false);
  const articles = ((result.jsonLD ?? []) as Record<string, unknown>[]).filter((d) => d["@type"] === "NewsArticle");
  expect(articles).toHaveLength(1);
  return articles[0] as Record<string, unknown>;
};
const squash = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

describe("a story with a correction", () => {
  it("closes its body with a labelled, dated correction, readable without JavaScript", async () => {
    const story: Story = await (await fetch(`${server.url}/api/stories/${DEMO}`)).json();
    const correction = story.body.find((block) => block.type === "correction");
    if (correction?.type !== "correction") throw new Error(`${DEMO} has no correction`);
    const document = await page(DEMO);
    const section = document.querySelector('article section[aria-labelledby="correction"]');
    expect(section).toBeTruthy();
    expect(document.getElementById("correction")?.tagName).toBe("H2");
    expect(document.getElementById("correction")?.textContent).toBe("Correction");
    // The last thing in the story's body: after its last paragraph, nothing after it.
    const paragraphs = [...document.querySelectorAll("article p[id^='p-']")];
    expect(paragraphs.at(-1)?.compareDocumentPosition(section as Node)).toBe(4); // DOCUMENT_POSITION_FOLLOWING
    expect(section?.nextElementSibling).toBeNull();
    expect(section?.querySelector("time")?.getAttribute("datetime")).toBe(correction.date);
    expect(squash(section?.querySelector("p")?.textContent)).toBe(`14 Nov 2026, 09:30 UTC: ${correction.text}`);
    // The "Updated" line says when it was corrected.
    expect(story.updatedAt).toBe(correction.date);
    expect(squash(document.querySelector("article header")?.textContent)).toContain("Updated 14 Nov 2026, 09:30 UTC");
  });

  it("gives its NewsArticle a CorrectionComment and a dateModified no earlier than it", async () => {
    const article = await newsArticle(DEMO);
    expect(article.correction).toEqual({
      "@type": "CorrectionComment",
      text: "An earlier version of this story said the turbine sits in 40 metres of water. It sits in 30 metres.",
      datePublished: "2026-11-14T09:30:00.000Z",
    });
    expect(article.dateModified).toBe("2026-11-14T09:30:00.000Z");
    expect(newsArticleProblems(article)).toEqual([]);
  });

  it("lists several corrections oldest first at the end, whatever their place among the blocks", async () => {
    const later = { type: "correction", date: "2026-11-26T08:00:00.000Z", text: "The pier was misnamed." };
    const earlier = { type: "correction", date: "2026-11-25T18:00:00.000Z", text: "The crossing takes 40 minutes." };
    const response = await fetch(`${server.url}/api/stories/crossing-times`, {
      method: "PUT",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({
        headline: "Crossing times change for the winter",
        section: "city",
        authors: [{ slug: "ana-ferreira", name: "Ana Ferreira" }],
        tags: [],
        publishedAt: "2026-11-25T06:00:00.000Z",
        updatedAt: "2026-11-26T08:00:00.000Z",
        body: [
          { type: "paragraph", text: "The first boat leaves at six." },
          later,
          { type: "paragraph", text: "The last boat leaves at midnight." },
          earlier,
        ],
      }),
    });
    expect(response.status).toBe(201);
    const document = await page("crossing-times");
    const sections = document.querySelectorAll("article section[aria-labelledby='correction']");
    expect(sections).toHaveLength(1);
    const section = sections[0];
    expect(document.getElementById("correction")?.textContent).toBe("Corrections");
    expect([...(section?.querySelectorAll("p") ?? [])].map((p) => squash(p.textContent))).toEqual([
      `25 Nov 2026, 18:00 UTC: ${earlier.text}`,
      `26 Nov 2026, 08:00 UTC: ${later.text}`,
    ]);
    expect(section?.previousElementSibling?.textContent).toBe("The last boat leaves at midnight.");
    expect((await newsArticle("crossing-times")).correction).toEqual([
      { "@type": "CorrectionComment", text: earlier.text, datePublished: earlier.date },
      { "@type": "CorrectionComment", text: later.text, datePublished: later.date },
    ]);

    // The feed carries them at the story's end too.
    const feed = new JSDOM(await (await fetch(`${server.url}/feed.xml`)).text(), { contentType: "text/xml" }).window
      .document;
    const item = [...feed.getElementsByTagName("item")].find((i) =>
      i.getElementsByTagName("link")[0]?.textContent?.endsWith("/stories/crossing-times"),
    );
    const encoded = item?.getElementsByTagNameNS(CONTENT, "encoded")[0]?.textContent ?? "";
    const content = new JSDOM(encoded).window.document.body;
    const end = content.lastElementChild;
    expect(end?.tagName).toBe("SECTION");
    expect(end?.querySelector("h2")?.textContent).toBe("Corrections");
    expect([...(end?.querySelectorAll("p") ?? [])].map((p) => squash(p.textContent))).toEqual([
      `25 Nov 2026, 18:00 UTC: ${earlier.text}`,
      `26 Nov 2026, 08:00 UTC: ${later.text}`,
    ]);
    expect(end?.querySelector("time")?.getAttribute("datetime")).toBe(earlier.date);
  });
});
