// The file of a video that a program other than the page can fetch and play (a feed reader, an
// unfurler). Types only from the schemas: the browser imports this without zod.
import type { VideoBlock } from "./story";

/** MP4 first, else any file; YouTube ids and placeholders have none. */
export const videoFile = (video: VideoBlock): VideoBlock["sources"][number] | undefined =>
  video.sources.find((s) => s.type === "video/mp4") ?? video.sources.find((s) => s.type !== "video/youtube");
