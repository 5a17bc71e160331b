// A share card (1200×630) set in the shapes Google asks of an article's pictures (16:9, 4:3, 1:1),
// for stories without a photo: the whole card, centred on the card's paper, none of it cut off.
import sharp from "sharp";
import { PICTURE_CROPS, STRUCTURED_DATA_CROPS } from "../../model/picture";
import { colors } from "./styles";

export type CardShape = (typeof STRUCTURED_DATA_CROPS)[number];

export const isCardShape = (value: string): value is CardShape =>
  (STRUCTURED_DATA_CROPS as readonly string[]).includes(value);

export async function cardInShape(png: Buffer, shape: CardShape): Promise<Buffer> {
  return sharp(png)
    .resize({ ...PICTURE_CROPS[shape], fit: "contain", background: colors.paper })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
