// Which way a line of text runs on the card: by its first letter (the rule of HTML's dir="auto",
// with letters of the right-to-left scripts standing for the strong right-to-left characters).
const FIRST_LETTER = /\p{L}/u;
const RIGHT_TO_LEFT =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/u;

export function textDirection(text: string): "ltr" | "rtl" {
  const letter = text.match(FIRST_LETTER)?.[0];
  return letter && RIGHT_TO_LEFT.test(letter) ? "rtl" : "ltr";
}
