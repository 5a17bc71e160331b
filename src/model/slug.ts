import transliterate from "@sindresorhus/transliterate";

/**
 * The URL form of a name, in any script: "Café Society!" → "cafe-society", "Зимний рейс" →
 * "zimniy-reys". Latin letters lose their accents; Cyrillic, Greek, Arabic and other scripts the
 * transliteration library knows are written in Latin letters. Words in a script it cannot write
 * (Chinese, Japanese, Korean, Devanagari, Thai, Hebrew…) would vanish, so the name's own fingerprint
 * is added instead: the same name always gives the same slug (an author's stories stay together),
 * and two different names in such a script do not share one.
 */
export function slugify(name: string): string {
  const latin = name.replace(/[^\p{Script=Latin}\p{N}\p{P}\p{Z}\p{S}]+/gu, (run) => transliterate(run));
  const words = toSlug(latin);
  if (!/\p{L}/u.test(latin.normalize("NFKD").replace(/[\p{Script=Latin}\p{M}]/gu, ""))) return words;
  return toSlug(`${words.slice(0, 100)} ${fingerprint(name.normalize("NFC").trim())}`);
}

function toSlug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/, "");
}

/** 64 bits of FNV-1a over the name's UTF-16 code units (two 32-bit passes), in base 36. */
function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193) >>> 0;
    b = Math.imul(b ^ unit ^ (i & 0xff), 0x01000193) >>> 0;
  }
  return `${a.toString(36)}${b.toString(36)}`;
}
