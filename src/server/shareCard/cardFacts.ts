// What crosses between the server's main thread and a card worker (cardPool.ts, cardWorker.ts):
// plain data only. The main thread knows the story; the worker reads the picture and draws.
import type { Story } from "../../model/story";
import type { CardShape } from "./cardShapes";
import { sharePictureSources } from "./picture";

/** What a card shows, as the story states it: its picture still a path in the public folder. */
export interface CardFacts {
  section: string;
  kicker?: string;
  headline: string;
  /** Where the picture may come from, first choice first (see picture.ts). */
  pictureSources: string[];
  hasVideo: boolean;
  /** The site's host name, as the card's byline: the card may travel without its link. */
  host: string;
  /** The site's name over the card, and its accent colour (the bar above, the kicker's ground). */
  brand: CardBrand;
}

export interface CardBrand {
  name: string;
  accent: string;
}

export function cardFacts(story: Story, brand: CardBrand): CardFacts {
  return {
    section: story.section.name,
    kicker: story.kicker,
    headline: story.headline,
    pictureSources: sharePictureSources(story),
    hasVideo: story.hasVideo,
    host: new URL(story.url).host,
    brand,
  };
}

/** What a worker is started with. */
export interface CardWorkerData {
  /** The site's public files: the pictures cards draw. */
  publicDir: string;
}

/** One card for a worker to draw: 1200×630, or set in one of the shapes JSON-LD offers. */
export interface CardJob {
  id: number;
  facts: CardFacts;
  shape?: CardShape;
}

/** A worker's answer: the PNG (its buffer transferred), or why it could not draw the card. */
export type CardAnswer =
  | { id: number; png: ArrayBuffer; startedAt: number; ms: number }
  | { id: number; error: string };
