// Embedded posts (block type "embed", docs/decisions/045): a post from another platform, quoted
// in a story with its words, who posted it and when, and a link to the original. The page never
// loads the platform's script or frame: the post is stored as the editor typed or pasted it. Not to
// be confused with model/embed.ts, the site's own video player offered to other sites.
// Types and pure helpers only (the newsroom recognises a URL as it is typed); the schema is in
// story.ts.

/** The platforms a post may come from, by their own names (proper nouns, not words to translate). */
export const EMBED_PROVIDER_NAMES = {
  x: "X",
  instagram: "Instagram",
  tiktok: "TikTok",
  bluesky: "Bluesky",
  threads: "Threads",
  facebook: "Facebook",
  mastodon: "Mastodon",
} as const;

/**
 * The hosts each platform's posts are on (a leading `www.` aside). Apart from the names, so that the
 * reader's script, which only names a platform, does not carry them.
 */
export const EMBED_PROVIDER_HOSTS: Record<EmbedProvider, readonly string[]> = {
  x: ["x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com"],
  instagram: ["instagram.com"],
  tiktok: ["tiktok.com", "vm.tiktok.com"],
  bluesky: ["bsky.app"],
  threads: ["threads.net", "threads.com"],
  facebook: ["facebook.com", "m.facebook.com", "fb.watch"],
  // Mastodon has no one host: the large public servers are named here; another is one line more.
  mastodon: [
    "mastodon.social",
    "mastodon.online",
    "mastodon.world",
    "mas.to",
    "mstdn.social",
    "mastodon.cloud",
    "hachyderm.io",
    "fosstodon.org",
    "infosec.exchange",
    "journa.host",
    "newsie.social",
  ],
};

export type EmbedProvider = keyof typeof EMBED_PROVIDER_NAMES;
export const EMBED_PROVIDER_IDS = Object.keys(EMBED_PROVIDER_NAMES) as [EmbedProvider, ...EmbedProvider[]];

/** How long a post's address may be. */
export const MAX_EMBED_URL = 2_048;

/** Why a post's address cannot be embedded, or the platform it is on. */
export type EmbedUrlCheck =
  | { provider: EmbedProvider }
  | { problem: "notUrl" | "notHttps" | "unknownHost"; host?: string };

/**
 * The platform a post's address is on, by its host (a leading `www.` aside), or why it is none:
 * not an absolute URL (or one with white space, a backslash, a user name or a port, which URL
 * parsers rewrite or which no platform uses), not https, or a host no platform here is on.
 */
export function embedUrlProvider(value: string): EmbedUrlCheck {
  if (value.length > MAX_EMBED_URL || /[\s\\]/.test(value) || !URL.canParse(value)) return { problem: "notUrl" };
  const url = new URL(value);
  if (url.protocol !== "https:") return { problem: "notHttps" };
  if (url.username || url.password || url.port) return { problem: "notUrl" };
  const host = url.hostname.toLowerCase().replace(/^www\./, "");
  for (const id of EMBED_PROVIDER_IDS) if (EMBED_PROVIDER_HOSTS[id].includes(host)) return { provider: id };
  return { problem: "unknownHost", host: url.hostname };
}

/** The platform's name, as the reader sees it ("View on Instagram"). */
export const providerName = (provider: EmbedProvider): string => EMBED_PROVIDER_NAMES[provider];
