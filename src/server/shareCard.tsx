// A story's share card: the 1200×630 PNG that social platforms show for a shared link.
// Laid out as JSX by satori (to SVG), painted by resvg (to PNG), entirely from local files.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { resolve, sep } from "node:path";
import { renderAsync } from "@resvg/resvg-js";
import { imageSize } from "image-size";
import type { CSSProperties } from "react";
import satori, { type Font } from "satori";
import { SITE_NAME } from "../head/head";
import { SHARE_CARD_SIZE } from "../head/storyHead";
import type { Story, VideoBlock } from "../model/story";

export const SHARE_CARD = SHARE_CARD_SIZE;

/** What a card shows, with its picture already read into a data URL. */
export interface ShareCardContent {
  section: string;
  kicker?: string;
  headline: string;
  /** A data URL of the lead image or video poster. */
  picture?: string;
  hasVideo: boolean;
  /** The site's host name, as the card's byline: the card may travel without its link. */
  host: string;
}

const colors = { paper: "#fbfaf7", ink: "#141414", muted: "#555049", rule: "#b9b3a8", accent: "#b3261e" };

const PADDING = 56;
const ACCENT_BAR = 10;
const PICTURE_WIDTH = 500;
/** The height between masthead and footer, where the kicker and the headline go. */
const STORY_BLOCK_HEIGHT = 340;
const STORY_BLOCK_GAP = 22;
const KICKER_HEIGHT = 38;
const HEADLINE_LINE_HEIGHT = 1.1;
const SMALLEST_HEADLINE = 38;
const HEADLINE_SIZES = [88, 76, 68, 60, 54, 48, 42, SMALLEST_HEADLINE] as const;
/** Source Serif 4 Bold: the width of an average headline character, in ems (measured on the demo headlines). */
const SERIF_CHAR_WIDTH = 0.5;
/** Lines break between words, so they run short of the full measure. */
const WRAP_SLACK = 1.15;

// Pictures beyond these are not worth decoding for a card (and could exhaust memory).
const MAX_PICTURE_BYTES = 8 * 1024 * 1024;
const MAX_PICTURE_SIDE = 8000;

export async function shareCardContent(story: Story, publicDir: string): Promise<ShareCardContent> {
  return {
    section: story.section.name,
    kicker: story.kicker,
    headline: story.headline,
    picture: await firstReadablePicture(sharePictureSources(story), publicDir),
    hasVideo: story.hasVideo,
    host: new URL(story.url).host,
  };
}

/** Where a card may take its picture from: the lead image first, then the poster of the first video. */
export function sharePictureSources(story: Story): string[] {
  const video = story.body.find((block): block is VideoBlock => block.type === "video" && block.poster !== undefined);
  return [story.image?.src, video?.poster].filter((src): src is string => src !== undefined);
}

async function firstReadablePicture(sources: string[], publicDir: string): Promise<string | undefined> {
  for (const src of sources) {
    const dataUrl = await readPublicPicture(publicDir, src);
    if (dataUrl) return dataUrl;
  }
  return undefined;
}

/** A JPEG or PNG from the public folder as a data URL; undefined for anything else, missing or too big. */
export async function readPublicPicture(publicDir: string, src: string): Promise<string | undefined> {
  const path = publicFilePath(publicDir, src);
  if (!path) return undefined;
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_PICTURE_BYTES) return undefined;
    const { type, width, height } = imageSize(bytes);
    if (Math.max(width, height) > MAX_PICTURE_SIDE) return undefined;
    const mime = type === "jpg" ? "image/jpeg" : type === "png" ? "image/png" : undefined;
    return mime && `data:${mime};base64,${bytes.toString("base64")}`;
  } catch {
    return undefined;
  }
}

/** The file a site path ("/media/x.jpg") names inside the public folder; never a path outside it, never a URL. */
function publicFilePath(publicDir: string, src: string): string | undefined {
  if (!src.startsWith("/") || src.startsWith("//")) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(src, "http://site.invalid").pathname);
  } catch {
    return undefined;
  }
  const root = resolve(publicDir);
  const path = resolve(root, `.${pathname}`);
  return path.startsWith(root + sep) ? path : undefined;
}

export async function renderShareCard(content: ShareCardContent): Promise<Buffer> {
  const svg = await satori(<ShareCard {...content} />, { ...SHARE_CARD, fonts: await cardFonts() });
  const png = await renderAsync(svg, { fitTo: { mode: "original" }, font: { loadSystemFonts: false } });
  return png.asPng();
}

function ShareCard({ section, kicker, headline, picture, hasVideo, host }: ShareCardContent) {
  const box = headlineBox(Boolean(picture), Boolean(kicker));
  return (
    <div style={cardStyle}>
      <div style={textPanelStyle}>
        <Masthead section={section} />
        <div style={storyBlockStyle}>
          {kicker && <Kicker text={kicker} />}
          <Headline {...fitHeadline(headline, box)} />
        </div>
        <div style={footerStyle}>{host}</div>
      </div>
      {picture && <Picture src={picture} hasVideo={hasVideo} />}
    </div>
  );
}

function Masthead({ section }: { section: string }) {
  return (
    <div style={mastheadStyle}>
      <span style={{ fontFamily: SERIF, fontSize: 40, fontWeight: 700, lineHeight: 1 }}>{SITE_NAME}</span>
      <span style={sectionStyle}>{section}</span>
    </div>
  );
}

function Kicker({ text }: { text: string }) {
  return (
    <div style={{ display: "flex" }}>
      <span style={kickerStyle}>{text}</span>
    </div>
  );
}

function Headline({ text, fontSize, lines }: FittedHeadline) {
  return (
    <div
      style={{
        fontFamily: SERIF,
        fontSize,
        fontWeight: 700,
        lineHeight: `${headlineLineHeight(fontSize)}px`,
        overflowWrap: "anywhere",
        // Satori's balanced wrapping misplaces breaks once a line clamp is set; "pretty" does not.
        textWrap: "pretty",
        lineClamp: lines,
        textOverflow: "ellipsis",
      }}
    >
      {text}
    </div>
  );
}

/** Where the headline is set: what the masthead, the kicker, the footer and the picture leave of the card. */
function headlineBox(hasPicture: boolean, hasKicker: boolean): { width: number; height: number } {
  return {
    width: SHARE_CARD.width - (hasPicture ? PICTURE_WIDTH : 0) - 2 * PADDING,
    height: STORY_BLOCK_HEIGHT - (hasKicker ? KICKER_HEIGHT + STORY_BLOCK_GAP : 0),
  };
}

export interface FittedHeadline {
  text: string;
  fontSize: number;
  /** The most lines the box holds at this size. */
  lines: number;
}

/**
 * The headline at the largest size at which it is expected to fit its box, cut at a word with an
 * ellipsis when it fits at no size. Satori cannot shrink text to fit, so the length is estimated
 * from an average character width; the line clamp still guards the box if an estimate runs short.
 */
export function fitHeadline(headline: string, box: { width: number; height: number }): FittedHeadline {
  const length = [...headline].length;
  const at = (fontSize: number) => {
    const lines = Math.max(1, Math.floor(box.height / headlineLineHeight(fontSize)));
    const charsPerLine = box.width / (fontSize * SERIF_CHAR_WIDTH);
    return { fontSize, lines, capacity: Math.floor((lines * charsPerLine) / WRAP_SLACK) };
  };
  const fitting = HEADLINE_SIZES.map(at).find((size) => length <= size.capacity);
  if (fitting) return { text: headline, fontSize: fitting.fontSize, lines: fitting.lines };
  const smallest = at(SMALLEST_HEADLINE);
  return { text: cutAtWord(headline, smallest.capacity), fontSize: smallest.fontSize, lines: smallest.lines };
}

const headlineLineHeight = (fontSize: number) => Math.round(fontSize * HEADLINE_LINE_HEIGHT);

function cutAtWord(text: string, maxChars: number): string {
  const cut = [...text].slice(0, Math.max(1, maxChars - 1)).join("");
  const lastSpace = cut.lastIndexOf(" ");
  // A cut inside one very long word keeps the word's start rather than losing the whole line.
  const words = lastSpace > cut.length * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${words.trimEnd()}\u2026`;
}

function Picture({ src, hasVideo }: { src: string; hasVideo: boolean }) {
  return (
    <div style={pictureFrameStyle}>
      <img src={src} alt="" width={PICTURE_WIDTH} height={SHARE_CARD.height} style={{ objectFit: "cover" }} />
      {hasVideo && <PlayBadge />}
    </div>
  );
}

/** Tells a reader the story has a video to play. */
function PlayBadge() {
  return (
    <div style={playBadgeStyle}>
      <svg width="44" height="44" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M8 5v14l11-7z" fill="#fff" />
      </svg>
    </div>
  );
}

// Latin first; the other subsets cover names and quotes in Greek, Cyrillic and Vietnamese. Satori
// falls back only across fonts of different names, so each subset is registered under its own.
const FONT_SUBSETS = ["latin", "latin-ext", "greek", "cyrillic", "vietnamese"] as const;

const subsetFontName = (family: string, subset: string) => (subset === "latin" ? family : `${family} ${subset}`);

/** A CSS font-family of every subset of one family, so that text falls back within that family first. */
function fontStack(family: string): string {
  return FONT_SUBSETS.map((subset) => `"${subsetFontName(family, subset)}"`).join(", ");
}

const SERIF_NAME = "Source Serif 4";
const SANS_NAME = "Inter";
const SERIF = fontStack(SERIF_NAME);
const SANS = fontStack(SANS_NAME);

const cardStyle: CSSProperties = {
  display: "flex",
  width: "100%",
  height: "100%",
  backgroundColor: colors.paper,
  color: colors.ink,
  fontFamily: SANS,
};

const textPanelStyle: CSSProperties = {
  display: "flex",
  flexDirection: "column",
  flexGrow: 1,
  borderTop: `${ACCENT_BAR}px solid ${colors.accent}`,
  padding: `${PADDING - ACCENT_BAR}px ${PADDING}px ${PADDING - 12}px`,
};

const mastheadStyle: CSSProperties = {
  display: "flex",
  alignItems: "baseline",
  gap: 20,
  paddingBottom: 16,
  borderBottom: `4px double ${colors.rule}`,
};

const storyBlockStyle: CSSProperties = {
  display: "flex",
  flexDirection: "column",
  justifyContent: "center",
  gap: STORY_BLOCK_GAP,
  height: STORY_BLOCK_HEIGHT,
  marginTop: "auto",
  marginBottom: "auto",
  overflow: "hidden",
};

const footerStyle: CSSProperties = {
  display: "flex",
  paddingTop: 14,
  borderTop: `1px solid ${colors.rule}`,
  fontSize: 22,
  color: colors.muted,
};

const sectionStyle: CSSProperties = {
  fontSize: 22,
  fontWeight: 700,
  letterSpacing: 2,
  textTransform: "uppercase",
  color: colors.muted,
};

const kickerStyle: CSSProperties = {
  display: "flex",
  height: KICKER_HEIGHT,
  alignItems: "center",
  padding: "0 14px",
  backgroundColor: colors.accent,
  color: "#fff",
  fontSize: 22,
  fontWeight: 700,
  letterSpacing: 2,
  textTransform: "uppercase",
};

const pictureFrameStyle: CSSProperties = {
  display: "flex",
  position: "relative",
  alignItems: "center",
  justifyContent: "center",
  width: PICTURE_WIDTH,
  height: SHARE_CARD.height,
  flexShrink: 0,
  // Shows, rather than paper, where a picture fails to decode.
  backgroundColor: colors.ink,
};

const playBadgeStyle: CSSProperties = {
  position: "absolute",
  display: "flex",
  alignItems: "center",
  justifyContent: "center",
  width: 88,
  height: 88,
  paddingLeft: 6,
  borderRadius: 44,
  backgroundColor: "rgba(20, 20, 20, 0.72)",
  border: "3px solid rgba(255, 255, 255, 0.9)",
};

let fonts: Promise<Font[]> | undefined;

/** Read once: satori also caches its parsed fonts per font object. */
function cardFonts(): Promise<Font[]> {
  fonts ??= loadCardFonts().catch((error: unknown) => {
    fonts = undefined;
    throw error;
  });
  return fonts;
}

async function loadCardFonts(): Promise<Font[]> {
  const require = createRequire(import.meta.url);
  const load = async (family: string, pkg: string, subset: string, weight: 400 | 700): Promise<Font> => {
    const file = require.resolve(`@fontsource/${pkg}/files/${pkg}-${subset}-${weight}-normal.woff`);
    return { name: subsetFontName(family, subset), data: await readFile(file), weight, style: "normal" };
  };
  return Promise.all(
    FONT_SUBSETS.flatMap((subset) => [
      load(SERIF_NAME, "source-serif-4", subset, 700),
      load(SANS_NAME, "inter", subset, 400),
      load(SANS_NAME, "inter", subset, 700),
    ]),
  );
}
