// Every catalogue is complete: the typecheck holds each to the Catalogue's keys; this holds each
// message to its English original's `{name}`s (a translation that drops one loses the story's
// data), and each count to every plural form its language has (Arabic's six, Japanese's one).
import { describe, expect, it } from "vitest";
import type { Plural } from "./catalogue";
import { catalogueFor, catalogues } from "./catalogues";
import { en } from "./catalogues/en";
import { makeWords } from "./words";

const names = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const forms = (message: string | Plural) => (typeof message === "string" ? [message] : Object.values(message));

describe.each(["en", "es", "ar", "ja"])("the %s catalogue", (language) => {
  const catalogue = catalogueFor(language);

  it("fills in what English fills in, in every message", () => {
    for (const [key, original] of Object.entries(en)) {
      const wanted = names(forms(original)[0] ?? "").filter((name) => name !== "count");
      for (const form of forms(catalogue[key as keyof typeof en]))
        expect(
          names(form).filter((name) => name !== "count"),
          `${language} ${key}: ${form}`,
        ).toEqual(wanted);
    }
  });

  it("has every plural form its language counts by", () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const [key, message] of Object.entries(catalogue))
      if (typeof message !== "string")
        expect(Object.keys(message).sort(), `${language} ${key}`).toEqual([...categories].sort());
  });
});

describe("the site's words", () => {
  it("counts by the language's rules: Arabic has six forms", () => {
    const words = makeWords(catalogueFor("ar"), { locale: "ar", timeZone: "UTC" });
    const said = [0, 1, 2, 3, 11, 100].map((count) => words.count("story.newUpdates", count));
    expect(new Set(said).size).toBe(6);
    expect(words.count("story.newUpdates", 2)).toBe("تحديثان جديدان");
  });

  it("writes numbers and times in the locale's digits where it has its own (ar-EG)", () => {
    const words = makeWords(catalogueFor("ar-EG"), { locale: "ar-EG", timeZone: "Africa/Cairo" });
    expect(words.count("notice.newStories", 5)).toBe("اعرض ٥ أخبار جديدة");
    expect(words.time("2026-11-23T07:45:00Z")).toMatch(/٢٠٢٦/);
    expect(words.time("2026-11-23T07:45:00Z")).not.toMatch(/[0-9]/);
    expect(makeWords(en, { locale: "en-GB", timeZone: "UTC" }).time("2026-11-23T07:45:00Z")).toBe(
      "23 Nov 2026, 07:45\u00a0UTC",
    );
  });

  it("keeps a time's clock on one line, and lets the line break between its date and its clock", () => {
    const words = makeWords(catalogueFor("ar"), { locale: "ar", timeZone: "Asia/Dubai" });
    const time = words.time("2026-12-07T08:45:00Z");
    // The hour, minutes, "p.m." and the zone: no-break spaces between them (they wrapped at 390 px).
    expect(time).toMatch(/12:45\u00a0م\u00a0غرينتش\+4$/);
    // The day, the month and the year can still go to a line of their own.
    expect(time).toMatch(/^7 ديسمبر 2026، /);
    expect(makeWords(en, { locale: "en-US", timeZone: "UTC" }).time("2026-11-23T19:45:00Z")).toBe(
      "Nov 23, 2026, 07:45\u00a0PM\u00a0UTC",
    );
  });

  it("writes a time in the site's zone, not the machine's", () => {
    const words = makeWords(catalogueFor("ja"), { locale: "ja-JP", timeZone: "Asia/Tokyo" });
    expect(words.time("2026-11-23T22:30:00Z")).toContain("2026年11月24日 07:30");
  });

  it("picks a catalogue by the language's first subtag, and refuses a language it has none for", () => {
    expect(catalogueFor("es-MX")).toBe(catalogues.es);
    expect(() => catalogueFor("fr")).toThrow(/no message catalogue for the language "fr"/);
  });
});
