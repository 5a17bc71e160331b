// The card's look: its colours, measures and the styles satori lays it out with (flexbox only).
import type { CSSProperties } from "react";
import { SHARE_CARD_SIZE } from "../../head/storyHead";
import { SANS } from "./fonts";

export const SHARE_CARD = SHARE_CARD_SIZE;

export const colors = { paper: "#fbfaf7", ink: "#141414", muted: "#555049", rule: "#b9b3a8", accent: "#b3261e" };

export const PADDING = 56;
const ACCENT_BAR = 10;
export const PICTURE_WIDTH = 500;
/** The height between masthead and footer, where the kicker and the headline go. */
const STORY_BLOCK_HEIGHT = 340;
const STORY_BLOCK_GAP = 22;
const KICKER_HEIGHT = 38;

/** Where the headline is set: what the masthead, the kicker, the footer and the picture leave of the card. */
export function headlineBox(hasPicture: boolean, hasKicker: boolean): { width: number; height: number } {
  return {
    width: SHARE_CARD.width - (hasPicture ? PICTURE_WIDTH : 0) - 2 * PADDING,
    height: STORY_BLOCK_HEIGHT - (hasKicker ? KICKER_HEIGHT + STORY_BLOCK_GAP : 0),
  };
}

export const cardStyle: CSSProperties = {
  display: "flex",
  width: "100%",
  height: "100%",
  backgroundColor: colors.paper,
  color: colors.ink,
  fontFamily: SANS,
};

export const textPanelStyle: CSSProperties = {
  display: "flex",
  flexDirection: "column",
  flexGrow: 1,
  borderTop: `${ACCENT_BAR}px solid ${colors.accent}`,
  padding: `${PADDING - ACCENT_BAR}px ${PADDING}px ${PADDING - 12}px`,
};

export const mastheadStyle: CSSProperties = {
  display: "flex",
  alignItems: "baseline",
  gap: 20,
  paddingBottom: 16,
  borderBottom: `4px double ${colors.rule}`,
};

export const storyBlockStyle: CSSProperties = {
  display: "flex",
  flexDirection: "column",
  justifyContent: "center",
  gap: STORY_BLOCK_GAP,
  height: STORY_BLOCK_HEIGHT,
  marginTop: "auto",
  marginBottom: "auto",
  overflow: "hidden",
};

export const footerStyle: CSSProperties = {
  display: "flex",
  paddingTop: 14,
  borderTop: `1px solid ${colors.rule}`,
  fontSize: 22,
  color: colors.muted,
};

export const sectionStyle: CSSProperties = {
  fontSize: 22,
  fontWeight: 700,
  letterSpacing: 2,
  textTransform: "uppercase",
  color: colors.muted,
};

export const kickerStyle: CSSProperties = {
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

export const pictureFrameStyle: CSSProperties = {
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

export const playBadgeStyle: CSSProperties = {
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
