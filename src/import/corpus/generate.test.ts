// The generator of scraped-text variants: seeded, thousands of stories, each variant's expected
// parse made of what its text says, and the conventions of other outlets all present.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readCorpus } from "../plainText/corpus";
import { generateVariants, isGeneratedHoldOut } from "./generate";

const tuning = readCorpus(resolve("src/import/corpus"), "tuning", () => ({ width: 1, height: 1 }));
const variants = generateVariants(tuning, { seed: 7, perStory: 60 });
const texts = variants.map((variant) => variant.text);
const flat = (text: string) => text.replace(/\s+/gu, " ");
const share = (test: (text: string) => boolean) => texts.filter(test).length / texts.length;

describe("generateVariants", () => {
  it("renders each story of the corpus as many times as asked, in thousands of stories", () => {
    expect(variants).toHaveLength(tuning.length * 60);
    expect(variants.length).toBeGreaterThan(2_000);
    expect(variants[0]?.name).toBe(`${tuning[0]?.name}~0`);
    expect(new Set(texts).size).toBeGreaterThan(variants.length * 0.95);
  });

  it("gives the same stories for the same seed, and others for another", () => {
    const again = generateVariants(tuning, { seed: 7, perStory: 60 });
    expect(again).toEqual(variants);
    const other = generateVariants(tuning, { seed: 8, perStory: 60 }).map((variant) => variant.text);
    expect(other.filter((text, i) => text !== texts[i]).length).toBeGreaterThan(variants.length / 2);
  });

  it("expects only what each variant's text says: every expected text is in it, in order", () => {
    for (const { text, expected } of variants) {
      const page = flat(text);
      let at = page.indexOf(expected.headline);
      expect(at, expected.headline).toBeGreaterThanOrEqual(0);
      for (const block of expected.body) {
        const said =
          block.type === "related"
            ? block.headline
            : block.type === "image"
              ? block.src
              : "text" in block
                ? block.text
                : "";
        if (!said) continue;
        const found = page.indexOf(said, at);
        expect(found, `${said} after ${page.slice(at - 40, at)}`).toBeGreaterThanOrEqual(0);
        at = found;
      }
      for (const author of expected.authors ?? []) expect(page.toLowerCase()).toContain(author.toLowerCase());
    }
  });

  it("holds out every variant of about a fifth of the stories", () => {
    const heldOut = tuning.filter((story) => isGeneratedHoldOut(story.name)).length;
    expect(heldOut / tuning.length).toBeGreaterThan(0.1);
    expect(heldOut / tuning.length).toBeLessThan(0.35);
  });

  it.each([
    ["an Instagram embed", /View this post on Instagram\n\n[^\n]+\n\nA post shared by/u],
    ["an X post", /pic\.twitter\.com\/\w+\n— [^\n]+\(@\w+\)/u],
    ["a TikTok embed", /^@[\w.]+\n\n[^\n]+\n\n♬ original sound - /mu],
    ["a Facebook post", /\n\nPosted by [^\n]+ on \w+day, /u],
    ["a YouTube player's leftovers", /^(?:Watch on YouTube|YouTube video player|Watch later)$/mu],
    ["a video marker in Spanish", /^(?:Mira el|Puedes ver|En el siguiente video|Dale play|Aquí el video)/mu],
    ["a video marker in French", /^(?:Regardez|Voir la vidéo|La vidéo ci-dessous|Découvrez)/mu],
    ["a video marker in German", /^(?:Sehen Sie|Hier sehen Sie|Im Video unten|Schauen Sie)/mu],
    ["a video marker in Portuguese", /^(?:Assista|Veja o vídeo|Confira|Clique no play)/mu],
    ["a video marker as a full sentence", /^See the video below for the full speech\.$/mu],
    ["a numbered list", /^1\. [^\n]+\n(?:\n)?2\. /mu],
    ["a bulleted list", /^• [^\n]+\n(?:\n)?• /mu],
    ["a related box", /^More from [^\n]+\n(?:\n)?\p{Lu}[^\n]+$/mu],
    ["a translated related label", /^(?:LEER MÁS|LIRE AUSSI|MEHR ZUM THEMA|LEIA TAMBÉM|LEGGI ANCHE):/mu],
    ["a wire byline", /^By [^\n|]+ \| /mu],
    ["a wire dateline", /^[A-ZÁÉÍ ]+ \([^)]+\) — /mu],
    ["a photo credit", /^(?:Photo|Credit|Photograph): /mu],
    ["an ad label", /^(?:Advertisement|ADVERTISEMENT|Anzeige|Werbung|Publicidad|Publicité)$/mu],
    ["a byline in another language", /^(?:Por|Par|Von|di) \p{Lu}/mu],
    ["a byline with a job title", /^By [^\n,]+, (?:Staff Reporter|Senior Showbiz Reporter|Health correspondent)$/mu],
    ["a dateline in another language", /^(?:Publicado:|Publié le|Veröffentlicht am|Pubblicato il) /mu],
    ["a dateline with a zone", /^Published \d{1,2}:\d{2} [AP]M CET, /mu],
    ["an update time beside the first publication", /^Updated: [^\n|]+ \| Published: /mu],
    ["a kicker on a line of its own", /^\p{Lu}[^\n]{0,30}\n\n\p{Lu}[^\n]+\n/u],
    ["a player's leftovers", /^(?:Play Video|▶ Video|Video abspielen|Click to play)$/mu],
  ])("renders %s", (_, form) => {
    expect(share((text) => form.test(text))).toBeGreaterThan(0);
  });
});
