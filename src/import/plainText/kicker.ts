// The kicker: a label a page sets before or after the headline ("WATCH:", "[WATCH]", "| Analysis",
// "(VIDEO)", "// Photos"), in any casing. A label is a kicker when it is one of the words desks use
// for kickers, or, before the headline, a shouted word or two (ALL CAPS) and a colon or bar.
import { TEXT_LIMITS } from "../../model/story";

const KICKER_WORDS = new Set([
  "ANALYSIS",
  "BREAKING",
  "BREAKING NEWS",
  "COMMENT",
  "EDITORIAL",
  "EXCLUSIVE",
  "EXPLAINED",
  "EXPLAINER",
  "FACT CHECK",
  "FEATURE",
  "GALLERY",
  "INTERVIEW",
  "JUST IN",
  "LISTEN",
  "LIVE",
  "LIVE BLOG",
  "LIVE UPDATES",
  "OPINION",
  "PHOTO",
  "PHOTOS",
  "PICTURES",
  "PODCAST",
  "REVIEW",
  "UPDATE",
  "UPDATED",
  "VIDEO",
  "VIDEOS",
  "WATCH",
  "WATCH LIVE",
  // Spanish, French, German, Portuguese and Italian desks' words.
  "ANÁLISIS",
  "ANALYSE",
  "ANÁLISE",
  "ANALISI",
  "ÚLTIMA HORA",
  "URGENT",
  "URGENTE",
  "EILMELDUNG",
  "EXCLUSIVA",
  "EXCLUSIVO",
  "EXCLUSIF",
  "EXKLUSIV",
  "ESCLUSIVA",
  "EN VIVO",
  "EN DIRECTO",
  "EN DIRECT",
  "AO VIVO",
  "IN DIRETTA",
  "VÍDEO",
  "VÍDEOS",
  "VIDÉO",
  "VIDÉOS",
  "FOTOS",
  "BILDER",
  "IMAGENS",
  "MIRA",
  "REGARDEZ",
  "ASSISTA",
  "OPINIÓN",
  "MEINUNG",
  "OPINIÃO",
]);

export const normalizeKicker = (label: string): string => label.trim().replace(/\s+/g, " ").toUpperCase();
const isKickerWord = (label: string): boolean => KICKER_WORDS.has(normalizeKicker(label));

/** An ALL-CAPS word or two ("WATCH", "COUNCIL VOTE"), in any script that has capitals. */
function isShouted(label: string): boolean {
  return (
    label.length >= 2 &&
    label.length <= TEXT_LIMITS.kicker &&
    label.split(/\s+/).length <= 3 &&
    label.split(/\s+/).every((word) => /^\p{Lu}[\p{Lu}\p{N}&'’.-]*$/u.test(word))
  );
}

export interface KickerSplit {
  kicker?: string;
  headline: string;
  /** Why the line was split (or not), for --explain. */
  why: string;
}

const PREFIX_FORMS: [RegExp, string][] = [
  [/^\[\s*(?<label>[^[\]]+?)\s*\]\s*(?<headline>\S.*)$/su, "in brackets before the headline"],
  [/^(?<label>[^\s:|/]+(?:\s+[^\s:|/]+){0,2})\s*(?::|\||\/\/)\s+(?<headline>\S.*)$/su, "before a colon or bar"],
];
const SUFFIX_FORMS: [RegExp, string][] = [
  [/^(?<headline>.*?\S)\s*(?:\||\/\/)\s*(?<label>[^|/]+)$/su, "after a bar"],
  [/^(?<headline>.*?\S)\s+[-–—]\s*(?<label>[^-–—]+)$/su, "after a dash"],
  [/^(?<headline>.*?\S)\s*\(\s*(?<label>[^()]+?)\s*\)$/su, "in parentheses"],
  [/^(?<headline>.*?\S)\s*\[\s*(?<label>[^[\]]+?)\s*\]$/su, "in brackets"],
];

export function splitKicker(line: string): KickerSplit {
  for (const [form, where] of PREFIX_FORMS) {
    const { label = "", headline = "" } = form.exec(line)?.groups ?? {};
    if (!headline) continue;
    if (isKickerWord(label)) return { kicker: normalizeKicker(label), headline, why: `kicker word ${where}` };
    if (isShouted(label) && !where.startsWith("in"))
      return { kicker: normalizeKicker(label), headline, why: `shouted label ${where}` };
  }
  for (const [form, where] of SUFFIX_FORMS) {
    const { label = "", headline = "" } = form.exec(line)?.groups ?? {};
    if (headline && isKickerWord(label))
      return { kicker: normalizeKicker(label), headline, why: `kicker word ${where}` };
  }
  return { headline: line, why: "no kicker word or shouted label around it" };
}
