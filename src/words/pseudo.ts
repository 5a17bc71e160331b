// The pseudo-locale: every message of a catalogue with its letters accented and set between ⟦ ⟧,
// its `{name}`s kept. A page rendered with it shows at a glance, and to a test, any word that did
// not come from the catalogue.
import type { Catalogue, Plural } from "./catalogue";

const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."aeiouycnsAEIOUYCNS"].map((letter, index) => [letter, [..."áéíóúýçñšÁÉÍÓÚÝÇÑŠ"][index] ?? letter]),
);

export const PSEUDO_OPEN = "⟦";
export const PSEUDO_CLOSE = "⟧";

const accent = (message: string) =>
  message
    .split(/(\{\w+\})/)
    .map((part, index) => (index % 2 ? part : part.replace(/[a-zA-Z]/g, (letter) => ACCENTED[letter] ?? letter)))
    .join("");

const wrap = (message: string) => `${PSEUDO_OPEN}${accent(message)}${PSEUDO_CLOSE}`;

export function pseudo(catalogue: Catalogue): Catalogue {
  return Object.fromEntries(
    Object.entries(catalogue).map(([key, message]) => [
      key,
      typeof message === "string"
        ? wrap(message)
        : Object.fromEntries(Object.entries(message as Plural).map(([form, text]) => [form, wrap(text)])),
    ]),
  ) as unknown as Catalogue;
}
