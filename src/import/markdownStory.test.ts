import { describe, expect, it } from "vitest";
import { openStore } from "../store/openStore";
import { createTestDatabase, testEngines } from "../store/testDatabases";
import { parseMarkdownStory, StoryFormatError } from "./markdownStory";

const sizes = (src: string) => (src.startsWith("/media/") ? { width: 1200, height: 675 } : undefined);

const story = `---
kicker: WATCH
headline: Night ferry returns to the winter timetable
deck: The last crossing leaves at 23:40 again from Monday.
section: city
authors: [Ana Ferreira, Joe Bloggs-Smith]
tags: [Transport, Harbour Life]
publishedAt: 2026-11-20T07:45:00Z
image:
  src: /media/ferry.jpg
  alt: A ferry at night
video:
  title: The last crossing
  poster: /media/ferry-poster.jpg
  sources:
    - { src: /media/ferry.mp4, type: video/mp4 }
  captions:
    - { src: /media/ferry.en.vtt, srclang: en, label: English }
  durationS: 8
---
The first paragraph
runs over two lines.

> “We missed the late boat more than anything.”
> — A regular passenger

## What changes

![Timetable board at the pier](/media/board.jpg "The new board")

[Harbour wall vote set for Friday](/stories/harbour-wall-vote)

::video

The closing paragraph.
`;

describe("parseMarkdownStory", () => {
  it("maps front matter and every kind of body block onto the story model", () => {
    const parsed = parseMarkdownStory(story, sizes);
    expect(parsed).toMatchObject({
      slug: "night-ferry-returns-to-the-winter-timetable",
      kicker: "WATCH",
      headline: "Night ferry returns to the winter timetable",
      deck: "The last crossing leaves at 23:40 again from Monday.",
      section: "city",
      authors: [
        { slug: "ana-ferreira", name: "Ana Ferreira" },
        { slug: "joe-bloggs-smith", name: "Joe Bloggs-Smith" },
      ],
      tags: [
        { slug: "transport", name: "Transport" },
        { slug: "harbour-life", name: "Harbour Life" },
      ],
      publishedAt: "2026-11-20T07:45:00.000Z",
      updatedAt: "2026-11-20T07:45:00.000Z",
      image: { src: "/media/ferry.jpg", alt: "A ferry at night", width: 1200, height: 675 },
    });
    expect(parsed.body.map((b) => b.type)).toEqual([
      "paragraph",
      "quote",
      "heading",
      "image",
      "related",
      "video",
      "paragraph",
    ]);
    expect(parsed.body[0]).toEqual({ type: "paragraph", text: "The first paragraph runs over two lines." });
    expect(parsed.body[1]).toEqual({
      type: "quote",
      text: "“We missed the late boat more than anything.”",
      cite: "A regular passenger",
    });
    expect(parsed.body[3]).toEqual({
      type: "image",
      src: "/media/board.jpg",
      alt: "Timetable board at the pier",
      caption: "The new board",
      width: 1200,
      height: 675,
    });
    expect(parsed.body[4]).toEqual({
      type: "related",
      slug: "harbour-wall-vote",
      headline: "Harbour wall vote set for Friday",
    });
    expect(parsed.body[5]).toMatchObject({ type: "video", title: "The last crossing", durationS: 8 });
  });

  it("puts a video with no ::video marker at the end", () => {
    const parsed = parseMarkdownStory(story.replace("::video\n\n", ""), sizes);
    expect(parsed.body.at(-1)?.type).toBe("video");
  });

  it("reads corrections from the front matter: at the body's end, updatedAt no earlier than the latest", () => {
    const corrected = story.replace(
      "durationS: 8\n",
      `durationS: 8
corrections:
  - date: 2026-11-21T10:00:00Z
    text: An earlier version gave the last crossing as 23:15.
  - { date: "2026-11-20T12:00:00+01:00", text: The ferry's name was misspelt. }
`,
    );
    const parsed = parseMarkdownStory(corrected, sizes);
    expect(parsed.body.slice(-2)).toEqual([
      {
        type: "correction",
        date: "2026-11-21T10:00:00.000Z",
        text: "An earlier version gave the last crossing as 23:15.",
      },
      { type: "correction", date: "2026-11-20T11:00:00.000Z", text: "The ferry's name was misspelt." },
    ]);
    expect(parsed.updatedAt).toBe("2026-11-21T10:00:00.000Z");
    // An updatedAt given is kept, and one before a correction is refused by name.
    expect(
      parseMarkdownStory(corrected.replace("durationS: 8\n", "durationS: 8\nupdatedAt: 2026-11-22T08:00:00Z\n"), sizes)
        .updatedAt,
    ).toBe("2026-11-22T08:00:00.000Z");
    expect(() =>
      parseMarkdownStory(corrected.replace("durationS: 8\n", "durationS: 8\nupdatedAt: 2026-11-21T09:00:00Z\n"), sizes),
    ).toThrow(/latest correction's date[\s\S]*updatedAt/);
  });

  it("takes an author's or a tag's slug when given with its name, and writes one for a name in another script", () => {
    const arabic = story
      .replace(
        "authors: [Ana Ferreira, Joe Bloggs-Smith]",
        "authors: [{ name: سلمى الحداد, slug: salma-al-haddad }, Ana Ferreira]",
      )
      .replace("tags: [Transport, Harbour Life]", "tags: [{ name: الميناء, slug: harbour }]");
    expect(parseMarkdownStory(arabic, sizes)).toMatchObject({
      authors: [
        { slug: "salma-al-haddad", name: "سلمى الحداد" },
        { slug: "ana-ferreira", name: "Ana Ferreira" },
      ],
      tags: [{ slug: "harbour", name: "الميناء" }],
    });
    // A name alone is written in Latin letters for its slug; one with no letters at all is refused, saying which.
    expect(parseMarkdownStory(arabic.replace("[{ name: الميناء, slug: harbour }]", "[الميناء]"), sizes).tags).toEqual([
      { slug: "almynae", name: "الميناء" },
    ]);
    expect(() => parseMarkdownStory(arabic.replace("[{ name: الميناء, slug: harbour }]", "[「」]"), sizes)).toThrow(
      /tags/,
    );
  });

  it.each([
    ["no front matter", "Just text"],
    ["a correction with no date", story.replace("durationS: 8\n", "durationS: 8\ncorrections: [{ text: A fix. }]\n")],
    [
      "a correction dated nonsense",
      story.replace("durationS: 8\n", "durationS: 8\ncorrections: [{ date: soon, text: A fix. }]\n"),
    ],
    ["no headline", story.replace(/^headline: .*$/m, "")],
    ["an unknown section shape", story.replace("section: city", "section: City Desk")],
    ["an image whose size cannot be told", story.replace("/media/board.jpg", "/elsewhere/board.jpg")],
    ["a video marker without a video", story.replace(/^video:[\s\S]*?durationS: 8\n/m, "")],
    ["a script URL", story.replace("/media/board.jpg", "javascript:alert(1)")],
    [
      "a tag's slug that is no slug",
      story.replace("[Transport, Harbour Life]", "[{ name: Transport, slug: Trans Port }]"),
    ],
  ])("refuses a story with %s, saying why", (_case, source) => {
    expect(() => parseMarkdownStory(source, sizes)).toThrow(StoryFormatError);
  });
});

describe("links and emphasis in the Markdown importer", () => {
  const marked = `---
headline: Harbour wall report leaked
section: city
publishedAt: 2026-11-27T07:00:00Z
---
The [council's report](https://council.example/walls?year=2026), *Harbour Walls*, calls the plan
**a risk** and links [the *earlier* story](/stories/harbour-wall-vote); \\*not emphasis\\* &amp; \`<b>code</b>\`.

> We will *never* build **that** wall.
> — The harbour master

[Harbour wall vote set for Friday](/stories/harbour-wall-vote)

A plain paragraph stays plain.
`;

  it("keeps links, emphasis and strong as runs, and the plain text beside them", () => {
    const [paragraph, quote, related, plain] = parseMarkdownStory(marked).body;
    expect(paragraph).toEqual({
      type: "paragraph",
      text: "The council's report, Harbour Walls, calls the plan a risk and links the earlier story; *not emphasis* & <b>code</b>.",
      runs: [
        { text: "The " },
        { text: "council's report", href: "https://council.example/walls?year=2026" },
        { text: ", " },
        { text: "Harbour Walls", marks: ["em"] },
        { text: ", calls the plan " },
        { text: "a risk", marks: ["strong"] },
        { text: " and links " },
        { text: "the ", href: "/stories/harbour-wall-vote" },
        { text: "earlier", marks: ["em"], href: "/stories/harbour-wall-vote" },
        { text: " story", href: "/stories/harbour-wall-vote" },
        { text: "; *not emphasis* & <b>code</b>." },
      ],
    });
    expect(quote).toEqual({
      type: "quote",
      text: "We will never build that wall.",
      runs: [
        { text: "We will " },
        { text: "never", marks: ["em"] },
        { text: " build " },
        { text: "that", marks: ["strong"] },
        { text: " wall." },
      ],
      cite: "The harbour master",
    });
    // A paragraph that is one story link is still a related headline; a plain one has no runs.
    expect(related).toEqual({
      type: "related",
      slug: "harbour-wall-vote",
      headline: "Harbour wall vote set for Friday",
    });
    expect(plain).toEqual({ type: "paragraph", text: "A plain paragraph stays plain." });
  });

  it("refuses a link the story model refuses, naming it", () => {
    expect(() =>
      parseMarkdownStory(marked.replace("https://council.example/walls?year=2026", "javascript:alert(1)")),
    ).toThrow(/an http\(s\) URL, or a story of this site[\s\S]*body\[0\]\.runs\[1\]\.href/);
  });

  it.each(testEngines)("round-trips through the store on %s: stored and read back as parsed", async (engine) => {
    const database = await createTestDatabase(engine);
    const store = await openStore(database.url);
    try {
      const parsed = parseMarkdownStory(marked);
      await store.saveSections([{ slug: "city", name: "City" }]);
      await store.saveStories([parsed]);
      const stored = await store.getStory(parsed.slug);
      // The passages whole; the related headline loses its slug, its story not being in the store.
      expect(stored?.body.slice(0, 2)).toEqual(parsed.body.slice(0, 2));
      expect(stored?.body[3]).toEqual(parsed.body[3]);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
