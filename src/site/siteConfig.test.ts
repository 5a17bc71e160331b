import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { contrastRatio } from "./contrast";
import { browserSite, PAPER, readSiteConfig } from "./siteConfig";

const root = join(import.meta.dirname, "../..");
const faroFile = join(root, "src/test/site/faro.yaml");
const faro = parse(readFileSync(faroFile, "utf8"));
const INTER = join(root, "node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2");

/** The faro config with `change` applied, written next to its icon; the error readSiteConfig throws on it. */
function problemWith(change: (config: Record<string, unknown>) => void): string {
  const config = structuredClone(faro);
  change(config);
  const dir = mkdtempSync(join(tmpdir(), "site-config-"));
  const file = join(dir, "site.yaml");
  config.logo = config.icon = join(root, "src/test/site/faro-icon.svg");
  config.fonts = config.fonts.map((font: object) => ({ ...font, file: INTER }));
  writeFileSync(file, stringify(config));
  try {
    readSiteConfig(file);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("the config was accepted");
}

describe("the site config", () => {
  it("reads the demo's: Dispatch, in English, dates for en-GB in UTC, the four sections in order", () => {
    const demo = readSiteConfig(join(root, "content/site.yaml"));
    expect(demo).toMatchObject({ name: "Dispatch", language: "en", dir: "ltr", locale: "en-GB", timeZone: "UTC" });
    expect(demo.sections.map((section) => section.slug)).toEqual(["city", "world", "science", "culture"]);
  });

  it("reads another site's, its files found beside it, its locale the language's when it names none", () => {
    const site = readSiteConfig(faroFile);
    expect(site).toMatchObject({ name: "El Faro del Puerto", language: "es-MX", locale: "es-MX" });
    expect(site.icon).toBe(join(root, "src/test/site/faro-icon.svg"));
    expect(site.sections.map((section) => section.name)).toEqual(["Mundo", "Ciudad"]);
  });

  it.each([
    ["a language that is not BCP 47", (c: Record<string, unknown>) => (c.language = "english please"), /language: /],
    ["a locale that is not BCP 47", (c: Record<string, unknown>) => (c.locale = "es_MX!"), /locale: /],
    [
      "a language with no message catalogue",
      (c: Record<string, unknown>) => (c.language = "fi"),
      /language: no message catalogue for "fi"/,
    ],
    ["a time zone that is not IANA", (c: Record<string, unknown>) => (c.timeZone = "Mexico/Nowhere"), /timeZone: /],
    [
      "a colour that is not one",
      (c: Record<string, unknown>) => ((c.colors as { link: string }).link = "green"),
      /colors\.link: /,
    ],
    ["a key it does not know", (c: Record<string, unknown>) => (c.colour = "#000"), /colour/],
    ["no sections", (c: Record<string, unknown>) => (c.sections = []), /sections: /],
    ["no name", (c: Record<string, unknown>) => delete c.name, /name: /],
    [
      "a fediverse handle without its server",
      (c: Record<string, unknown>) => ((c.social as Record<string, string>)["fediverse:creator"] = "@news"),
      /social\.fediverse:creator: /,
    ],
  ])("stops the server on %s, naming the key", (_case, change, key) => {
    expect(problemWith(change)).toMatch(key);
  });

  it("stops the server on a colour a reader cannot read on the page's paper (WCAG AA), naming the key and the ratio", () => {
    const message = problemWith((c) => {
      (c.colors as { kicker: string }).kicker = "#7fd1b0";
      (c.colors as { dark: { accent: string } }).dark.accent = "#1d4d3a";
    });
    expect(message).toMatch(/colors\.kicker: #7fd1b0 on the paper #fbfaf7 has contrast 1\.\d\d:1/);
    expect(message).toMatch(/colors\.dark\.accent: #1d4d3a on the paper #121212 has contrast \d\.\d\d:1/);
    expect(message).not.toMatch(/colors\.link/);
  });

  it.each([
    ["a font file that is not there", { file: "fonts/missing.woff2" }, /fonts\.0\.file: no file at .*missing\.woff2/],
    ["a font that is not WOFF", { file: "font.ttf" }, /fonts\.0\.file: a \.woff2 or \.woff file/],
    ["a unicode-range that is not one", { unicodeRange: "arabic" }, /fonts\.0\.unicodeRange: /],
    ["a font for no stack", { role: "mono" }, /fonts\.0\.role: /],
  ])("stops the server on %s, naming the key", (_case, change, key) => {
    const dir = mkdtempSync(join(tmpdir(), "site-config-"));
    const file = join(dir, "site.yaml");
    const icon = join(root, "src/test/site/faro-icon.svg");
    writeFileSync(
      file,
      stringify({ ...faro, icon, logo: icon, fonts: [{ ...faro.fonts[0], file: INTER, ...change }] }),
    );
    expect(() => readSiteConfig(file)).toThrow(key);
  });

  it("stops the server on an icon file that is not there", () => {
    const dir = mkdtempSync(join(tmpdir(), "site-config-"));
    const file = join(dir, "site.yaml");
    writeFileSync(
      file,
      stringify({ ...faro, icon: "missing.svg", logo: join(root, "src/test/site/faro-icon.svg"), fonts: [] }),
    );
    expect(() => readSiteConfig(file)).toThrow(/icon: no file at .*missing\.svg/);
  });

  it("knows which way the site's language runs", () => {
    const arabic = problemWithout((c) => (c.language = "ar-EG"));
    expect(arabic).toMatchObject({ language: "ar-EG", dir: "rtl" });
  });

  it("reads whether links to other sites say nofollow, no by default, and passes it to pages only when yes", () => {
    expect(readSiteConfig(faroFile).nofollowLinks).toBe(false);
    expect(browserSite(readSiteConfig(faroFile), "https://faro.example")).not.toHaveProperty("nofollowLinks");
    const nofollow = problemWithout((c) => (c.nofollowLinks = true));
    expect(browserSite(nofollow, "https://faro.example").nofollowLinks).toBe(true);
    expect(() => problemWithout((c) => (c.nofollowLinks = "yes"))).toThrow(/nofollowLinks/);
  });

  it("gives the browser only what pages show of it", () => {
    const site = browserSite(readSiteConfig(faroFile), "https://faro.example");
    expect(Object.keys(site).sort()).toEqual(
      [
        "description",
        "dir",
        "footerLinks",
        "language",
        "locale",
        "name",
        "publisher",
        "social",
        "tagline",
        "timeZone",
        "url",
      ].sort(),
    );
  });

  it("reads colours against the paper global.css paints", () => {
    const css = readFileSync(join(root, "src/app/global.css"), "utf8");
    const papers = [...css.matchAll(/--paper: (#[0-9a-f]+);/g)].map((match) => match[1]);
    expect(papers).toEqual([PAPER.light, PAPER.dark]);
    // The WCAG formula, at its ends and at a known pair.
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });
});

/** The faro config with `change` applied, as read. */
function problemWithout(change: (config: Record<string, unknown>) => void) {
  const config = structuredClone(faro);
  change(config);
  const dir = mkdtempSync(join(tmpdir(), "site-config-"));
  const file = join(dir, "site.yaml");
  config.logo = config.icon = join(root, "src/test/site/faro-icon.svg");
  config.fonts = config.fonts.map((font: object) => ({ ...font, file: INTER }));
  writeFileSync(file, stringify(config));
  return readSiteConfig(file);
}
