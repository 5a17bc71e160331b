// A kicker typed in capitals ("WATCH") is given back in ordinary case ("Watch"): pages set kickers
// in capitals with CSS, and a screen reader may spell a word typed in capitals letter by letter.
// Importers keep writing what the source says; the store gives every reader this form.

/** Words of up to three letters typed in capitals are most likely initials (UK, NHS): kept. */
const INITIALS = /^\p{Lu}{1,3}$/u;

/** The kicker in ordinary case when it was typed all in capitals; as typed otherwise. */
export function kickerCase(kicker: string): string {
  if (/\p{Ll}/u.test(kicker) || !/\p{Lu}/u.test(kicker)) return kicker;
  const words = kicker.split(/(\s+)/).map((word) => (INITIALS.test(word) ? word : word.toLowerCase()));
  const text = words.join("");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
