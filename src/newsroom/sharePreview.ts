// What a story will look like where it is shared and where it is found, for the editor's preview:
// the reader's own head functions (head/storyHead.ts) run on the draft, so the preview says what
// the page will say; then each text cut where platforms cut it (docs/decisions/043).
import type { Site } from "../head/head";
import { storyDescription, storyShareImage, storyTitle } from "../head/storyHead";
import type { Story } from "../model/story";

/**
 * Where the texts are cut, in characters: a search engine shows about 60 of a title and 160 of a
 * description (it cuts by pixels, so this is the usual figure); a card shows 70 of a title and 200
 * of a description (the limits X's card markup gives, the tightest of the large platforms).
 */
export const CUT_AFTER = { searchTitle: 60, searchDescription: 160, cardTitle: 70, cardDescription: 200 } as const;

/** A text as it is shown (`kept`, followed by "…" when anything was cut) and the part cut away. */
export interface CutText {
  kept: string;
  rest: string;
  max: number;
}

/** `text` cut to at most `max` characters with the "…" it gets, at a space when one is near. */
export function cutText(text: string, max: number): CutText {
  const characters = [...text];
  if (characters.length <= max) return { kept: text, rest: "", max };
  const head = characters.slice(0, max - 1).join("");
  const space = head.lastIndexOf(" ");
  const kept = (space > head.length / 2 ? head.slice(0, space) : head).trimEnd();
  return { kept, rest: text.slice(kept.length), max };
}

/** The parts of a story the previews show. */
export type PreviewedStory = Pick<Story, "slug" | "headline" | "deck" | "body" | "image">;

export interface SharePreview {
  card: { siteName: string; title: CutText; description: CutText; image: { src: string; alt: string } };
  search: { title: CutText; description: CutText; url: string };
}

export function sharePreview(story: PreviewedStory, site: Site): SharePreview {
  const description = storyDescription(story);
  const image = storyShareImage(story, site);
  return {
    card: {
      siteName: site.name,
      title: cutText(story.headline, CUT_AFTER.cardTitle),
      description: cutText(description, CUT_AFTER.cardDescription),
      image: { src: image.src, alt: image.alt },
    },
    search: {
      title: cutText(storyTitle(story, site), CUT_AFTER.searchTitle),
      description: cutText(description, CUT_AFTER.searchDescription),
      url: new URL(`/stories/${story.slug}`, site.url).href,
    },
  };
}
