// The site's own share card (/site-card.png): the picture every page that is not a story stands
// for where it is shared. Drawn from the site config (its name, tagline and accent), once per
// process on first request, with the same fonts and look as the stories' cards.
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import type { CardBrand } from "./cardFacts";
import { cardFonts, SERIF } from "./fonts";
import { cardStyle, colors, PADDING, SHARE_CARD } from "./styles";

export async function renderSiteCard(brand: CardBrand & { tagline: string; dir: "ltr" | "rtl" }): Promise<Buffer> {
  const card = (
    <div
      style={{
        ...cardStyle,
        flexDirection: "column",
        justifyContent: "center",
        borderTop: `16px solid ${brand.accent}`,
      }}
    >
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          padding: `0 ${PADDING * 2}px`,
          alignItems: brand.dir === "rtl" ? "flex-end" : "flex-start",
        }}
      >
        <div style={{ fontFamily: SERIF, fontSize: 120, fontWeight: 700, lineHeight: 1.1 }}>{brand.name}</div>
        <div style={{ fontSize: 40, lineHeight: 1.3, color: colors.muted, marginTop: 32 }}>{brand.tagline}</div>
      </div>
    </div>
  );
  const svg = await satori(card, { ...SHARE_CARD, fonts: await cardFonts() });
  const options = { fitTo: { mode: "original" }, font: { loadSystemFonts: false } } as const;
  return new Resvg(svg, options).render().asPng();
}
