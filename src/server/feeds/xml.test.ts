// The XML builder's escaping on its own: what a story can no longer hold (the story schema refuses
// control characters) is still dropped here, so a document stays well-formed whatever it is given.
import { describe, expect, it } from "vitest";
import { el, escapeText } from "./xml";

describe("escapeText", () => {
  it("drops characters XML cannot carry and escapes markup", () => {
    expect(escapeText("a\u0007b\u0000c\ud800d ]]> <x> & \r")).toBe("abcd ]]&gt; &lt;x&gt; &amp; &#13;");
  });

  it("keeps tabs, line feeds and any real character", () => {
    expect(escapeText("a\tb\nc é 日本 😀")).toBe("a\tb\nc é 日本 😀");
  });
});

describe("el", () => {
  it("writes attribute values without the characters XML cannot carry", () => {
    expect(String(el("link", { href: '/x?a=1&b=\u0007"2"' }))).toBe('<link href="/x?a=1&amp;b=&quot;2&quot;"/>');
  });
});
