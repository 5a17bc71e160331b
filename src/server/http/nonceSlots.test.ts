// The kept page's nonce slots: a fresh nonce written into the plain and the gzip bytes must read
// back, through a real gunzip (which checks the CRC-32 and the length), as the page with that nonce.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { freshNonce, gzipWithNonce, gzipWithSlots, NONCE_LENGTH, plainWithNonce, withoutNonce } from "./nonceSlots";

const page = (nonce: string, text: string) =>
  `<script nonce="${nonce}" type="module" src="/a.js"></script>${text}<script nonce="${nonce}">go()</script>${text}<link rel="modulepreload" nonce="${nonce}" href="/b.js">`;

describe("nonce slots", () => {
  it("gives a fresh 22-character base64url nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, freshNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(new RegExp(`^[\\w-]{${NONCE_LENGTH}}$`));
  });

  it("keeps a page the same whatever nonce it was made with", () => {
    const text = "<p>The harbour wall, the harbour wall.</p>".repeat(50);
    const [a, b] = [freshNonce(), freshNonce()];
    const first = withoutNonce(Buffer.from(page(a, text)), a);
    const second = withoutNonce(Buffer.from(page(b, text)), b);
    expect(first.slots).toHaveLength(3);
    expect(first.body.equals(second.body)).toBe(true);
    expect(first.body.toString()).not.toContain(a);
  });

  it.each([
    ["a short page", "<p>x</p>"],
    ["a page longer than deflate's window", "<p>Ferry crew pulls kayakers from the sound.</p>".repeat(2000)],
    ["text that is not ASCII", "<p>Port Merrow’s £48m wall — «ça va» 🌊</p>".repeat(300)],
  ])("sends %s plain and gzip with each answer's nonce", (_name, text) => {
    const made = freshNonce();
    const slotted = withoutNonce(Buffer.from(page(made, text)), made);
    const gzip = gzipWithSlots(slotted);
    if (!gzip) throw new Error("no gzip form");
    for (const nonce of [freshNonce(), freshNonce(), "-".repeat(NONCE_LENGTH), "_".repeat(NONCE_LENGTH)]) {
      const expected = page(nonce, text);
      expect(plainWithNonce(slotted, nonce).toString()).toBe(expected);
      expect(gunzipSync(gzipWithNonce(gzip, nonce)).toString()).toBe(expected);
    }
  });

  it("compresses a real page about as well as one gzip stream", () => {
    const template = readFileSync(join(import.meta.dirname, "../../../index.html"), "utf8");
    const text = `${template}${"<p>The council backed the flood wall on Tuesday.</p>".repeat(400)}`;
    const nonce = freshNonce();
    const html = Buffer.from(page(nonce, text));
    const oneStream = gzipSync(html).length;
    const gzip = gzipWithSlots(withoutNonce(html, nonce));
    expect(gzip?.bytes.length).toBeLessThan(oneStream * 1.05 + 100);
  });

  it("leaves a page without nonces as it is", () => {
    const html = Buffer.from("<p>No scripts here.</p>");
    const slotted = withoutNonce(Buffer.from(html), freshNonce());
    expect(slotted.slots).toEqual([]);
    const gzip = gzipWithSlots(slotted);
    if (!gzip) throw new Error("no gzip form");
    expect(gunzipSync(gzipWithNonce(gzip, freshNonce())).toString()).toBe(html.toString());
  });
});
