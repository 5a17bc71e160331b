// The date forms feeds and sitemaps write.

/** RSS dates are RFC 822; toUTCString writes its RFC 1123 form, which every reader accepts. */
export const rfc822 = (date: string | Date): string => new Date(date).toUTCString();

/** Sitemaps take W3C datetimes. */
export const w3cDate = (iso: string): string => new Date(iso).toISOString();

/** The later of two ISO times (which may carry different offsets). */
export const later = (a: string | undefined, b: string): string => (a && Date.parse(a) >= Date.parse(b) ? a : b);
