// A story's pictures as it is imported or published: each picture it names under public/ is read
// (all of it) and given its version and its size as measured, so pages can offer its renditions
// (whose widths follow from the size); one that is missing or damaged stops the story with a
// reason. Pictures at https URLs are used as they are, with the size the client gave. An uploaded
// picture sent without alt text, caption or credit takes those given when it was uploaded.
import type { Block } from "../model/story";
import { isSitePath, PictureError, type SitePictures } from "./sitePictures";

type Picture = {
  src: string;
  alt?: string;
  caption?: string | undefined;
  credit?: string | undefined;
  version?: string | undefined;
  width?: number;
  height?: number;
};

interface WithPictures {
  image?: Picture | undefined;
  body: Block[];
}

/**
 * The story with its site pictures versioned and sized from their files (the size a client sends
 * is replaced, as its version is: docs/decisions/016), or a PictureError naming every picture that
 * is not usable.
 */
export async function versionStoryPictures<T extends WithPictures>(story: T, pictures: SitePictures): Promise<T> {
  const problems: string[] = [];
  const versioned = async <P extends Picture>(picture: P): Promise<P> => {
    const { version: _sent, ...rest } = picture;
    if (!isSitePath(picture.src)) return rest as P;
    try {
      const { version, width, height } = await pictures.read(picture.src);
      const given = await pictures.uploadText(picture.src);
      const text = {
        ...(given?.alt && !picture.alt?.trim() ? { alt: given.alt } : {}),
        ...(given?.caption && picture.caption === undefined ? { caption: given.caption } : {}),
        ...(given?.credit && picture.credit === undefined ? { credit: given.credit } : {}),
      };
      return { ...rest, ...text, width, height, version } as P;
    } catch (error) {
      if (!(error instanceof PictureError)) throw error;
      problems.push(error.message);
      return rest as P;
    }
  };
  const checked = async (src: string | undefined) => {
    if (src !== undefined) await versioned({ src });
  };
  const image = story.image && (await versioned(story.image));
  const body = await Promise.all(
    story.body.map(async (block): Promise<Block> => {
      if (block.type === "image") return versioned(block);
      if (block.type === "video") await checked(block.poster);
      return block;
    }),
  );
  if (problems.length > 0) throw new PictureError(problems.join("; "));
  return { ...story, ...(image ? { image } : {}), body };
}

/** The pictures of a story with no alt text (lead and body), by address: a story may not publish with one. */
export function picturesWithoutAlt(story: WithPictures): string[] {
  const pictures = [story.image, ...story.body.map((block) => (block.type === "image" ? block : undefined))];
  return pictures.flatMap((picture) => (picture && !picture.alt?.trim() ? [picture.src] : []));
}
