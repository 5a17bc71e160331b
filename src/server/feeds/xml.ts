// A tiny XML builder for feeds and sitemaps. Text is escaped by default: only what this module
// builds is ever written as markup, so story text cannot become tags whatever it contains.

/** Markup this module built; a plain string given as a child is always written as text. */
export class Markup {
  readonly #xml: string;
  constructor(xml: string) {
    this.#xml = xml;
  }
  toString(): string {
    return this.#xml;
  }
}

export type Child = Markup | string | false | null | undefined;
export type Attributes = Record<string, string | number | undefined>;

// Characters XML 1.0 cannot carry at all, not even as references (controls, lone surrogates,
// U+FFFE/U+FFFF): dropped, so the document stays well-formed.
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const textEntities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  // ">" is escaped too, so "]]>" in text can never appear literally.
  ">": "&gt;",
  // Written as a reference, or a parser would normalise it away.
  "\r": "&#13;",
};
// Attribute values are always in double quotes; whitespace other than spaces would be normalised.
const attributeEntities: Record<string, string> = { ...textEntities, '"': "&quot;", "\n": "&#10;", "\t": "&#9;" };

export const escapeText = (text: string): string =>
  text.replace(notXmlChar, "").replace(/[&<>\r]/g, (c) => textEntities[c] ?? c);

const escapeAttribute = (value: string): string =>
  value.replace(notXmlChar, "").replace(/[&<>"\r\n\t]/g, (c) => attributeEntities[c] ?? c);

/** An element; attributes left undefined are omitted, and an element without children closes itself. */
export function el(name: string, attributes: Attributes = {}, ...children: Child[]): Markup {
  const attrs = attributeList(attributes);
  const content = fragment(...children).toString();
  return new Markup(content ? `<${name}${attrs}>${content}</${name}>` : `<${name}${attrs}/>`);
}

function attributeList(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(String(value))}"`)
    .join("");
}

/** Several children side by side, without an element around them. */
export function fragment(...children: Child[]): Markup {
  return new Markup(
    children
      .filter((child) => child !== false && child !== null && child !== undefined)
      .map((child) => (child instanceof Markup ? child.toString() : escapeText(child)))
      .join(""),
  );
}

export function xmlDocument(root: Markup): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
}

/**
 * A document written as it is read: the declaration and the root's start tag, then each run of
 * children as it comes, then the end tag. For lists too long to build whole (sitemaps).
 */
export async function* xmlDocumentStream(
  root: string,
  attributes: Attributes,
  children: AsyncIterable<Markup>,
): AsyncGenerator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${attributeList(attributes)}>`;
  for await (const run of children) yield run.toString();
  yield `</${root}>\n`;
}
