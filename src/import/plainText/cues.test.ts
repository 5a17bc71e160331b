// The small readers the features are made of: sentences per script, bylines, datelines, kickers,
// related labels and pictures.
import { describe, expect, it } from "vitest";
import { bylineNames, creditNames, datelineMoment, namesAlone, readDateline } from "./credits";
import {
  FURNITURE,
  imageMarker,
  isAdOrPlayerLine,
  isDeskCredit,
  isLabelAlone,
  isWireSignOff,
  PLAYER_LEFTOVER,
  QUESTION,
  relatedLabel,
  wordCount,
} from "./cues";
import { splitKicker } from "./kicker";
import { sentenceCount } from "./sentences";
import { plainLine } from "./sourceLines";

describe("sentences and words per script", () => {
  it.each([
    ["Mr. Lee went home. He slept.", 2],
    ["Dr. Okafor and St. Anne's choir lead the parade.", 1],
    ["Η βροχή σταμάτησε. Οι ψαράδες βγήκαν ξανά.", 2],
    ["Οι ψαράδες βγήκαν ξανά; Ναι.", 2],
    ["港は静かだった。漁師たちは笑った。", 2],
    ["港は静かだった", 1],
  ])("counts the sentences of %j as %i", (text, count) => {
    expect(sentenceCount(text)).toBe(count);
  });

  it("counts the words of Japanese, which has no spaces, with Intl.Segmenter", () => {
    expect(wordCount("港の新しい灯台が完成")).toBeGreaterThan(3);
    expect(wordCount("Ferry fares — to rise")).toBe(4);
  });

  it("makes tabs, no-break and zero-width spaces plain, and keeps the zero-width joiner", () => {
    expect(plainLine("\tOld\u00a0cannery\u200b  homes\u2028 ")).toBe("Old cannery homes");
    expect(plainLine("👩\u200d🚒")).toBe("👩\u200d🚒");
  });
});

describe("bylines", () => {
  it.each([
    ["By Ana Ferreira", ["Ana Ferreira"]],
    ["BY SAMIR OKONJO, TIDEWIRE", ["Samir Okonjo"]],
    ["By Tomasz Wren and Lila Achterberg", ["Tomasz Wren", "Lila Achterberg"]],
    ["By Imogen Saltash | Science correspondent", ["Imogen Saltash"]],
    ["Words by Gideon Marsh", ["Gideon Marsh"]],
    // Other languages' words, and a role or outlet after a comma or in brackets.
    ["Por Renata Fagundes, Folha do Serrado", ["Renata Fagundes"]],
    ["Par Léa Montreuil (APC)", ["Léa Montreuil"]],
    ["Von Jonas Reiter, ndn", ["Jonas Reiter"]],
    ["di Giulia Ferrante", ["Giulia Ferrante"]],
    ["By Kerry Ashdown, Showbiz Reporter", ["Kerry Ashdown"]],
  ])("reads %j as %j", (line, names) => {
    expect(bylineNames(line)).toEqual(names);
  });

  it.each([
    "By the sea we stood.",
    "By Friday the wall was done",
    "Par ailleurs, le maire a répondu",
    "Reporting by Lucía Ferreyra; editing by Tom Aske",
  ])("does not read %j as a byline", (line) => {
    expect(bylineNames(line)).toBeUndefined();
  });
});

describe("names alone", () => {
  it.each([
    ["Matt Devereux, Sophie Tran and Ravi Goel", ["Matt Devereux", "Sophie Tran", "Ravi Goel"]],
    ["Stefano Guidotti e Marta Colonnese", ["Stefano Guidotti", "Marta Colonnese"]],
    ["Natalia Robles / Andrés Gil", ["Natalia Robles", "Andrés Gil"]],
    ["Rhian Pell", ["Rhian Pell"]],
  ])("reads %j as the names %j", (line, names) => {
    expect(namesAlone(line)).toEqual(names);
  });

  it.each(["Priya Anand-Walsh, Consumer Affairs", "Share Email Comments", "The Pelham Press"])(
    "reads %j as no names",
    (line) => {
      expect(namesAlone(line)).toBeUndefined();
    },
  );

  it.each([
    ["Door Sanne Verhoeven en Joost de Waal", ["Sanne Verhoeven", "Joost de Waal"]],
    ["Per Jordi Puigventós i Aina Ferrer", ["Jordi Puigventós", "Aina Ferrer"]],
    ["Autor: Agnieszka Wróblewska-Nowak", ["Agnieszka Wróblewska-Nowak"]],
    ["Edited by Hanna Kerslake and Idris Mabey", ["Hanna Kerslake", "Idris Mabey"]],
  ])("reads the byline %j as %j", (line, names) => {
    expect(bylineNames(line)).toEqual(names);
  });
});

describe("credit lines in any script", () => {
  it.each([
    // A label before a colon in any script, the Armenian comma or the Ethiopic preface colon.
    ["Avtor: Mojca Zupan", ["Mojca Zupan"]],
    ["Автор: Зоран Трајков", ["Зоран Трајков"]],
    ["Հեղինակ՝ Արմեն Սահակյան", ["Արմեն Սահակյան"]],
    ["ጸሐፊ፦ ተስፋዬ ገብሩ", ["ተስፋዬ ገብሩ"]],
    // A by-word of the catalogue, a name with marks or a particle, names alone in a script without case.
    ["Deur Anneke Steyn", ["Anneke Steyn"]],
    ["Gan Rhodri ap Gwilym", ["Rhodri ap Gwilym"]],
    ["Láti ọwọ́ Ọlálékan Àdìó", ["Ọlálékan Àdìó"]],
    ["सुरेश पवार", ["सुरेश पवार"]],
    // A role after a bar, a dash or a comma.
    ["Ruth Akello | Health Reporter", ["Ruth Akello"]],
    ["Paolo Santos - Showbiz Reporter", ["Paolo Santos"]],
    ["Ama Boateng, Consumer Affairs", ["Ama Boateng"]],
    ["Kofi Mensah at Baba Yara Stadium", ["Kofi Mensah"]],
    ["Nomsa Khumalo in Durban", ["Nomsa Khumalo"]],
    // A short word in lower case before two capitalised ones: a by-word no list knows.
    ["de Bogdan Cozma", ["Bogdan Cozma"]],
    ["na Wanjiru Kamau", ["Wanjiru Kamau"]],
  ])("reads %j as %j", (line, names) => {
    expect(creditNames(line)).toEqual(names);
  });

  it.each([
    "Photos by Tane Rewi",
    "The Harbour Courier",
    "Southern Gate Newswire",
    "Par AFN",
    "天气在线 编辑 吴思琪",
    "Foto 3 de 10",
    "Il-Ħadd, 6 ta' Diċembru 2026",
    "Read more.",
    "at Brannock Lane",
    "de Souza",
  ])("reads %j as no credit", (line) => {
    expect(creditNames(line)).toBeUndefined();
  });
});

describe("datelines", () => {
  it.each([
    ["Published 14 March 2026", "2026-03-14T00:00:00.000Z"],
    ["Updated: 12 November 2026, 18:40", "2026-11-12T18:40:00.000Z"],
    ["Mon 2 Nov 2026 09.15 GMT", "2026-11-02T09:15:00.000Z"],
    ["March 3, 2026 at 10:30 pm", "2026-03-03T22:30:00.000Z"],
    ["2026-03-03", "2026-03-03T00:00:00.000Z"],
    // Outlets' own forms: the time before the date, a zone, numeric dates, the five other languages.
    ["Published 14:12 GMT, 9 Feb 2026", "2026-02-09T14:12:00.000Z"],
    ["Published 9:31 AM CET, February 12, 2026", "2026-02-12T08:31:00.000Z"],
    ["Published Sep 03, 2026 • 10:12 a.m. ET • 3 minute read", "2026-09-03T14:12:00.000Z"],
    ["Saturday 8 August 2026 16:20 BST", "2026-08-08T15:20:00.000Z"],
    ["12 mar. 2026 - 13:47 CET", "2026-03-12T12:47:00.000Z"],
    ["14 de marzo de 2026 · 10:35 hrs", "2026-03-14T10:35:00.000Z"],
    ["Publié le 18 juin 2026 à 17h45", "2026-06-18T17:45:00.000Z"],
    ["Veröffentlicht am 02.02.2026 um 14:12 Uhr", "2026-02-02T14:12:00.000Z"],
    ["05/09/2026 às 16:40", "2026-09-05T16:40:00.000Z"],
    ["Pubblicato il 12/05/2026 alle 14:20", "2026-05-12T14:20:00.000Z"],
    // Both times on one line: the first publication.
    ["Updated: 11:20, 2 Oct 2026 | Published: 07:00, 2 Oct 2026", "2026-10-02T07:00:00.000Z"],
    ["Publié le 14/03/2026 à 09h30, mis à jour à 11h02", "2026-03-14T09:30:00.000Z"],
    ["12:04, 15 Jul 2026 Updated 13:30, 15 Jul 2026", "2026-07-15T12:04:00.000Z"],
  ])("reads %j as %s", (line, moment) => {
    expect(datelineMoment(line)).toBe(moment);
  });

  it.each([
    ["Gepubliceerd op 3 maart 2026, 07:45", "2026-03-03T07:45:00.000Z"],
    ["Publicerad 2026-02-23 06.30", "2026-02-23T06:30:00.000Z"],
    ["Opublikowano: 12.06.2026, 14:05", "2026-06-12T14:05:00.000Z"],
    ["Publicat el 24/08/2026 a les 21:10", "2026-08-24T21:10:00.000Z"],
    ["Erstellt am 02. September 2026 | 05:45", "2026-09-02T05:45:00.000Z"],
  ])("reads %j, a date line in Dutch, Swedish, Polish, Catalan or German's other words, as %s", (line, moment) => {
    expect(datelineMoment(line)).toBe(moment);
  });

  it.each([
    ["Publié le 02-12-26 à 06h00", "2026-12-02T06:00:00.000Z"],
    ["05-12-26, 13:18", "2026-12-05T13:18:00.000Z"],
    ["Sabtu, 5 Desember 2026 | 20:35 WIB", "2026-12-05T13:35:00.000Z"],
    ["Published: Dec 05, 2026, 11:25 IST", "2026-12-05T05:55:00.000Z"],
    ["December 2, 2026 — 5.00am AEDT", "2026-12-01T18:00:00.000Z"],
    ["4 Aralık 2026 11:20", "2026-12-04T11:20:00.000Z"],
  ])(
    "reads %j, a two-digit year, Indonesian and Turkish months, or zones of India, Indonesia and Australia, as %s",
    (line, moment) => {
      expect(datelineMoment(line)).toBe(moment);
    },
  );

  it.each([
    ["2026年12月4日 19時05分", "2026-12-04T19:05:00.000Z"],
    ["입력 2026.12.06 14:22", "2026-12-06T14:22:00.000Z"],
    ["송고시간2026-12-01 09:12", "2026-12-01T09:12:00.000Z"],
    ["Diciembre 01 de 2026 - 08:45 a. m.", "2026-12-01T08:45:00.000Z"],
    ["Venerdì 4 Dicembre 2026, 19:22 - Ultimo agg. 5 Dicembre 2026, 08:10", "2026-12-04T19:22:00.000Z"],
  ])(
    'reads %j, a date printed year first in Japanese or Korean, or with its year after "de", as %s',
    (line, moment) => {
      expect(datelineMoment(line)).toBe(moment);
    },
  );

  it.each([
    ["Dinsdag 1 december 2026 – 14:20", "2026-12-01T14:20:00.000Z"],
    ["Publikované: 4. decembra 2026, 10:15", "2026-12-04T10:15:00.000Z"],
    ["понедељак, 30. новембар 2026, 18:02", "2026-11-30T18:02:00.000Z"],
    ["Објављено: 05.12.2026. у 21:40", "2026-12-05T21:40:00.000Z"],
    ["2026 m. gruodžio 5 d. 09:00", "2026-12-05T09:00:00.000Z"],
    ["Birt: 7. desember 2026 kl. 08:52", "2026-12-07T08:52:00.000Z"],
    ["ორშაბათი, 30 ნოემბერი 2026, 11:20", "2026-11-30T11:20:00.000Z"],
    ["शनिबार, डिसेम्बर ५, २०२६ ०९:४०", "2026-12-05T09:40:00.000Z"],
    ["E mërkurë, 2 Dhjetor 2026, 12:05", "2026-12-02T12:05:00.000Z"],
    ["The council met on 5 December 2026 to vote", undefined],
    ["nedeľa 6. 12. 2026 08:00", "2026-12-06T08:00:00.000Z"],
    ["2026. gada 6. decembris 17:35", "2026-12-06T17:35:00.000Z"],
    ["Source: Kellerton County, 5 December 2026", undefined],
    ["Published on: Tuesday, December 1, 2026 6:40 PM EAT", "2026-12-01T15:40:00.000Z"],
    ["5 December 2026, 10:30 WAT", "2026-12-05T09:30:00.000Z"],
    ["5 December 2026, 10:30 SAST", "2026-12-05T08:30:00.000Z"],
    ["Ҷумъа, 4 декабри 2026, 11:30", "2026-12-04T11:30:00.000Z"],
    ["UMvulo, 7 Disemba 2026 | 06:00", "2026-12-07T06:00:00.000Z"],
  ])(
    "reads %j, with month and weekday names, date words and zone abbreviations from the platform's data, as %s",
    (line, moment) => {
      expect(datelineMoment(line)).toBe(moment);
    },
  );

  it.each([
    ["วันศุกร์ที่ 4 ธันวาคม 2569 เวลา 14:25 น.", "2026-12-04T14:25:00.000Z"],
    ["เผยแพร่: 1 ธ.ค. 2569 เวลา 09:10 น.", "2026-12-01T09:10:00.000Z"],
    ["شنبه ۱۴ آذر ۱۴۰۵ - ۱۰:۲۴", "2026-12-05T10:24:00.000Z"],
    ["تاریخ انتشار: دوشنبه ۱۶ آذر ۱۴۰۵ - ۰۸:۴۵", "2026-12-07T08:45:00.000Z"],
    ["১ ডিসেম্বর ২০২৬", "2026-12-01T00:00:00.000Z"],
    ["5 December ২০২৬, ১০:৩০", "2026-12-05T10:30:00.000Z"],
  ])("reads %j, a Thai Buddhist-era or Persian Solar Hijri date, or digits of any script, as %s", (line, moment) => {
    expect(datelineMoment(line)).toBe(moment);
  });

  it.each([
    // The Ethiopian calendar, month first, a word after the day, the era after the year.
    ["ረቡዕ ታኅሣሥ 2 ቀን 2019 ዓ.ም", "2026-12-11T00:00:00.000Z"],
    ["ኅዳር 30 ቀን 2019 ዓ.ም.", "2026-12-09T00:00:00.000Z"],
    ["12 ኅዳር 2019", "2026-11-21T00:00:00.000Z"],
  ])("reads %j, an Ethiopian-calendar date, as %s", (line, moment) => {
    expect(datelineMoment(line)).toBe(moment);
  });

  it.each([
    ["It-Tlieta, 8 ta' Diċembru 2026 - 09:30", "2026-12-08T09:30:00.000Z"],
    ["Juma'a, 11 ga Disamba, 2026", "2026-12-11T00:00:00.000Z"],
  ])("reads %j, a short word between the day and the month, as %s", (line, moment) => {
    expect(datelineMoment(line)).toBe(moment);
  });

  it.each([
    // The period of the day a 12-hour clock is read with, in the platform's words, or declined.
    ["०८ डिसेंबर २०२६, संध्याकाळी ६:४०", "2026-12-08T18:40:00.000Z"],
    ["०८ डिसेंबर २०२६, सकाळी ११:०५", "2026-12-08T11:05:00.000Z"],
    ["Litinin, 7 ga Disamba, 2026 - 3:15 na yamma", "2026-12-07T15:15:00.000Z"],
    ["Jumanne, 8 Desemba 2026, jioni 6:30", "2026-12-08T18:30:00.000Z"],
    // A 24-hour time keeps its hour, whatever word is beside it.
    ["Veröffentlicht am 02.02.2026 um 14:12 Uhr", "2026-02-02T14:12:00.000Z"],
  ])("reads %j, a time with its period of the day in words, as %s", (line, moment) => {
    expect(datelineMoment(line)).toBe(moment);
  });

  it.each([
    // A letter the platform's pattern writes onto the month: Hebrew's "ב".
    ["יום חמישי, 3 בדצמבר 2026, 23:15", "2026-12-03T23:15:00.000Z"],
    ["3 דצמבר 2026", "2026-12-03T00:00:00.000Z"],
  ])("reads %j, a month with a letter written onto it, as %s", (line, moment) => {
    expect(datelineMoment(line)).toBe(moment);
  });

  it.each([
    ["Publisert 07.12.2026 09:12", "2026-12-07T09:12:00.000Z"],
    ["Objavljeno 05.12.2026", "2026-12-05T00:00:00.000Z"],
  ])("reads %j, a capitalised word before a date of numbers, as %s", (line, moment) => {
    expect(datelineMoment(line)).toBe(moment);
  });

  it.each(["最后更新 2026-12-06 22:40", "publisert 07.12.2026 09:12", "Publisert 07.12.2026 om kvelden"])(
    "reads no word before a date of numbers in a script without capitals, in lower case, or before more words: %j",
    (line) => {
      expect(datelineMoment(line)).toBeUndefined();
    },
  );

  it.each([
    // A year of numbers no Gregorian page prints now: the one platform calendar it is this year of.
    ["۱۴۰۵/۰۹/۱۵", "2026-12-06T00:00:00.000Z"],
    ["1405-09-15 10:20", "2026-12-06T10:20:00.000Z"],
    ["2026/12/05", "2026-12-05T00:00:00.000Z"],
  ])("reads %j, a date of numbers in another calendar's year, as %s", (line, moment) => {
    expect(datelineMoment(line)).toBe(moment);
  });

  it("reads a Thai update line as an update", () => {
    expect(readDateline("ปรับปรุง: 1 ธ.ค. 2569 เวลา 13:45 น.")).toEqual({
      moment: "2026-12-01T13:45:00.000Z",
      updated: true,
    });
  });

  it.each([
    "Redaktion Hafenbote",
    "Von Redaktion Hafenbote Online",
    "Harbour Star Newsroom",
    "Local Democracy Reporting Service",
  ])("takes no author from a desk credited in place of a person: %j", (line) => {
    expect(bylineNames(line)).toBeUndefined();
    expect(namesAlone(line)).toBeUndefined();
    expect(isDeskCredit(line)).toBe(true);
  });

  it.each([
    "Hospital staff shortage worsens",
    "Staff shortages",
    "The agency said it would appeal.",
    "Staff at the depot walked out on Monday",
  ])("does not read %j as a desk's credit", (line) => {
    expect(isDeskCredit(line)).toBe(false);
  });

  it.each([
    "Got a story? Email newsdesk@harbourstar.example",
    "Vous avez une info ? Écrivez-nous via notre formulaire.",
    "Bookmark",
    "Abonnés",
    "12:41 a.m.",
    "9:05 pm ET",
    "Etiketler: liman, fener, festival",
    "Read More About: Harbour lights",
    "Cargando video...",
    "Реклама",
    "Διαφήμιση",
    "Quảng cáo",
    "Tangazo",
    "Publicitate",
    "광고",
    "广告",
    // A share row under a one-word label in any language: the platforms' names are everyone's.
    "Поделиться: Facebook | Telegram | WhatsApp",
    "Jaa: Facebook, X, WhatsApp",
    // The ad word of the catalogue, in languages of other scripts and regions.
    "Oglas",
    "Գովազդ",
    "ማስታወቂያ",
    "Talla",
    "Ìpolówó",
    "Hirdetés",
    "जाहिरात",
    "1 / 8",
    "3/6",
    "Bild 1 von 6",
    "Photo 4 of 12",
  ])("reads %j as page furniture or a player's leftovers", (line) => {
    expect(FURNITURE.test(line.replace(/[.!:]+$/u, "")) || PLAYER_LEFTOVER.test(line)).toBe(true);
  });

  it.each([
    "Got a story about the harbour, she said, and told it.",
    "The email arrived at 9:05 pm.",
    "3 of 6 councillors voted against",
  ])("keeps %j as text", (line) => {
    expect(FURNITURE.test(line.replace(/[.!:]+$/u, ""))).toBe(false);
  });

  it("reads a wire's initials in brackets as its sign-off, and Indonesian labels as labels", () => {
    expect(isWireSignOff("(dpr/wls)")).toBe(true);
    expect(relatedLabel("Baca juga: Pasar ikan dibuka kembali pekan depan")?.rest).toBe(
      "Pasar ikan dibuka kembali pekan depan",
    );
    expect(isLabelAlone("Berita Terkait")).toBe(true);
  });

  it("reads Indonesian bylines, the editor beside the reporter dropped", () => {
    expect(bylineNames("Penulis: Yogi Hartono | Editor: Nurul Aini")).toEqual(["Yogi Hartono"]);
    expect(bylineNames("Laporan: Dimas Pratama")).toEqual(["Dimas Pratama"]);
    expect(isDeskCredit("Editor: Wulan Sari")).toBe(true);
  });

  it("reads the first publication before an update in those languages", () => {
    expect(readDateline("Bijgewerkt op 3 maart 2026, 13:20")?.updated).toBe(true);
    expect(readDateline("Aktualizacja: 12.06.2026, 16:40")?.updated).toBe(true);
  });

  it("reads a time printed without a zone in the outlet's zone, and a printed zone as printed", () => {
    expect(readDateline("15.05.2026, 06:00 Uhr", "Europe/Berlin")?.moment).toBe("2026-05-15T04:00:00.000Z");
    expect(readDateline("14 de marzo de 2026 · 10:35 hrs", "America/Mexico_City")?.moment).toBe(
      "2026-03-14T16:35:00.000Z",
    );
    expect(readDateline("Saturday 8 August 2026 16:20 BST", "America/New_York")?.moment).toBe(
      "2026-08-08T15:20:00.000Z",
    );
    expect(readDateline("Updated 14 March 2026, 11:02 GMT")).toEqual({
      moment: "2026-03-14T11:02:00.000Z",
      updated: true,
    });
  });

  it.each([
    "Norhaven, Tuesday",
    "31 February 2026",
    "14 March 2026 and the ferry sailed",
    "March 3, 2026 at 25:00",
    "The 12 May 2026 vote was close",
    "3 hours ago",
  ])("does not read %j as a date", (line) => {
    expect(datelineMoment(line)).toBeUndefined();
  });
});

describe("kickers, labels and pictures", () => {
  it.each([
    ["[WATCH] Crane lifts new lock gates", "WATCH", "Crane lifts new lock gates"],
    ["EXCLUSIVE | The letter the board did not send", "EXCLUSIVE", "The letter the board did not send"],
    ["Record crowd for the winter swim // Photos", "PHOTOS", "Record crowd for the winter swim"],
    ["explainer: how harbour charges work", "EXPLAINER", "how harbour charges work"],
  ])("splits %j into %s and its headline", (line, kicker, headline) => {
    expect(splitKicker(line)).toMatchObject({ kicker, headline });
  });

  it.each([
    ["YOU MAY ALSO LIKE: Fish market to become a food court", "Fish market to become a food court"],
    ["See also  Lantern makers open their workshop", "Lantern makers open their workshop"],
    ["» Northern shelf quota cut by a third", "Northern shelf quota cut by a third"],
    ["関連記事：漁港の冬祭り、今年も開催へ", "漁港の冬祭り、今年も開催へ"],
  ])("finds the headline after the label of %j", (line, rest) => {
    expect(relatedLabel(plainLine(line))?.rest).toBe(rest);
  });

  it.each(["Council vote: ferry fares to rise", "See also the minutes of the meeting"])(
    "finds no related label in %j",
    (line) => {
      expect(relatedLabel(line)).toBeUndefined();
    },
  );

  it.each([
    ["[VÍDEO] El puerto se prepara para la tormenta", "VÍDEO"],
    ["EN DIRECT : Le port sous la tempête", "EN DIRECT"],
    ["Hafen rüstet sich für den Sturm | Eilmeldung", "EILMELDUNG"],
    ["O porto prepara-se para a tempestade (AO VIVO)", "AO VIVO"],
  ])("takes the desk's word in %j as the kicker", (line, kicker) => {
    expect(splitKicker(line).kicker).toBe(kicker);
  });

  it.each([
    ["LEER MÁS: El puerto abre su nuevo muelle", "El puerto abre su nuevo muelle"],
    ["LEIA TAMBÉM: Porto abre novo cais", "Porto abre novo cais"],
    ["LEGGI ANCHE: Il porto apre il nuovo molo", "Il porto apre il nuovo molo"],
  ])("finds the headline after the translated label of %j", (line, rest) => {
    expect(relatedLabel(line)?.rest).toBe(rest);
  });

  it.each([
    ["Related stories", true],
    ["More from the Port Merrow Post", true],
    ["Noticias relacionadas", true],
    ["Mehr zum Thema", true],
    ["More rain is forecast for Friday.", false],
    ["The ferry timetable", false],
  ])("reads %j as a label on its own: %s", (line, alone) => {
    expect(isLabelAlone(line)).toBe(alone);
  });

  it("reads a closing semicolon as a question mark in Greek only, and Arabic's own question mark", () => {
    expect(QUESTION.test("Πότε θα ανοίξει το λιμάνι;")).toBe(true);
    expect(QUESTION.test("On her Insta-story, she posted;")).toBe(false);
    expect(QUESTION.test("Is the harbour wall worth £48m?")).toBe(true);
    expect(QUESTION.test("متى يعود الماء إلى الأحياء الشرقية؟")).toBe(true);
  });

  it("reads a picture's address from its marker, and no address from a credit", () => {
    expect(imageMarker("[Image: /media/x.jpg]")).toEqual({ src: "/media/x.jpg" });
    expect(imageMarker("https://cdn.example/a/b.png")).toEqual({ src: "https://cdn.example/a/b.png" });
    expect(imageMarker("[Photo]")).toEqual({});
    expect(imageMarker("Photo: Port Merrow Harbour Board")).toBeUndefined();
  });
});

describe("what an ad slot, an audio player and a wire's desk leave", () => {
  it("reads an ad word with the text going on, or the text going on below, as an ad slot's line, in any language", () => {
    for (const line of [
      "The article continues after this advertisement.",
      "Advertisement · Scroll to continue",
      "SKIP ADVERTISEMENT",
      "(ADVERTISEMENT)",
      "El artículo continúa debajo de la publicidad",
      "Publicidad - Sigue leyendo debajo",
      "La suite après cette publicité",
      "Der Artikel wird unterhalb der Werbung fortgesetzt.",
      "CONTINUA APÓS A PUBLICIDADE",
      "L'articolo continua dopo la pubblicità",
      "Haberin devamı reklamdan sonra",
      "Dalsza część artykułu pod reklamą",
      "Continue reading below",
      "Reklam",
      "Articolul continuă după publicitate",
      "Listen to this story · 4 min",
      "Artikel anhören",
    ])
      expect(isAdOrPlayerLine(line), line).toBe(true);
  });

  it("keeps sentences that only mention ads or going on, and a word that may be a kicker", () => {
    for (const line of [
      "Advertising revenue continued to fall after the cuts, the company said in its annual report.",
      "The council will continue the work after the summer.",
      "LISTEN",
      "Escuchar",
      "Talks continue.",
    ])
      expect(isAdOrPlayerLine(line), line).toBe(false);
  });

  it("reads the initials a wire signs off with, slashes between them, and not a section path or a date", () => {
    for (const line of ["APS dt/kc", "AIN rv/mgc", "snd hk/ts", "mg-hb/ap", "JFR // SB", "ABC // JMR Lusonotícias/Fim"])
      expect(isWireSignOff(line), line).toBe(true);
    for (const line of ["Travel / Outdoors / Walking", "24/7 coverage", "Either/or: a choice for the council", "1/2"])
      expect(isWireSignOff(line), line).toBe(false);
  });
});
