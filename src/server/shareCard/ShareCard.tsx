// A story's share card: the 1200×630 PNG social platforms show for a shared link. Laid out as
// JSX by satori (to SVG), painted by resvg (to PNG), entirely from local files. Runs on a card
// worker thread (cardWorker.ts), never on the server's main thread.
import { Resvg } from "@resvg/resvg-js";
import type { ReactNode } from "react";
import satori from "satori";
import type { CardBrand, CardFacts } from "./cardFacts";
import { type CardShape, shapeSize } from "./cardShapes";
import { type FittedHeadline, fitHeadline, headlineLineHeight } from "./fitHeadline";
import { cardFonts, SERIF } from "./fonts";
import { firstReadablePicture } from "./picture";
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
 * worker's thread runs at a lower priority than the server's, and so does its painting).
 */
export async function renderShareCard(content: ShareCardContent, shape?: CardShape): Promise<Buffer> {
  const card = <ShareCard {...content} />;
  const size = shape ? shapeSize(shape) : SHARE_CARD;
  const svg = await satori(shape ? <InShape size={size}>{card}</InShape> : card, { ...size, fonts: await cardFonts() });
  const options = { fitTo: { mode: "original" }, font: { loadSystemFonts: false } } as const;
  return new Resvg(svg, options).render().asPng();
}

/** The whole card, centred on its paper in a taller shape. */
function InShape({ size, children }: { size: { width: number; height: number }; children: ReactNode }) {
  return (
    <div style={{ display: "flex", alignItems: "center", ...size, backgroundColor: colors.paper }}>
      <div style={{ display: "flex", ...SHARE_CARD }}>{children}</div>
    </div>
  );
}

function ShareCard({ section, kicker, headline, picture, hasVideo, host, brand }: ShareCardContent) {
  const box = headlineBox(Boolean(picture), Boolean(kicker));
  return (
    <div style={cardStyle}>
      <div style={{ ...textPanelStyle, borderTopColor: brand.accent }}>
        <Masthead name={brand.name} section={section} />
        <div style={storyBlockStyle}>
          {kicker && <Kicker text={kicker} accent={brand.accent} />}
          <Headline {...fitHeadline(headline, box)} />
        </div>
        <div style={footerStyle}>{host}</div>
      </div>
      {picture && <Picture src={picture} hasVideo={hasVideo} />}
    </div>
  );
}

function Masthead({ name, section }: { name: string; section: string }) {
  return (
    <div style={mastheadStyle}>
      <span style={{ fontFamily: SERIF, fontSize: 40, fontWeight: 700, lineHeight: 1 }}>{name}</span>
      <span style={sectionStyle}>{section}</span>
    </div>
  );
}

function Kicker({ text, accent }: { text: string; accent: string }) {
  return (
    <div style={{ display: "flex" }}>
      <span style={{ ...kickerStyle, backgroundColor: accent }}>{text}</span>
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
