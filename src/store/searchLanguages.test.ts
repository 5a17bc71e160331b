// Search per language, on each engine: a reader finds a story in Arabic with or without its
// vowels and whichever alef, hamza or teh marbuta is typed; a Chinese or Japanese word inside
// unspaced text; Greek and Spanish words whatever their accents and sigma; and English as before
// (stems and the last word as a prefix). Each query must find its story and nothing else.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryWords } from "../model/searchText";
import type { StoryInput } from "../model/story";
import { openStore } from "./openStore";
import type { StoryStore } from "./storyStore";
import { createTestDatabase, type TestDatabase, testEngines } from "./testDatabases";

/** Stories written for this test, one per language. */
const texts: Record<string, { headline: string; text: string }> = {
  arabic: {
    headline: "افتتاحُ المَكتبةِ الجديدةِ في المدينة",
    text: "قال رئيسُ البلدية إنّ آلافَ القرّاء انتظروا أمام أبوابِها منذ الصباح، وإن الكـــتب القديمة نُقلت إلى مبنى المستشفى السابق.",
  },
  japanese: {
    headline: "港の近くに新しい図書館が開館",
    text: "東京都の新しい図書館は朝九時に開き、読者が列を作った。",
  },
  chinese: {
    headline: "城市新图书馆今早在港口旁开放",
    text: "市长说，读者从清晨就开始排队。",
  },
  korean: {
    headline: "항구 옆 새 도서관이 오늘 문을 열었다",
    text: "시장은 독자들이 아침부터 줄을 섰다고 말했다.",
  },
  greek: {
    headline: "Η πόλη άνοιξε νέα βιβλιοθήκη δίπλα στο λιμάνι",
    text: "Ο δήμαρχος μίλησε για τους αναγνώστες που περίμεναν από το πρωί.",
  },
  spanish: {
    headline: "La biblioteca abrió sus puertas junto al muelle",
    text: "La canción del coro sonó en la inauguración, y la musica siguió hasta la noche.",
  },
  hindi: {
    headline: "शहर में नई लाइब्रेरी सुबह से खुली",
    text: "महापौर ने कहा कि पाठक सुबह से कतार में थे।",
  },
  thai: {
    headline: "ห้องสมุดใหม่เปิดริมท่าเรือ",
    text: "นายกเทศมนตรีกล่าวว่าผู้อ่านรอตั้งแต่เช้า",
  },
  english: {
    headline: "Thousands queue as the harbour library opens",
    text: "Readers protested the closing of the old reading room for years.",
  },
};

/** Each query, and the one story it must find ("none": a word no story has). */
const queries: [string, string][] = [
  // Arabic: without the vowels the story has, with vowels it lacks, across letter forms.
  ["arabic", "المكتبة"],
  ["arabic", "المَكتبةِ الجديدةِ"],
  ["arabic", "المكتبه"],
  ["arabic", "الاف"],
  ["arabic", "ابوابها"],
  ["arabic", "ان"],
  ["arabic", "مبني"],
  ["arabic", "الكتب"],
  ["arabic", "المكـــتبة"],
  ["arabic", "إفتتاح"],
  ["none", "سيارة"],
  // Marks or tatweel alone are no word: nothing is asked, and nothing fails.
  ["none", "ـــ َ"],
  // Japanese and Chinese words inside unspaced text, and the first of a run as a prefix.
  ["japanese", "図書館"],
  ["japanese", "東京"],
  ["japanese", "新しい"],
  ["japanese", "読者"],
  ["japanese", "港の近く"],
  ["chinese", "图书馆"],
  ["chinese", "港口"],
  ["chinese", "排队"],
  ["none", "北京"],
  ["korean", "도서관"],
  ["korean", "독자들"],
  // Greek whatever its accents, case and final sigma.
  ["greek", "βιβλιοθηκη"],
  ["greek", "ΒΙΒΛΙΟΘΉΚΗ"],
  ["greek", "λιμανι"],
  ["greek", "αναγνωστεσ"],
  ["greek", "ΑΝΑΓΝΏΣΤΕΣ"],
  // Spanish whatever its accents.
  ["spanish", "abrio"],
  ["spanish", "cancion"],
  ["spanish", "Canción"],
  ["spanish", "INAUGURACIÓN"],
  ["spanish", "música"],
  ["hindi", "लाइब्रेरी"],
  ["hindi", "पाठक"],
  ["thai", "ห้องสมุด"],
  // English as before: stems, and the last word as a prefix.
  ["english", "protest"],
  ["english", "library opens"],
  ["english", "harb"],
  ["none", "zeppelin"],
];

describe.each(testEngines)("search per language on %s", (engine) => {
  let database: TestDatabase;
  let store: StoryStore;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    store = await openStore(database.url);
    await store.saveSections([{ slug: "city", name: "City" }]);
    const stories: StoryInput[] = Object.entries(texts).map(([language, { headline, text }], i) => ({
      slug: `${language}-story`,
      headline,
      section: "city",
      authors: [],
      tags: [],
      publishedAt: `2026-11-0${i + 1}T08:00:00.000Z`,
      updatedAt: `2026-11-0${i + 1}T08:00:00.000Z`,
      body: [{ type: "paragraph", text }],
    }));
    await store.saveStories(stories);
  });

  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it.each(queries)("finds the %s story for %s", async (language, query) => {
    const hits = await store.searchStories(queryWords(query), 10);
    expect(hits.map((hit) => hit.story.slug)).toEqual(language === "none" ? [] : [`${language}-story`]);
  });

  it("finds a word in a story's headline before the stories with it in their text", async () => {
    const hits = await store.searchStories(queryWords("المكتبة"), 10);
    expect(hits.map((hit) => hit.phase)).toEqual(["headline"]);
  });
});
