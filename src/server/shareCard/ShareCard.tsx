// A story's share card: the 1200×630 PNG social platforms show for a shared link. Laid out as
// JSX by satori (to SVG), painted by resvg (to PNG), entirely from local files. Runs on a card
// worker thread (cardWorker.ts), never on the server's main thread.
import { Resvg } from "@resvg/resvg-js";
import type { ReactNode } from "react";
import satori from "satori";
import type { CardBrand, CardFacts } from "./cardFacts";
import { type CardShape, shapeSize } from "./cardShapes";
import { type FittedHeadline, fitHeadline, headlineLineHeight } from "./fitHeadline";
import { cardFonts, SANS, SERIF } from "./fonts";
import { withWordBreaks } from "./lineBreaks";
import { firstReadablePicture } from "./picture";
import { loadSlices, type ScriptSlice, slicesFor, withSlices } from "./scriptFonts";
import {
  cardStyle,
  colors,
  footerStyle,
  headlineBox,
  kickerStyle,
  mastheadStyle,
  PICTURE_WIDTH,
  pictureFrameStyle,
  playBadgeStyle,
  SHARE_CARD,
  sectionStyle,
  storyBlockStyle,
  textPanelStyle,
} from "./styles";
import { textDirection } from "./textDirection";

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
  brand: CardBrand;
}

/** The card's facts with the picture read from the public folder (on the worker: see cardWorker.ts). */
export async function shareCardContent(facts: CardFacts, publicDir: string): Promise<ShareCardContent> {
  const { pictureSources, ...text } = facts;
  return { ...text, picture: await firstReadablePicture(pictureSources, publicDir) };
}

/**
 * Lays the card out and paints it, on the calling thread (resvg's synchronous render: the card
 * worker's thread runs at a lower priority than the server's, and so does its painting). `slices`
 * are for tests, to draw a card without the fonts its script needs.
 */
export async function renderShareCard(
  content: ShareCardContent,
  shape?: CardShape,
  slices: ScriptSlice[] = scriptSlicesFor(content),
): Promise<Buffer> {
  const card = <ShareCard {...content} slices={slices} />;
  const size = shape ? shapeSize(shape) : SHARE_CARD;
  const fonts = [...(await cardFonts()), ...(await loadSlices(slices))];
  const svg = await satori(shape ? <InShape size={size}>{card}</InShape> : card, { ...size, fonts });
  const options = { fitTo: { mode: "original" }, font: { loadSystemFonts: false } } as const;
  return new Resvg(svg, options).render().asPng();
}

/** Fonts for scripts the card's own typefaces lack, read only when this card's text has them. */
export const scriptSlicesFor = (content: ShareCardContent): ScriptSlice[] =>
  slicesFor([content.brand.name, content.section, content.kicker ?? "", content.headline, content.host].join(" "));

/** The whole card, centred on its paper in a taller shape. */
function InShape({ size, children }: { size: { width: number; height: number }; children: ReactNode }) {
  return (
    <div style={{ display: "flex", alignItems: "center", ...size, backgroundColor: colors.paper }}>
      <div style={{ display: "flex", ...SHARE_CARD }}>{children}</div>
    </div>
  );
}

function ShareCard({
  section,
  kicker,
  headline,
  picture,
  hasVideo,
  host,
  brand,
  slices,
}: ShareCardContent & { slices: ScriptSlice[] }) {
  const box = headlineBox(Boolean(picture), Boolean(kicker));
  const serif = withSlices(SERIF, slices);
  // A right-to-left headline (Arabic, Hebrew) starts at the right, and its kicker with it.
  const direction = textDirection(headline);
  return (
    <div style={{ ...cardStyle, fontFamily: withSlices(SANS, slices) }}>
      <div style={{ ...textPanelStyle, borderTopColor: brand.accent }}>
        <Masthead name={brand.name} section={section} serif={serif} />
        <div style={{ ...storyBlockStyle, direction }}>
          {kicker && <Kicker text={kicker} accent={brand.accent} />}
          <Headline {...fitHeadline(headline, box)} serif={serif} direction={direction} />
        </div>
        <div style={footerStyle}>{host}</div>
      </div>
      {picture && <Picture src={picture} hasVideo={hasVideo} />}
    </div>
  );
}

function Masthead({ name, section, serif }: { name: string; section: string; serif: string }) {
  return (
    <div style={mastheadStyle}>
      <span style={{ fontFamily: serif, fontSize: 40, fontWeight: 700, lineHeight: 1 }}>{name}</span>
      <span style={{ ...sectionStyle, ...joinedLetters(section) }}>{section}</span>
    </div>
  );
}

/** Scripts whose letters join (or hang from one line): spacing them apart breaks the joins. */
const JOINED_SCRIPT = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}]/u;

/** No letter spacing in a script whose letters join, as CSS asks of browsers for cursive scripts. */
const joinedLetters = (text: string) => (JOINED_SCRIPT.test(text) ? { letterSpacing: 0 } : {});

function Kicker({ text, accent }: { text: string; accent: string }) {
  return (
    <div style={{ display: "flex" }}>
      <span style={{ ...kickerStyle, backgroundColor: accent, ...joinedLetters(text) }}>{text}</span>
    </div>
  );
}

function Headline({
  text,
  fontSize,
  lines,
  serif,
  direction,
}: FittedHeadline & { serif: string; direction: "ltr" | "rtl" }) {
  return (
    <div
      style={{
        direction,
        textAlign: direction === "rtl" ? "right" : "left",
        fontFamily: serif,
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
      {withWordBreaks(text)}
    </div>
  );
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
