import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Block, blockSchema, type VideoBlock } from "../../model/story";
import { sharedSampleMissing, sharedSamplePath } from "../../test/sharedSample";
import { generateVariants } from "../corpus/generate";
import { corpusSets, readCorpus } from "./corpus";
import { bylineNames, datelineMoment } from "./credits";
import { EMBED_MARKER, FURNITURE, isAdOrPlayerLine, isLabelAlone, isWireSignOff } from "./cues";
import { headerFinderFor, readerFor } from "./keptReader";
import { sourceLines } from "./sourceLines";
import {
  PlainTextError,
  type PlainTextReading,
  type PlainTextStory,
  parsePlainTextStory,
  readPlainTextStory,
} from "./story";

const fixtureNames = readdirSync(new URL("../fixtures/", import.meta.url)).filter((name) => name.endsWith(".txt"));
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
const parseFixture = (name: string): PlainTextStory => parsePlainTextStory(fixture(name));
const types = (story: PlainTextStory): string[] => story.body.map((block) => block.type);
const ofType = <T extends Block["type"]>(story: PlainTextStory, type: T) =>
  story.body.filter((block): block is Extract<Block, { type: T }> => block.type === type);
const nonBlankLines = (text: string): string[] =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);

describe("parsePlainTextStory: headline and kicker", () => {
  it("takes the first non-blank line as the headline and a prefix kicker apart from it", () => {
    const story = parseFixture("prefix-kicker.txt");
    expect(story.kicker).toBe("VIDEO");
    expect(story.headline).toBe("Port Merrow lighthouse shines again after forty dark years");
  });

  it("takes a suffix kicker after a bar, normalised to upper case", () => {
    const story = parseFixture("suffix-kicker-pipe.txt");
    expect(story).toMatchObject({ kicker: "WATCH", headline: "Harbour seals return to the old quay" });
  });

  it("takes a suffix kicker in parentheses from a headline line with stray spaces", () => {
    const story = parseFixture("suffix-kicker-parens.txt");
    expect(story).toMatchObject({
      kicker: "PHOTOS",
      headline: "Storm Ada leaves a trail of damage along the seafront",
    });
  });

  it.each([
    ["WATCH: Mayor opens the new footbridge", "WATCH", "Mayor opens the new footbridge"],
    ["PHOTOS: Lantern parade fills the old town", "PHOTOS", "Lantern parade fills the old town"],
    ["BREAKING: Fire at the fish market", "BREAKING", "Fire at the fish market"],
    ["LIVE: Election count in Port Merrow", "LIVE", "Election count in Port Merrow"],
    ["EXCLUSIVE: The letter the council did not send", "EXCLUSIVE", "The letter the council did not send"],
    ["ANALYSIS: Why the ferry lost money", "ANALYSIS", "Why the ferry lost money"],
    ["Watch: Mayor opens the new footbridge", "WATCH", "Mayor opens the new footbridge"],
    ["BREAKING NEWS: Fire at the fish market", "BREAKING NEWS", "Fire at the fish market"],
    ["HARBOUR WATCH: Seals on the quay", "HARBOUR WATCH", "Seals on the quay"],
    ["Lantern parade fills the old town [PHOTOS]", "PHOTOS", "Lantern parade fills the old town"],
    ["Mayor opens the new footbridge - VIDEO", "VIDEO", "Mayor opens the new footbridge"],
    ["Mayor opens the new footbridge — Watch", "WATCH", "Mayor opens the new footbridge"],
    ["Mayor opens the new footbridge (Video)", "VIDEO", "Mayor opens the new footbridge"],
    ["Mayor opens the new footbridge | Live Updates", "LIVE UPDATES", "Mayor opens the new footbridge"],
  ])("reads %j as kicker %s", (line, kicker, headline) => {
    expect(parsePlainTextStory(`${line}\n\nA paragraph.`)).toMatchObject({ kicker, headline });
  });

  it.each([
    ["a colon after mixed-case words that are not a known kicker", "Council vote: ferry fares to rise"],
    ["an unknown suffix in parentheses", "Fishing quotas cut again (UK)"],
    ["a hyphen inside a word", "Ferry fares rise for the re-VIDEO"],
    ["a kicker with nothing after it", "WATCH:"],
    ["a suffix with nothing before it", "(VIDEO)"],
  ])("keeps the whole line as the headline for %s", (_case, line) => {
    const story = parsePlainTextStory(`${line}\n\nA paragraph.`);
    expect(story.kicker).toBeUndefined();
    expect(story.headline).toBe(line);
  });

  it.each([
    ["empty text", ""],
    ["only whitespace and line breaks", "  \n\t\r\n \u00a0 \r\n"],
  ])("refuses %s, saying there is no headline", (_case, text) => {
    expect(() => parsePlainTextStory(text)).toThrow(PlainTextError);
    expect(() => parsePlainTextStory(text)).toThrow(/no headline/);
  });

  it("refuses a first line too long to be a headline, saying why", () => {
    expect(() => parsePlainTextStory(`${"word ".repeat(80)}\n\nA paragraph.`)).toThrow(/more than the 300/);
  });
});

describe("parsePlainTextStory: deck", () => {
  it("takes a lone short line right after the headline as the deck", () => {
    expect(parseFixture("prefix-kicker.txt").deck).toBe(
      "Volunteers spent three winters restoring the lamp room on Gull Point.",
    );
  });

  it("takes the line under the headline in the same block as the deck", () => {
    expect(parseFixture("suffix-kicker-parens.txt").deck).toBe(
      "Roofs, railings and a bandstand were lost as winds reached 90 mph overnight.",
    );
  });

  it("takes no deck when the first block runs to several sentences", () => {
    const story = parseFixture("suffix-kicker-pipe.txt");
    expect(story.deck).toBeUndefined();
    expect(story.body[0]).toMatchObject({ type: "paragraph", text: expect.stringMatching(/^A colony of grey seals/) });
  });

  it.each([
    ["longer than 200 characters", `The ${"very ".repeat(45)}long line`],
    ["two lines", "The first line\nand the second line."],
    ["opening with a quote mark", "“We will rebuild,” says the mayor."],
    ["a related label", "READ ALSO: Ferry fares to rise in January"],
    ["a video lead-in", "Watch below."],
  ])("takes no deck when the next block is %s", (_case, block) => {
    expect(parsePlainTextStory(`Headline of the story\n\n${block}\n\nA paragraph.`).deck).toBeUndefined();
  });

  it("keeps an abbreviation inside a one-sentence deck", () => {
    const story = parsePlainTextStory("Headline\n\nDr. Okafor and St. Anne's choir lead the parade.\n\nBody.");
    expect(story.deck).toBe("Dr. Okafor and St. Anne's choir lead the parade.");
  });
});

describe("parsePlainTextStory: credits by where they stand", () => {
  it("takes a line of names above the date line, in any script, as the byline, and not a photographer's", () => {
    const story = parsePlainTextStory(
      [
        "Ҳаво",
        "Қор кўчаларни ёпди, мактаблар бир кун ёпиқ",
        "",
        "Муаллиф: Шаҳноза Каримова",
        "Сурат: Азиз Раҳимов",
        "05.12.2026, 14:30",
        "",
        "Тунги қор кўчаларни ёпиб қўйди ва шаҳар ҳокимияти мактабларни бир кунга ёпишга қарор қилди.",
      ].join("\n"),
      { reader: readerFor("trained") },
    );
    expect(story.authors).toEqual(["Шаҳноза Каримова"]);
    expect(story.publishedAt).toBeDefined();
  });

  it("takes names alone over the date line as the authors, each line a byline", () => {
    const story = parsePlainTextStory(
      [
        "Harbour ferry timetable changes from Monday",
        "",
        "Nomvula Dube",
        "Tinashe Moyo",
        "Saturday 5 December 2026",
        "",
        "The harbour ferry will run every 20 minutes on weekdays from Monday, the port authority said on Friday.",
      ].join("\n"),
      { reader: readerFor("trained") },
    );
    expect(story.authors).toEqual(["Nomvula Dube", "Tinashe Moyo"]);
  });
});

describe("parsePlainTextStory: the text under the credits", () => {
  it("reads a title over one headline, the page's last block, as a box of one related headline", () => {
    const story = parsePlainTextStory(
      [
        "Ferry crews practise a night rescue",
        "",
        "By Ana Ferreira",
        "Saturday 5 December 2026",
        "",
        "Ferry crews practised a night rescue off the harbour wall on Friday, the port authority said.",
        "",
        "Mwy o newyddion",
        "Harbour wall repairs to start in the spring",
      ].join("\n"),
      { header: headerFinderFor() },
    );
    expect(story.body.at(-1)).toEqual({ type: "related", headline: "Harbour wall repairs to start in the spring" });
    // The box's title is dropped as a label is.
    expect(JSON.stringify(story)).not.toContain("Mwy o newyddion");
  });

  it("reads a block of a player's leftovers under the headline as the video, not the deck, whatever the reader", () => {
    const lines = [
      "Watch: ferry crews practise a night rescue",
      "",
      "Video player is loading.",
      "Play Video",
      "0:00 / 2:05",
      "",
      "By Ana Ferreira",
      "Saturday 5 December 2026",
      "",
      "Ferry crews practised a night rescue off the harbour wall on Friday, the port authority said.",
    ];
    for (const reader of [undefined, readerFor("trained")]) {
      const story = parsePlainTextStory(lines.join("\n"), { reader });
      expect(story.deck).toBeUndefined();
      expect(story.body[0]?.type).toBe("video");
    }
  });

  it("reads a line under the headline in its block, the credits right below, as the deck, whatever the reader", () => {
    const lines = [
      "Pont newydd yn agor dros afon Menai",
      "Cyngor yn cymeradwyo cynllun i godi pont i gerddwyr",
      "",
      "Gan Rhodri ap Gwilym",
      "Dydd Mawrth, 8 Rhagfyr 2026, 10:15",
      "",
      "Bydd pont newydd i gerddwyr a beicwyr yn agor dros yr afon y gwanwyn nesaf, meddai'r cyngor ddydd Llun.",
    ];
    for (const reader of [undefined, readerFor("trained")]) {
      const story = parsePlainTextStory(lines.join("\n"), { reader });
      expect(story.deck).toBe(lines[1]);
      expect(story.authors).toEqual(["Rhodri ap Gwilym"]);
    }
  });

  it("reads a sentence right under the date line, with more text below it in its block, as a paragraph, not a deck", () => {
    const lines = [
      "Yangi ko'prik ochildi",
      "",
      "Muallif: Shaxlo Nazarova",
      "05.12.2026, 14:30",
      "",
      "Shahar markazida yangi ko'prik shanba kuni ochildi.",
      "Eski ko'prik endi faqat piyodalar va velosipedchilar uchun qoldiriladi.",
      "Qurilish ishlari o'n bir oy davom etdi va shahar byudjetidan moliyalashtirildi.",
    ];
    for (const reader of [undefined, readerFor("trained")]) {
      const story = parsePlainTextStory(lines.join("\n"), { reader });
      expect(story.deck).toBeUndefined();
      expect(story.body[0]).toEqual({ type: "paragraph", text: lines[5] });
    }
  });
});

describe("parsePlainTextStory: paragraphs and quotes", () => {
  it("joins the lines of a block with one space and keeps the text otherwise", () => {
    expect(parseFixture("prefix-kicker.txt").body).toContainEqual({
      type: "paragraph",
      text: "The original lens turned up in a council storeroom in 2019, wrapped in newspaper from 1983. Engineers from the harbour board cleaned and reseated it by hand.",
    });
  });

  it.each([
    [
      "Armenian's full stop",
      "Գյումրիում նոր այգի է բացվել",
      [
        "Ամռանը այգում կանցկացվեն համերգներ և ցուցահանդեսներ։",
        "Այգու կառուցումը տևել է ութ ամիս և ֆինանսավորվել է համայնքի բյուջեից։",
        "Քաղաքապետարանը շաբաթ օրը բացեց կենտրոնական թաղամասի նոր այգին, որտեղ տնկվել է երեք հարյուր ծառ։",
      ],
    ],
    [
      "Ethiopic's full stop",
      "በከተማዋ አዲስ መናፈሻ ተከፈተ",
      [
        "በበጋ ወቅት በመናፈሻው ኮንሰርቶች ይካሄዳሉ።",
        "የመናፈሻው ግንባታ ስምንት ወራት የፈጀ ሲሆን ወጪውም በከተማዋ በጀትና በልገሳ ተሸፍኗል።",
        "የከተማዋ አስተዳደር በማዕከላዊ ክፍለ ከተማ ሦስት መቶ ዛፎች የተተከሉበትን አዲስ መናፈሻ ቅዳሜ ዕለት ከፍቷል።",
      ],
    ],
  ])("ends a paragraph at %s, a sentence's end Unicode names, as at any full stop", (_, headline, lines) => {
    const story = parsePlainTextStory([headline, "", ...lines].join("\n"));
    // Each sentence a block of its own (the first perhaps the deck), none run together.
    const texts = [story.deck, ...story.body.map((block) => (block.type === "paragraph" ? block.text : ""))];
    expect(texts.filter((text) => text !== undefined && lines.includes(text))).toEqual(lines);
  });

  it("ends a paragraph at a danda, Hindi's full stop, as at any full stop", () => {
    const story = parsePlainTextStory(
      [
        "कोहरे से उत्तरी रेल खंड पर 32 ट्रेनें देरी से चलीं",
        "",
        "घने कोहरे के कारण शनिवार को 32 ट्रेनें देरी से चलीं।",
        "रेलवे के प्रवक्ता ने बताया कि ट्रेनें छह घंटे तक देरी से चल रही हैं।",
        "मौसम विभाग के अनुसार अगले तीन दिन तक मैदानी इलाकों में सुबह घना कोहरा छाया रहेगा।",
      ].join("\n"),
    );
    expect(story.deck).toBe("घने कोहरे के कारण शनिवार को 32 ट्रेनें देरी से चलीं।");
    expect(story.body).toEqual([
      { type: "paragraph", text: "रेलवे के प्रवक्ता ने बताया कि ट्रेनें छह घंटे तक देरी से चल रही हैं।" },
      { type: "paragraph", text: "मौसम विभाग के अनुसार अगले तीन दिन तक मैदानी इलाकों में सुबह घना कोहरा छाया रहेगा।" },
    ]);
  });

  it("reads a short line over its text in a block as a unit of its own in Chinese too, where no space tells a wrap", () => {
    const story = parsePlainTextStory(
      [
        "云澄市迎来今冬首场降雪",
        "",
        "12月6日，受强冷空气影响，云澄市出现今冬首场降雪，市区积雪最深达9厘米。",
        "",
        "中小学明天正常上课",
        "市教育局通知，7日全市中小学、幼儿园正常上课，各校将提前清扫校园道路积雪。",
        "",
        "机场航班逐步恢复",
        "云澄机场完成两条跑道除雪作业，下午4时起航班逐步恢复。全天共取消航班46架次。",
      ].join("\n"),
      { reader: readerFor() },
    );
    // Each title is a unit of its own (what role the reader gives it is its weights'), not run into the text below it.
    expect(story.body).toContainEqual({
      type: "paragraph",
      text: "市教育局通知，7日全市中小学、幼儿园正常上课，各校将提前清扫校园道路积雪。",
    });
    expect(story.body).toContainEqual({
      type: "paragraph",
      text: "云澄机场完成两条跑道除雪作业，下午4时起航班逐步恢复。全天共取消航班46架次。",
    });
  });

  it("reads a block of quoted words alone as a quote, balanced or not, keeping its quote marks", () => {
    const story = parseFixture("quotes.txt");
    expect(ofType(story, "quote").map((quote) => quote.text)).toEqual([
      "“I have worked six days a week for thirty years. My knees have opinions about a seventh.",
    ]);
    expect(ofType(story, "quote").every((quote) => quote.cite === undefined)).toBe(true);
  });

  it("keeps a quotation followed by who said it, a quote inside a sentence, or an elision at its start, as a paragraph", () => {
    const paragraphs = ofType(parseFixture("quotes.txt"), "paragraph").map((paragraph) => paragraph.text);
    expect(paragraphs).toEqual([
      "“Sunday is when the visitors come,” said fishmonger Tomas Reyes.",
      "“Ask anyone who stands on concrete all day and they will tell you the same thing,” added baker Ines Kowal.",
      `"We will put it to a vote of all members in March," the traders' association said in a statement.`,
      "'It is a question of fairness,' one flower seller said.",
      "‘Nobody asked us,’ said another.",
      "Councillor Ade Brennan said the council would “listen to every trader” before deciding.",
      "'90s-era bylaws still govern how many stalls may trade on the square.",
    ]);
  });

  it("splits a paragraph longer than the model allows at a sentence break, losing nothing", () => {
    const sentence = "The harbour board met again on Tuesday to talk about the wall. ";
    const text = sentence.repeat(700).trim();
    const story = parsePlainTextStory(`Headline\n\n${text}`);
    const texts = ofType(story, "paragraph").map((paragraph) => paragraph.text);
    expect(texts.length).toBe(3);
    expect(texts.every((chunk) => chunk.length <= 20_000 && chunk.endsWith("wall."))).toBe(true);
    expect(texts.join(" ")).toBe(text);
  });

  it("splits an overlong paragraph with no sentence break at a space, or anywhere when it has none", () => {
    const words = "harbour ".repeat(3_000).trim();
    expect(
      ofType(parsePlainTextStory(`Headline\n\n${words}`), "paragraph")
        .map((p) => p.text)
        .join(" "),
    ).toBe(words);
    const blob = "x".repeat(45_000);
    const chunks = ofType(parsePlainTextStory(`Headline\n\n${blob}`), "paragraph").map((p) => p.text);
    expect(chunks.map((chunk) => chunk.length)).toEqual([20_000, 20_000, 5_000]);
  });

  it("keeps a quotation longer than a quote may be as paragraphs", () => {
    const long = `“${"We will not move. ".repeat(300).trim()}”`;
    const story = parsePlainTextStory(`Headline\n\n${long}`);
    expect(types(story)).toEqual(["paragraph"]);
  });
});

describe("parsePlainTextStory: related headlines", () => {
  // The importer's reader (the hand weights split such a list too, but read its lines as paragraphs).
  it("reads each line of a list under a title as a headline, in a script without case or opening with ¿", () => {
    const reader = readerFor();
    const page = (title: string, headlines: string[]) =>
      [
        "Ferry fares rise in May",
        "",
        "Fares go up by a tenth from the first of May, the operator said on Monday, citing the cost of fuel.",
        "",
        "The council will discuss the rise at its next meeting in April, when the operator is due to attend.",
        "",
        title,
        ...headlines,
      ].join("\n");
    const related = (text: string) => ofType(parsePlainTextStory(text, { reader }), "related").map((r) => r.headline);
    const japanese = ["霧ヶ谷交通、運転手確保へ初任給を引き上げ", "乗り合いタクシー、隣の北霧町で利用者が倍増"];
    expect(related(page("関連記事", japanese))).toEqual(japanese);
    const spanish = [
      "Mauricio Lares revela el nombre de su primera hija",
      '¿Quién es la nueva conductora de "Despierta Temprano"?',
    ];
    expect(related(page("Te puede interesar", spanish))).toEqual(spanish);
  });

  it("drops every kind of related label and keeps the headline, with no slug", () => {
    const related = ofType(parseFixture("related-labels.txt"), "related");
    expect(related.slice(0, 6)).toEqual([
      { type: "related", headline: "Lower town residents count the cost of the January floods" },
      { type: "related", headline: "Flood reserve explained: where the money comes from" },
      { type: "related", headline: "Engineers say a wall alone will not hold back the sea" },
      { type: "related", headline: "Tide gauges on the north pier to be replaced" },
      { type: "related", headline: "How the harbour wall plan grew from a sketch to a £40m scheme" },
      { type: "related", headline: "Mayor promises an answer on flood insurance by spring" },
    ]);
  });

  it("reads a bare one-line block with no closing punctuation as another story's headline", () => {
    const related = ofType(parseFixture("related-labels.txt"), "related");
    expect(related.slice(6)).toEqual([
      { type: "related", headline: "Residents' group backs the steel and concrete option" },
    ]);
    expect(ofType(parseFixture("prefix-kicker.txt"), "related")).toEqual([
      { type: "related", headline: "Ferry timetable changes announced for the winter season" },
    ]);
  });

  it("keeps credits, fragments and lines inside paragraphs as paragraphs, drops furniture, sets short lines as headings", () => {
    const story = parseFixture("related-labels.txt");
    expect(story.deck).toBe("Councillors will decide whether to pay for the wall from the flood reserve.");
    expect(ofType(story, "paragraph").map((paragraph) => paragraph.text)).toEqual([
      "The vote follows two years of consultation with residents of the lower town.",
      "Three wall designs go on show at the central library A second public meeting is planned for Thursday evening.",
      "Additional reporting by Sam Lee",
      "the meeting may run late if many residents ask to speak",
    ]);
    expect(ofType(story, "heading")).toEqual([{ type: "heading", text: "What happens next" }]);
    const dropped = readPlainTextStory(fixture("related-labels.txt")).readings.filter((r) => r.became === "dropped");
    expect(dropped.map((r) => r.text)).toEqual(["SCROLL DOWN FOR THE FULL TIMETABLE"]);
    expect(ofType(parseFixture("suffix-kicker-parens.txt"), "paragraph").at(-1)).toEqual({
      type: "paragraph",
      text: "Photo: Port Merrow Harbour Board",
    });
  });

  it.each([
    ["ending in a full stop", "Ferry fares rise again in January."],
    ["ending in a colon", "Here is what the council decided:"],
    ["with a web address", "Read the plan at www.portmerrow.example today"],
    ["longer than 160 characters", `Ferry ${"fares ".repeat(19)}rise`],
  ])("keeps a bare line %s as a paragraph", (_case, line) => {
    expect(types(parsePlainTextStory(`Headline\n\nA deck.\n\n${line}`))).toEqual(["paragraph"]);
  });

  it("separates a labelled line from the paragraph lines around it", () => {
    const story = parsePlainTextStory("Headline\n\nA deck.\n\nFirst line.\nSEE ALSO: Ferry fares to rise\nLast line.");
    expect(story.body).toEqual([
      { type: "paragraph", text: "First line." },
      { type: "related", headline: "Ferry fares to rise" },
      { type: "paragraph", text: "Last line." },
    ]);
  });

  it("keeps a labelled line whose headline is too long for a related block as a paragraph", () => {
    const line = `READ MORE: ${"word ".repeat(70).trim()}`;
    expect(parsePlainTextStory(`Headline\n\nA deck.\n\n${line}`).body).toEqual([{ type: "paragraph", text: line }]);
  });
});

describe("parsePlainTextStory: video", () => {
  const headline = "Port Merrow regatta in pictures and video";
  const placeholder = { type: "video", title: headline, sources: [] };

  it("keeps every form of video lead-in as a paragraph followed by a placeholder", () => {
    const story = parseFixture("video-markers.txt");
    const markers = story.body.flatMap((block, index) => {
      const next = story.body[index + 1];
      return next?.type === "video" && block.type === "paragraph" ? [block.text] : [];
    });
    expect(markers).toEqual([
      "Check out the video:",
      "Watch the video below.",
      "Watch below.",
      "WATCH BELOW",
      "Watch the video:",
      "See the video below",
      "Video below:",
    ]);
    expect(ofType(story, "video")).toEqual(Array(7).fill(placeholder));
    expect(story.body.at(-1)).toEqual(placeholder);
  });

  it("puts a known video at the first lead-in, titled with the headline unless it has a title", () => {
    const sources: VideoBlock["sources"] = [{ type: "video/mp4", src: "/media/regatta.mp4" }];
    const text = fixture("video-markers.txt");
    const withVideo = parsePlainTextStory(text, { video: { sources, poster: "/media/regatta.jpg" } });
    expect(withVideo.body[1]).toEqual({ type: "video", title: headline, sources, poster: "/media/regatta.jpg" });
    expect(ofType(withVideo, "video").slice(1)).toEqual(Array(6).fill(placeholder));
    const titled = parsePlainTextStory(text, { video: { title: "The regatta", sources } });
    expect(titled.body[1]).toEqual({ type: "video", title: "The regatta", sources });
  });

  it("puts a known video at the end of a story with no lead-in", () => {
    const sources: VideoBlock["sources"] = [{ type: "video/youtube", src: "abcdefghijk" }];
    const story = parsePlainTextStory("Headline\n\nA deck.\n\nA paragraph.", { video: { sources } });
    expect(story.body.at(-1)).toEqual({ type: "video", title: "Headline", sources });
  });

  it("adds no video to a story with no lead-in and no known video", () => {
    expect(ofType(parseFixture("related-labels.txt"), "video")).toEqual([]);
  });
});

describe("parsePlainTextStory: line endings", () => {
  it("reads CRLF text as it reads LF text", () => {
    const crlf = fixture("crlf.txt");
    expect(crlf).toContain("\r\n");
    const story = parsePlainTextStory(crlf);
    expect(story).toEqual(parsePlainTextStory(crlf.replaceAll("\r\n", "\n")));
    expect(story).toMatchObject({
      kicker: "BREAKING",
      headline: "Ferry terminal closed after power cut",
      deck: "Passengers are advised to check before travelling.",
    });
    expect(types(story)).toEqual(["paragraph", "related", "paragraph", "paragraph", "video"]);
    expect(story.body[0]).toEqual({
      type: "paragraph",
      text: "The terminal lost power at 6am when a substation flooded in the overnight rain.",
    });
  });

  it("reads every fixture the same with LF, CRLF or CR line endings", () => {
    for (const name of ["prefix-kicker.txt", "quotes.txt", "related-labels.txt", "video-markers.txt"]) {
      const text = fixture(name);
      expect(parsePlainTextStory(text.replaceAll("\n", "\r\n"))).toEqual(parsePlainTextStory(text));
      expect(parsePlainTextStory(text.replaceAll("\n", "\r"))).toEqual(parsePlainTextStory(text));
    }
  });
});

describe("parsePlainTextStory: a real scraped story", () => {
  it.skipIf(sharedSampleMissing)("reads ../shared/samples/watch-story.txt (skipped when the sample is absent)", () => {
    const sample = readFileSync(sharedSamplePath, "utf8");
    const lines = nonBlankLines(sample);
    const story = parsePlainTextStory(sample);

    expect(story.kicker).toBe("WATCH");
    expect(lines[0]?.startsWith("WATCH:") && lines[0].endsWith(` ${story.headline}`)).toBe(true);
    expect(story.deck).toBe(lines[1]);
    expect(ofType(story, "paragraph").length).toBeGreaterThanOrEqual(5);
    expect(ofType(story, "quote").length).toBeGreaterThanOrEqual(3);

    const related = ofType(story, "related");
    expect(related).toHaveLength(2);
    for (const block of related) {
      expect(block.slug).toBeUndefined();
      expect(lines).toContain(block.headline);
    }

    expect(story.body.at(-1)).toEqual({ type: "video", title: story.headline, sources: [] });
    expect(story.body.at(-2)).toEqual({ type: "paragraph", text: lines.at(-1) });
  });
});

// --- Nothing is lost, nothing is doubled, nothing moves -------------------------------------------

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);
const normalizeKicker = (label: string): string => label.trim().replace(/\s+/g, " ").toUpperCase();

/**
 * The headline line is the headline with, at most, a kicker before it (then a colon or bar, or in
 * brackets) or after it (after a bar, slashes or a dash, or in brackets). Only the separators go.
 */
function headlineAccountsFor(line: string, story: PlainTextStory): boolean {
  const { kicker, headline } = story;
  if (kicker === undefined) return line === headline;
  // The kicker as written before the headline ("A [PHOTOS] See the clip below": its bracket is its own).
  if (line.endsWith(headline) && normalizeKicker(line.slice(0, -headline.length).trim()) === normalizeKicker(kicker))
    return true;
  const prefix = line.endsWith(headline)
    ? /^\[?\s*(.+?)\s*(?:\]|:|\||\/\/|[-–—/\\]+)?\s*$/su.exec(line.slice(0, -headline.length))
    : null;
  if (prefix && normalizeKicker(prefix[1] ?? "") === normalizeKicker(kicker)) return true;
  const suffix = line.startsWith(headline)
    ? /^\s*(?:(?:\||\/\/|[-–—])\s*(.+?)|\(\s*(.+?)\s*\)|\[\s*(.+?)\s*\])\s*$/su.exec(line.slice(headline.length))
    : null;
  return suffix !== null && normalizeKicker(suffix[1] ?? suffix[2] ?? suffix[3] ?? "") === kicker;
}

/** The story's texts in reading order, as words: the deck, then each block (a video as one token). */
function storyWords(story: PlainTextStory): string[] {
  const out = story.deck === undefined ? [] : words(story.deck);
  for (const block of story.body) {
    if (block.type === "paragraph" || block.type === "heading") out.push(...words(block.text));
    else if (block.type === "quote") out.push(...words(block.text), ...words(block.cite ?? ""));
    else if (block.type === "related") out.push(...words(block.headline));
    else if (block.type === "image") out.push(block.src, ...words(block.caption ?? ""));
    else if (block.type === "video") out.push("<video>");
  }
  return out;
}

/** What a unit of lines may contribute, as words: its text, or its text less a label or dash it may drop. */
function readingWords(reading: PlainTextReading["readings"][number]): string[][] {
  const all = words(reading.text);
  if (reading.became === "paragraph + video") return [[...all, "<video>"]];
  if (reading.became === "video") return [["<video>"]];
  if (reading.became === "image") return [[reading.text.match(/(?:\/|https:\/\/)\S+?\.\w+(?=\]|$)/u)?.[0] ?? "?"]];
  // A list item's bullet goes from the start of its paragraph (an en dash too, from an item of a list).
  if (reading.became === "paragraph" && all.length > 1 && /^[•·▪◦●○■□‣⁃▸►➤*–-]$/u.test(all[0] ?? ""))
    return [all.slice(1), all];
  // A label or a dash goes from the start: what is kept is the end of the line.
  if (reading.became === "related" || reading.became === "cite of the quote before")
    return [...reading.text].map((_, index) => words(reading.text.slice(index))).filter((kept) => kept.length > 0);
  return [all];
}

/**
 * Every non-blank line of the text is read once, in order, and each unit's text is in the story in
 * the same order (a kicker's separators, a related label, a cite's dash aside); bylines and dates
 * went into the authors and the date; only short lines of page furniture are dropped.
 */
function accountsFor(text: string, { story, readings }: PlainTextReading): boolean {
  const input = sourceLines(text).map((line) => line.text);
  if (readings.map((r) => r.text).join(" ") !== input.join(" ")) return false;
  const headline = readings.find((r) => r.role === "headline");
  if (!headline || !headlineAccountsFor(headline.text, story)) return false;
  const out = storyWords(story);
  let at = 0;
  for (const [index, reading] of readings.entries()) {
    if (reading.role === "headline") continue;
    if (reading.became === "dropped") {
      // Only page furniture is dropped: a short line, one that says it is furniture (a newsletter
      // sign-up, say), or a block of a video player's leftovers after the player is in the story;
      // and a social post whole: quotes dropped up to a signature dropped with them.
      // Words hold a letter or a digit: a menu's separators ("News | Sport") are none.
      const long = words(reading.text).filter((word) => /[\p{L}\p{N}]/u.test(word)).length > 12;
      const end = readings.findIndex((next, n) => n > index && next.role !== "quote");
      const signature = readings[end];
      const postText =
        reading.role === "cite" ||
        (reading.role === "quote" &&
          signature?.role === "cite" &&
          signature.became === "dropped" &&
          readings.slice(index, end).every((between) => between.became === "dropped"));
      // The page's title above the headline: most of its words are the headline's and the deck's.
      const lower = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      const headlineWords = new Set(lower(`${story.headline} ${story.deck ?? ""}`));
      const titleWords = lower(reading.text);
      const pageTitle =
        at === 0 && titleWords.filter((word) => headlineWords.has(word)).length * 5 >= titleWords.length * 3;
      if (
        long &&
        !FURNITURE.test(reading.text.replace(/[.!:]+$/u, "")) &&
        reading.role !== "videoPlayer" &&
        !postText &&
        !pageTitle
      )
        return false;
      continue;
    }
    if (reading.became.startsWith("authors:")) {
      const line = reading.text.toLowerCase();
      if (
        !reading.became
          .slice(9)
          .split(", ")
          .every((name) => line.includes(name.toLowerCase()))
      )
        return false;
      continue;
    }
    if (reading.became.startsWith("date:")) {
      // The moment is the line's, read in the zone the reading chose (printed, given or guessed).
      if (datelineMoment(reading.text) === undefined || story.publishedAt !== reading.became.slice("date: ".length))
        return false;
      continue;
    }
    const taken = readingWords(reading).find((expected) => expected.every((word, index) => out[at + index] === word));
    if (!taken) return false;
    at += taken.length;
  }
  return at === out.length;
}

function checkStory(text: string): void {
  const lines = sourceLines(text);
  let reading: PlainTextReading;
  try {
    reading = readPlainTextStory(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PlainTextError);
    const aboveHeadline = (text: string) =>
      bylineNames(text) !== undefined ||
      datelineMoment(text) !== undefined ||
      // Page furniture in any of its forms: ad labels, a related label alone, an embed's leftovers.
      FURNITURE.test(text.replace(/[.!:]+$/u, "")) ||
      isAdOrPlayerLine(text) ||
      isWireSignOff(text) ||
      EMBED_MARKER.test(text) ||
      isLabelAlone(text);
    expect(
      lines.length === 0 ||
        lines.some((line) => line.text.length > 300) ||
        ((error as Error).message.includes("every line is a date") && lines.every((line) => aboveHeadline(line.text))),
    ).toBe(true);
    return;
  }
  const { story } = reading;
  expect(accountsFor(text, reading), text.slice(0, 200)).toBe(true);
  for (const block of story.body) {
    expect(blockSchema.safeParse(block).success).toBe(true);
    if (block.type === "video") expect(block).toEqual({ type: "video", title: story.headline, sources: [] });
  }
  for (const field of [story.kicker, story.headline, story.deck]) {
    if (field !== undefined) expect(field.length > 0 && field === field.trim()).toBe(true);
  }
}

const casing = (text: string) =>
  fc
    .constantFrom("lower", "upper", "as is")
    .map((style) => (style === "lower" ? text.toLowerCase() : style === "upper" ? text.toUpperCase() : text));
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.lorem({ maxCount: 12 }),
  fc.lorem({ maxCount: 3, mode: "sentences" }),
  fc.constantFrom("Ferry fares to rise again in Port Merrow", "Élan café reopens on the quay", "日本の港に新しい灯台"),
);
const marker = fc
  .constantFrom(
    "Check out the video",
    "Watch the video below",
    "Watch below",
    "Press play to see the tide come in",
    "See the clip below",
    "Video",
  )
  .chain(casing)
  .chain((text) => fc.constantFrom("", ":", ".", "!", " :").map((end) => text + end));
const label = fc
  .constantFrom(
    "READ ALSO",
    "ALSO READ",
    "RELATED",
    "SEE ALSO",
    "READ MORE",
    "Read Also",
    "related stories",
    "DON'T MISS",
    "»",
    "→",
  )
  .chain((text) => fc.constantFrom(":", ": ", " :  ", " ").map((colon) => text + colon));
const quoteMark = fc.constantFrom("“", "”", '"', "‘", "’", "'", "«", "„");
const kickerPrefix = fc.constantFrom(
  "WATCH: ",
  "VIDEO:  ",
  "Photos: ",
  "BREAKING NEWS: ",
  "HARBOUR WATCH: ",
  "X: ",
  "[WATCH] ",
  "Analysis | ",
);
const kickerSuffix = fc.constantFrom(
  " | Watch",
  " (VIDEO)",
  " [PHOTOS]",
  " - VIDEO",
  " — live",
  "(UK)",
  " |",
  " // Photos",
);
const pageLeftover = fc.constantFrom(
  "By Ana Ferreira",
  "BY SAMIR OKONJO, TIDEWIRE",
  "Published 14 March 2026, 09:15",
  "Advertisement",
  "Sign up for our newsletter",
  "View this post on Instagram",
  "A post shared by Port Merrow FC (@pmfc) on Nov 8, 2026",
  "— Harbour Voices (@harbourvoices) November 3, 2026",
  "Sold out in an hour! — Harbour Voices (@harbourvoices) November 3, 2026",
  "- Nell Haworth, curator",
  "[Image: /media/x.jpg]",
  "Photo: Kit Barlow",
);
const line = fc.oneof(
  { weight: 4, arbitrary: anyText },
  { weight: 1, arbitrary: marker },
  { weight: 1, arbitrary: fc.tuple(label, anyText).map(([l, t]) => l + t) },
  { weight: 2, arbitrary: fc.tuple(quoteMark, anyText, fc.option(quoteMark)).map(([o, t, c]) => o + t + (c ?? "")) },
  { weight: 1, arbitrary: fc.tuple(kickerPrefix, anyText).map(([k, t]) => k + t) },
  { weight: 1, arbitrary: fc.tuple(anyText, kickerSuffix).map(([t, k]) => t + k) },
  { weight: 1, arbitrary: pageLeftover },
  { weight: 2, arbitrary: fc.constantFrom("", " ", "\t", "\u00a0", " \u2028 ", "\u200b") },
);
const storyText = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom("\n", "\r\n", "\r"), fc.constantFrom("", " ", "  ", "\t"))
  .map(([lines, newline, indent]) => lines.map((text) => indent + text).join(newline));

describe("parsePlainTextStory: nothing is lost", () => {
  it("keeps lines read together whole when a label seems to run over them (found by the property test)", () => {
    // "!" is a line of its own (the next line's first words would have fitted on it): the deck.
    const reading = readPlainTextStory("“Fermentum.\n!\n“𐀀\n𐀀𐀀\nRELATED:ꀀ\n0");
    const body = reading.story.body.map((block) =>
      "headline" in block ? block.headline : "text" in block ? block.text : "",
    );
    expect([reading.story.deck, ...body].join(" ")).toBe("! “𐀀 𐀀𐀀 RELATED:ꀀ 0");
  });

  it("accounts for every non-blank line of any text, in order, once, with valid blocks", () => {
    fc.assert(fc.property(storyText, checkStory), { numRuns: 1_000 });
  }, 60_000);

  it("accounts for every line of each fixture", () => {
    for (const name of fixtureNames) checkStory(fixture(name));
  });

  it("accounts for every line of each story of the corpus", () => {
    for (const set of corpusSets(resolve("src/import/corpus"))) {
      for (const story of readCorpus(resolve("src/import/corpus"), set, () => ({ width: 1, height: 1 })))
        checkStory(story.text);
    }
  });

  it("accounts for every line of stories generated from the corpus, in other outlets' conventions", () => {
    const tuning = readCorpus(resolve("src/import/corpus"), "tuning", () => ({ width: 1, height: 1 }));
    for (const story of generateVariants(tuning, { seed: 11, perStory: 5 })) checkStory(story.text);
  });

  it.skipIf(sharedSampleMissing)("accounts for every line of the scraped sample", () => {
    checkStory(readFileSync(sharedSamplePath, "utf8"));
  });
});

describe("parsePlainTextStory: other outlets' conventions (issue 23)", () => {
  const story = (...blocks: string[]) =>
    parsePlainTextStory(["Lantern parade returns to the old town", ...blocks].join("\n\n"));
  const deck = "The parade was cancelled for two years.";

  it("drops a live entry's bare clock time heading its block, with no video, and reads a name-shaped entry title as a heading", () => {
    const reading = readPlainTextStory(
      [
        "Lantern parade returns to the old town",
        deck,
        "20:05\nFirst lanterns reach the bridge\nThe first of the lanterns reached the old bridge just after eight, an hour later than planned by the organisers.",
        "18:00 Uhr\nErste Prognose\nDie Wahllokale sind geschlossen, und die erste Prognose sieht die Partei bei 31 Prozent der Stimmen im Land.",
      ].join("\n\n"),
    );
    expect(reading.story.body.map((block) => block.type)).toEqual(["heading", "paragraph", "heading", "paragraph"]);
    expect(reading.story.authors).toBeUndefined();
    expect(reading.readings.filter((r) => r.became === "dropped").map((r) => r.text)).toEqual(["20:05", "18:00 Uhr"]);
  });

  it("keeps a name over the outlet and date as the author, not a box's title, and a box's title is no quote's cite", () => {
    const story = parsePlainTextStory(
      [
        "Lantern parade returns to the old town",
        deck,
        "Gabrielle Thibault\nLe Phare du Port\nPublié le 4 décembre 2026 à 16 h 05",
        "Thousands of people lined the old town's streets on Saturday night to watch the lanterns pass by.",
        '"We waited two years for this night."\nRelated Stories',
      ].join("\n\n"),
    );
    expect(story.authors).toEqual(["Gabrielle Thibault"]);
    expect(story.publishedAt).toBe("2026-12-04T16:05:00.000Z");
    expect(story.body.find((block) => block.type === "quote")).not.toHaveProperty("cite", "Related Stories");
  });

  it("ends a paragraph at each line ending a sentence on a page whose text is not hard-wrapped", () => {
    const long =
      "The harbour master said the lights would stay on until the spring tides had passed the point, and longer if needed.";
    const { body } = story(
      deck,
      long,
      long.replace("harbour master", "lock keeper"),
      long.replace("harbour master", "ferry captain"),
      "2. The old pier\nA short walk from the square, with a kiosk open in summer and benches along it.\nGetting there: 10 min on foot.",
    );
    expect(body.slice(3)).toEqual([
      { type: "heading", text: "2. The old pier" },
      { type: "paragraph", text: "A short walk from the square, with a kiosk open in summer and benches along it." },
      { type: "paragraph", text: "Getting there: 10 min on foot." },
    ]);
  });

  it("reads a short line in sentence case alone between paragraphs as a sub-heading, and a longer one as a related headline", () => {
    const { body } = story(
      deck,
      "The harbour master said the lights would stay on until the spring tides had passed the point.",
      "Where the money is going",
      "Most of the grant will pay for a new lamp and the keeper's cottage, the council said on Monday night.",
      "Harbour car park charges to rise from April in every zone",
      "The council will vote on the plan on Tuesday, and work could start within a month of that.",
    );
    expect(body.map((block) => block.type)).toEqual(["paragraph", "heading", "paragraph", "related", "paragraph"]);
  });

  it("keeps a paragraph of two sentences ending in a German quotation as a paragraph, not a related headline", () => {
    const text = "Die Opposition stimmte dagegen. Ein Gemeinderat kritisierte die Kosten: „Das ist zu viel für uns.“";
    const { body } = story(deck, "Thousands came to the town hall on Monday night to hear the vote.", text);
    expect(body.at(-1)).toEqual({ type: "paragraph", text });
  });

  it("reads a pull quote over its speaker's name, with no dash, as a quote and its cite", () => {
    const { body } = story(
      deck,
      "The harbour master said the lights would stay on.",
      '"We owe the harbour its lights, and it has waited long enough."\nRuth Abara, harbour master',
      "The council will vote on Tuesday.",
    );
    expect(body.slice(1, 2)).toEqual([
      {
        type: "quote",
        text: '"We owe the harbour its lights, and it has waited long enough."',
        cite: "Ruth Abara, harbour master",
      },
    ]);
  });

  it("reads every line under a box's title as a related headline, a question among them, the title shaped as a name too", () => {
    const { body } = story(
      deck,
      "The team returns to the island in spring, when the weather allows the boats to cross again.",
      "Read This Next\nWhat is sea fog? How it forms and when it lifts\nThe best harbour walks, tested by our writers",
    );
    expect(body.slice(1)).toEqual([
      { type: "related", headline: "What is sea fog? How it forms and when it lifts" },
      { type: "related", headline: "The best harbour walks, tested by our writers" },
    ]);
  });

  it("drops a box's title of any words over headlines one a line, and reads each headline", () => {
    const { body } = story(
      deck,
      "The team returns to the island in spring.",
      "Lo más visto\nHallan restos de un delfín de hace 8 millones de años\nPor qué este verano hay más medusas que nunca",
    );
    expect(body.slice(1)).toEqual([
      { type: "related", headline: "Hallan restos de un delfín de hace 8 millones de años" },
      { type: "related", headline: "Por qué este verano hay más medusas que nunca" },
    ]);
  });

  it("keeps a byline's name over its date lines, which is no box's title", () => {
    const parsed = story(
      deck,
      "Nerea Vidal\nPublished 2 December 2026, 15:00\nUpdated 2 December 2026, 21:18",
      "The council met for six hours.",
    );
    expect(parsed.authors).toEqual(["Nerea Vidal"]);
  });

  it("reads a bare headline ending in a quotation after a colon as another story's, and not a caption quoted in prose", () => {
    const { body } = story(
      deck,
      "The team returns to the island in spring.",
      'Luli Sosa habló por primera vez de su separación: "Fue lo mejor para los dos"',
      'She captioned the post: "Forever starts now #engaged"',
    );
    expect(body.slice(1)).toEqual([
      { type: "related", headline: 'Luli Sosa habló por primera vez de su separación: "Fue lo mejor para los dos"' },
      { type: "paragraph", text: 'She captioned the post: "Forever starts now #engaged"' },
    ]);
  });

  it.each([
    "See the video below for the full parade.",
    "Mira el video a continuación.",
    "Regardez la vidéo ci-dessous.",
    "Sehen Sie das Video unten.",
    "Assista ao vídeo abaixo.",
  ])("reads %j at the end as a video marker", (marker) => {
    const { body } = story(deck, "Thousands lined the streets on Saturday night.", marker);
    expect(body.slice(-2)).toEqual([
      { type: "paragraph", text: marker },
      { type: "video", title: "Lantern parade returns to the old town", sources: [] },
    ]);
  });

  it("reads bare headlines under a label line as related headlines, the label dropped", () => {
    const reading = readPlainTextStory(
      [
        "Lantern parade returns",
        deck,
        "More than 300 lanterns were carried.",
        "More from the Port Merrow Post\nFerry fares frozen until April\nHarbour wall vote set for Friday",
      ].join("\n\n"),
    );
    expect(reading.story.body.slice(-2)).toEqual([
      { type: "related", headline: "Ferry fares frozen until April" },
      { type: "related", headline: "Harbour wall vote set for Friday" },
    ]);
    expect(reading.readings.find((r) => r.text === "More from the Port Merrow Post")?.became).toBe("dropped");
  });

  it("reads a numbered listicle's titles as headings, and list items one a line as paragraphs without their bullets", () => {
    const { body } = story(
      deck,
      "1. The lantern makers",
      "They start work in August.",
      "2. The route",
      "It runs from the quay to the church.",
      "• Bring a coat.\n• Arrive early.",
    );
    expect(body).toEqual([
      { type: "heading", text: "1. The lantern makers" },
      { type: "paragraph", text: "They start work in August." },
      { type: "heading", text: "2. The route" },
      { type: "paragraph", text: "It runs from the quay to the church." },
      { type: "paragraph", text: "Bring a coat." },
      { type: "paragraph", text: "Arrive early." },
    ]);
  });

  it("reads a run of short lines opening with an en dash as list items without it, and keeps a sentence's dash", () => {
    const { body } = story(
      deck,
      "Sastojci",
      "– 500 g brašna\n– 7 g suhog kvasca\n– 300 ml mlake vode",
      "– Tijesto mora odstajati sat vremena, kaže kuharica.\n– Peći ga treba na dvjesto stupnjeva.",
    );
    expect(body).toEqual(
      expect.arrayContaining([
        { type: "paragraph", text: "500 g brašna" },
        { type: "paragraph", text: "7 g suhog kvasca" },
        { type: "paragraph", text: "300 ml mlake vode" },
        { type: "paragraph", text: "– Tijesto mora odstajati sat vremena, kaže kuharica." },
      ]),
    );
  });

  it.each(["●", "▪", "■", "‣", "►"])("reads list items bulleted %j as paragraphs without their bullets", (bullet) => {
    const { body } = story(
      deck,
      "It runs from the quay to the church.",
      `${bullet} Bring a coat.\n${bullet} Arrive early.\n${bullet} Leave the car at home.`,
    );
    expect(body.slice(-3)).toEqual([
      { type: "paragraph", text: "Bring a coat." },
      { type: "paragraph", text: "Arrive early." },
      { type: "paragraph", text: "Leave the car at home." },
    ]);
  });

  it("drops an Instagram caption with hashtags and its signature, without its View-this-post line, and reports them", () => {
    const reading = readPlainTextStory(
      [
        "Lantern parade returns",
        deck,
        "The organisers posted a photo.",
        "Back on the streets! 🏮\n#lanterns #portmerrow",
        "A post shared by Lantern Parade (@lanternparade)",
      ].join("\n\n"),
    );
    expect(reading.story.body).toEqual([{ type: "paragraph", text: "The organisers posted a photo." }]);
    expect(reading.readings.filter((r) => r.became === "dropped").map((r) => r.text)).toEqual([
      "Back on the streets! 🏮 #lanterns #portmerrow",
      "A post shared by Lantern Parade (@lanternparade)",
    ]);
  });

  it("drops Instagram's lines as it words them in other languages, with the post between them", () => {
    const reading = readPlainTextStory(
      [
        "Lou Verhaegen attend un bébé",
        deck,
        "Voir cette publication sur Instagram",
        "Bientôt trois 🤍",
        "Une publication partagée par Lou Verhaegen (@louverhaegen)",
        "Le couple vit à Namur depuis 2019.",
        "Ver esta publicación en Instagram\nUna publicación compartida por Luli Sosa (@lulisosa.ok)",
      ].join("\n\n"),
    );
    expect(reading.story.body).toEqual([{ type: "paragraph", text: "Le couple vit à Namur depuis 2019." }]);
    expect(reading.readings.filter((r) => r.became === "dropped")).toHaveLength(5);
  });

  it("closes an embed whose signature it cannot read after a few units, so the story after it stays text", () => {
    const reading = readPlainTextStory(
      [
        "Nerea Salvat se casa",
        deck,
        "Ver esta publicación en Instagram",
        "Una foto compartida desde Portalba (@nereasalvat)",
        "La novia lució un vestido de crepé de líneas sencillas y llevó el pelo recogido con flores de jara.",
        "Tras la ceremonia, los invitados se trasladaron a una finca cercana, donde la fiesta se alargó.",
        "Entre los asistentes estaban la cantante Alba Requena y el director Tomás Iriarte.",
        "La pareja viajará a Japón en enero.",
      ].join("\n\n"),
    );
    expect(reading.story.body.slice(-2)).toEqual([
      { type: "paragraph", text: "Entre los asistentes estaban la cantante Alba Requena y el director Tomás Iriarte." },
      { type: "paragraph", text: "La pareja viajará a Japón en enero." },
    ]);
  });

  it("keeps a social-story lead-in ending in a semicolon as a paragraph, with no video, and drops the post", () => {
    const { body } = story(
      deck,
      "On her Insta-story, she posted;",
      "So proud of everyone tonight",
      "— Mara Quell (@maraquell) November 8, 2026",
    );
    expect(body).toEqual([{ type: "paragraph", text: "On her Insta-story, she posted;" }]);
  });

  it("drops TikTok and Facebook embeds, text and signature, and a YouTube player's buttons", () => {
    const reading = readPlainTextStory(
      [
        "Lantern parade returns",
        deck,
        "@lanternparade",
        "Lanterns out tonight #fyp",
        "♬ original sound - Lantern Parade",
        "We did it. Thank you all.",
        "Posted by Lantern Parade on Saturday, November 7, 2026",
        "Watch the parade below.",
        "Watch on YouTube",
      ].join("\n\n"),
    );
    expect(reading.story.body).toEqual([
      { type: "paragraph", text: "Watch the parade below." },
      { type: "video", title: "Lantern parade returns", sources: [] },
    ]);
    expect(reading.readings.filter((r) => r.became === "dropped").map((r) => r.text)).toEqual([
      "@lanternparade",
      "Lanterns out tonight #fyp",
      "♬ original sound - Lantern Parade",
      "We did it. Thank you all.",
      "Posted by Lantern Parade on Saturday, November 7, 2026",
      "Watch on YouTube",
    ]);
  });

  it("reads a live blog's entries, their times alone above them, as headings over their text, the times dropped", () => {
    const reading = readPlainTextStory(
      [
        "Storm live: trains cancelled",
        deck,
        "12.05 GMT\nCoastguard rescues walker swept off pier\nA man was pulled from the water at Saltash Point after a wave swept him off the harbour wall.",
        "22h14\nRail operator cancels all services\nWestern Lines says it has cancelled all trains west of Stallbridge until at least Monday morning.",
      ].join("\n\n"),
    );
    expect(reading.story.body).toEqual([
      { type: "heading", text: "Coastguard rescues walker swept off pier" },
      {
        type: "paragraph",
        text: "A man was pulled from the water at Saltash Point after a wave swept him off the harbour wall.",
      },
      { type: "heading", text: "Rail operator cancels all services" },
      {
        type: "paragraph",
        text: "Western Lines says it has cancelled all trains west of Stallbridge until at least Monday morning.",
      },
    ]);
    expect(reading.readings.filter((r) => r.became === "dropped").map((r) => r.text)).toEqual(["12.05 GMT", "22h14"]);
  });

  it.each(["Travel / Outdoors / Walking", "Science › Oceans", "Strona główna / Nauka"])(
    "drops the breadcrumb %j above the headline, and does not take it for a kicker",
    (crumbs) => {
      const reading = readPlainTextStory(`${crumbs}\n\nLantern parade returns to the old town\n\n${deck}`);
      expect(reading.story.kicker).toBeUndefined();
      expect(reading.story.headline).toBe("Lantern parade returns to the old town");
      expect(reading.readings[0]?.became).toBe("dropped");
    },
  );

  it("reads a headline wrapped over two lines, its last words in lower case on the next line, as one headline", () => {
    const story = parsePlainTextStory(
      `LOCAL NEWS\n\nHistoric barn destroyed in overnight fire; no injuries\nreported\n\n${deck}`,
    );
    expect(story.kicker).toBe("LOCAL NEWS");
    expect(story.headline).toBe("Historic barn destroyed in overnight fire; no injuries reported");
    expect(story.deck).toBe(deck);
  });

  describe("the page's chrome above the headline, read back from the byline and date", () => {
    const body =
      "Hundreds of lanterns were carried through the old town on Saturday night, the first parade since the bridge reopened.";
    const credits = "By Ana Ferreira\nPublished 14 March 2026, 09:15 GMT";
    const headline = "Lantern parade returns to the old town after two quiet winters";
    const standfirst = "Organisers say the route will grow next year to take in the harbour";

    it("drops the site's name and menu above the kicker, headline and deck, and reports them", () => {
      const reading = readPlainTextStory(
        ["Harbour Evening Star\nMenu", "CULTURE", headline, standfirst, credits, body].join("\n\n"),
      );
      expect(reading.story).toMatchObject({ kicker: "CULTURE", headline, deck: standfirst, authors: ["Ana Ferreira"] });
      expect(reading.story.body).toEqual([{ type: "paragraph", text: body }]);
      const dropped = reading.readings.filter((r) => r.became === "dropped").map((r) => r.text);
      expect(dropped).toEqual(expect.arrayContaining(["Harbour Evening Star"]));
    });

    it("takes no kicker from a menu set under the site's name in its block", () => {
      const story = parsePlainTextStory(
        ["Harbour Evening Star\nMenu", headline, standfirst, credits, body].join("\n\n"),
      );
      expect(story.kicker).toBeUndefined();
      expect(story).toMatchObject({ headline, deck: standfirst });
    });

    it("drops the page's title, a wording of the headline with the outlet after a bar", () => {
      const reading = readPlainTextStory([`${headline} | Harbour Evening Star`, headline, credits, body].join("\n\n"));
      expect(reading.story.headline).toBe(headline);
      expect(reading.readings[0]).toMatchObject({ text: `${headline} | Harbour Evening Star`, became: "dropped" });
    });

    it("reads a headline ending in a full stop under a kicker when the byline shows where the header ends", () => {
      const full = "The harbour lights went out. Nobody knows who turned them back on.";
      const story = parsePlainTextStory(["SCIENCE", full, standfirst, credits, body].join("\n\n"));
      expect(story).toMatchObject({ kicker: "SCIENCE", headline: full, deck: standfirst });
    });

    it("leaves a story whose credits come after its text as it was", () => {
      const story = parsePlainTextStory(
        [headline, standfirst, "Thousands came.", "The lanterns were lit at dusk.", credits].join("\n\n"),
      );
      expect(story.headline).toBe(headline);
      expect(story.deck).toBe(standfirst);
    });
  });

  it.each(["Redaktion Hafenbote Online", "Por Redação JHE", "Harbour Star newsroom", "Kıyı Haber Ajansı", "Par AFP"])(
    "drops a desk or an agency credited in place of a person (%j), and takes no author from it",
    (desk) => {
      const reading = readPlainTextStory(
        ["Lantern parade returns to the old town", deck, `${desk}\n14.03.2026, 09:15`, "Thousands came."].join("\n\n"),
      );
      expect(reading.story.authors).toBeUndefined();
      expect(reading.readings.find((r) => r.text === desk)?.became).toBe("dropped");
    },
  );

  it.each([
    ["the hand weights", undefined],
    ["the trained reader", readerFor()],
  ])("reads an interview's labelled questions and answers as paragraphs, with %s", (_, reader) => {
    const story = parsePlainTextStory(
      [
        "Harbour ferry chief on the new timetable",
        "",
        "By Ana Ferreira",
        "",
        "The ferry company's new chief executive took over in October. We spoke to her on Monday.",
        "",
        "Q: What will change for passengers?",
        "A: More sailings in the evening, a later last boat on Fridays and, from March, a second boat on the island route at weekends.",
        "",
        "P. ¿Subirán los precios?",
        "R. No este año. Lo que sí cambiará es el abono mensual, que pasará a valer también para el autobús que enlaza con el muelle.",
        "",
        "— Qachon yangi kema keladi?",
        "",
        "— Bahorda. Kema hozir Turkiyadagi zavodda qurilmoqda va mart oyida sinovdan o'tadi.",
      ].join("\n"),
      { reader },
    );
    // Each turn a paragraph of its own, its label kept: not a heading, not a related headline.
    for (const text of [
      "Q: What will change for passengers?",
      "A: More sailings in the evening, a later last boat on Fridays and, from March, a second boat on the island route at weekends.",
      "P. ¿Subirán los precios?",
      "R. No este año. Lo que sí cambiará es el abono mensual, que pasará a valer también para el autobús que enlaza con el muelle.",
      // A question opened with a dialogue dash, in any language.
      "— Qachon yangi kema keladi?",
    ])
      expect(story.body).toContainEqual({ type: "paragraph", text });
  });

  describe("a time printed without a zone", () => {
    const german = [
      "Laternenumzug kehrt in die Altstadt zurück",
      "Von Ana Ferreira\n15.05.2026, 06:00 Uhr",
      "Tausende Menschen standen am Samstagabend an den Straßen der Altstadt und sahen den Laternen zu.",
      "Die Feuerwehr sperrte die Brücke für zwei Stunden, damit der Zug über den Fluss ziehen konnte.",
    ].join("\n\n");

    it("is read in the zone of the page's language when the import names none, and --explain says so", () => {
      const reading = readPlainTextStory(german);
      expect(reading.story.publishedAt).toBe("2026-05-15T04:00:00.000Z");
      const why = reading.readings.find((r) => r.became.startsWith("date:"))?.why;
      expect(why).toContain("read in Europe/Berlin, the zone guessed from the page's language (deu)");
    });

    it("is read in the one clock of the country the platform gives a language the list does not name", () => {
      const bulgarian = [
        "Каменово прие бюджета си за следващата година",
        "15.05.2026, 06:00",
        "Общинският съвет гласува бюджета след дълго обсъждане в четвъртък вечерта.",
        "Кметът каза, че парите ще отидат за училищата и пътищата в селата около града.",
      ].join("\n\n");
      const reading = readPlainTextStory(bulgarian);
      // Sofia keeps summer time in May: UTC+3.
      expect(reading.story.publishedAt).toBe("2026-05-15T03:00:00.000Z");
      const why = reading.readings.find((r) => r.became.startsWith("date:"))?.why;
      expect(why).toContain("read in Europe/Sofia, the zone guessed from the page's language (bul)");
    });

    it("is read in the clock most of the country's zones keep, on a Galician page (Spain's, not the Canaries')", () => {
      const galician = [
        "O concello aproba o orzamento para o vindeiro ano",
        "15.05.2026, 06:00",
        "O pleno municipal votou onte á noite o orzamento despois dun longo debate entre os grupos da corporación.",
        "O alcalde explicou que os cartos irán para as escolas e para as estradas das parroquias do rural.",
      ].join("\n\n");
      const reading = readPlainTextStory(galician);
      // Madrid keeps summer time in May: UTC+2.
      expect(reading.story.publishedAt).toBe("2026-05-15T04:00:00.000Z");
      const why = reading.readings.find((r) => r.became.startsWith("date:"))?.why;
      expect(why).toContain("the zone guessed from the page's language (glg)");
    });

    it("is read in the clock of a country the page names where its language is written, not the language's", () => {
      const singapore = [
        "Contractor jailed for pocketing renovation deposits",
        "Published 4 December 2026, 5:18 PM",
        "A contractor who took deposits from eleven home owners in Singapore and never started work was jailed on Friday.",
        "The court heard that the money went to his gambling debts, and that Singapore's courts had warned him twice before.",
      ].join("\n\n");
      const reading = readPlainTextStory(singapore);
      // Singapore keeps UTC+8.
      expect(reading.story.publishedAt).toBe("2026-12-04T09:18:00.000Z");
      const why = reading.readings.find((r) => r.became.startsWith("date:"))?.why;
      expect(why).toContain(
        "read in Asia/Singapore, the zone guessed from the country it names (SG) in its language (eng)",
      );
    });

    it("keeps the language's clock where a saint's hyphened name is a country's too", () => {
      const french = [
        "Le luthier Armand Peyrol est mort à 84 ans",
        "Publié le 15/05/2026 à 06h00",
        "Il avait fabriqué plus de trois cents violons dans son atelier de la vieille ville, près de la place du marché.",
        "Ses obsèques seront célébrées lundi en l'église Saint-Martin de Saint-Orvenne, où il chantait dans la chorale.",
      ].join("\n\n");
      // Paris keeps summer time in May: UTC+2.
      expect(readPlainTextStory(french).story.publishedAt).toBe("2026-05-15T04:00:00.000Z");
    });

    it("is read in Helsinki's clock on a Finnish page (franc's full model knows Finnish)", () => {
      const finnish = [
        "Hirvilahden kyläkoulu lakkautetaan ensi syksynä",
        "15.05.2026, 06:00",
        "Kunnanvaltuusto päätti maanantaina illalla lakkauttaa kyläkoulun, jossa on tällä hetkellä kaksitoista oppilasta.",
        "Vanhemmat ovat vastustaneet päätöstä koko syksyn ajan, ja he aikovat valittaa siitä hallinto-oikeuteen.",
      ].join("\n\n");
      const reading = readPlainTextStory(finnish);
      // Helsinki keeps summer time in May: UTC+3.
      expect(reading.story.publishedAt).toBe("2026-05-15T03:00:00.000Z");
      const why = reading.readings.find((r) => r.became.startsWith("date:"))?.why;
      expect(why).toContain("read in Europe/Helsinki, the zone guessed from the page's language (fin)");
    });

    it("is read in the zone the import names, whatever the page's language", () => {
      expect(parsePlainTextStory(german, { timeZone: "America/New_York" }).publishedAt).toBe(
        "2026-05-15T10:00:00.000Z",
      );
    });

    it("is read as UTC when the page's language is not told", () => {
      expect(parsePlainTextStory("Lanterns\n\n15.05.2026, 06:00\n\n1 2 3.").publishedAt).toBe(
        "2026-05-15T06:00:00.000Z",
      );
    });
  });

  it.each(["Anzeige", "Publicidad", "Publicité", "Publicidade"])("drops the ad label %j", (label) => {
    expect(story(deck, "Thousands came.", label, "The lanterns were lit at dusk.").body).toEqual([
      { type: "paragraph", text: "Thousands came." },
      { type: "paragraph", text: "The lanterns were lit at dusk." },
    ]);
  });
});

describe("parsePlainTextStory: the accounting catches a doubled or moved line", () => {
  // A story of distinct paragraphs, so any two blocks differ; the check must fail on the parse
  // with one block doubled, or two swapped, however the story was written.
  const distinctLines = fc.uniqueArray(fc.lorem({ maxCount: 1, mode: "sentences" }), { minLength: 3, maxLength: 12 });
  const storyOf = (lines: string[]) => `Harbour news of the week\n\n${lines.join("\n\n")}`;

  it("passes the parse as it is", () => {
    fc.assert(fc.property(distinctLines, (lines) => accountsFor(storyOf(lines), readPlainTextStory(storyOf(lines)))));
  });

  it("fails when a block of the story is doubled", () => {
    fc.assert(
      fc.property(distinctLines, fc.nat(), (lines, pick) => {
        const reading = readPlainTextStory(storyOf(lines));
        const body = reading.story.body;
        const index = pick % body.length;
        const doubled = [...body.slice(0, index + 1), ...body.slice(index)];
        return !accountsFor(storyOf(lines), { ...reading, story: { ...reading.story, body: doubled } });
      }),
    );
  });

  it("fails when two blocks of the story change places", () => {
    fc.assert(
      fc.property(distinctLines, fc.nat(), fc.nat(), (lines, a, b) => {
        const reading = readPlainTextStory(storyOf(lines));
        const body = reading.story.body;
        const [i, j] = [a % body.length, b % body.length];
        fc.pre(i !== j && JSON.stringify(body[i]) !== JSON.stringify(body[j]));
        const swapped = body.with(i, body[j] as Block).with(j, body[i] as Block);
        return !accountsFor(storyOf(lines), { ...reading, story: { ...reading.story, body: swapped } });
      }),
    );
  });

  it("fails when the reader reads a line twice or out of order", () => {
    fc.assert(
      fc.property(distinctLines, fc.nat(), (lines, pick) => {
        const reading = readPlainTextStory(storyOf(lines));
        const index = 1 + (pick % (reading.readings.length - 1));
        const readings = reading.readings;
        const twice = [...readings.slice(0, index + 1), ...readings.slice(index)];
        const moved = readings
          .with(index, readings[1] as (typeof readings)[number])
          .with(1, readings[index] as (typeof readings)[number]);
        return (
          !accountsFor(storyOf(lines), { ...reading, readings: twice }) &&
          (index === 1 || !accountsFor(storyOf(lines), { ...reading, readings: moved }))
        );
      }),
    );
  });
});

describe("ideographic space", () => {
  it("keeps the ideographic space between a Japanese headline's phrases, and makes other spaces plain", () => {
    const japanese = [
      "強風で離島航路が全便欠航　白鷺諸島の約3千人に影響",
      "強い冬型の気圧配置の影響で、白鷺台港と白鷺諸島を結ぶフェリーと高速船は5日、始発から全便が欠航した。",
      "気象台によると、同日午前の最大瞬間風速は白鷺台市で28.4メートルを観測した。\u00a0 波の高さは6メートルに達した。",
    ].join("\n\n");
    const { story } = readPlainTextStory(japanese);
    expect(story.headline).toBe("強風で離島航路が全便欠航　白鷺諸島の約3千人に影響");
    expect(JSON.stringify(story)).toContain("観測した。 波の高さ");
  });
});
