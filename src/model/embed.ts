// The embeddable player of a video story (/embed/:slug): its URL and the box it is offered in.
import type { Story, VideoBlock } from "./story";

/** The story's first video a reader can play, if any. */
export const storyVideo = (story: Pick<Story, "body">): VideoBlock | undefined =>
  story.body.find((b): b is VideoBlock => b.type === "video" && b.sources.length > 0);

export const embedPath = (slug: string): string => `/embed/${slug}`;

/** The player's size: the video's own (16:9 at 640 when unknown), shrunk to fit a box if given. */
export function embedSize(
  video: Pick<VideoBlock, "width" | "height">,
  box: { width: number; height: number } = { width: Number.POSITIVE_INFINITY, height: Number.POSITIVE_INFINITY },
): { width: number; height: number } {
  const own = video.width && video.height ? { width: video.width, height: video.height } : { width: 640, height: 360 };
  const scale = Math.min(1, box.width / own.width, box.height / own.height);
  return { width: Math.max(1, Math.floor(own.width * scale)), height: Math.max(1, Math.floor(own.height * scale)) };
}
