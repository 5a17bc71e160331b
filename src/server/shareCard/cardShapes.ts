// The shapes Google asks of an article's pictures (16:9, 4:3, 1:1), in which a story without a
// photo offers its share card: the whole card, centred on the card's paper, none of it cut off.
import { PICTURE_CROPS, STRUCTURED_DATA_CROPS } from "../../model/picture";

export type CardShape = (typeof STRUCTURED_DATA_CROPS)[number];

export const isCardShape = (value: string): value is CardShape =>
  (STRUCTURED_DATA_CROPS as readonly string[]).includes(value);

/** The picture's size in a shape (1200 wide, as the card). */
export const shapeSize = (shape: CardShape): { width: number; height: number } => PICTURE_CROPS[shape];
