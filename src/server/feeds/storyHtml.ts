// A story as self-contained HTML for a feed's content:encoded: every block of the model with
// absolute URLs, videos as <video> with a download link, and nothing that needs the page's code.
import { corrections } from "../../model/corrections";
import type { Block, Image, Story, VideoBlock } from "../../model/story";
import { videoFile } from "../../model/videoFile";
import type { Words } from "../../words/words";
import { el, fragment, type Markup } from "./xml";

/** Makes a site path (or an https URL, left as it is) absolute against PUBLIC_URL. */
export type Absolute = (path: string) => string;

/** A story as feeds carry it: whole and with its URL, but without the related list its page adds. */
export type FeedStory = Omit<Story, "related">;

export function storyHtml(story: FeedStory, absolute: Absolute, words: Words): Markup {
  return fragment(
    story.image && el("figure", {}, imageElement(story.image, absolute), pictureCaption(story.image, words)),
    ...story.body.map((block) => blockHtml(block, story, absolute, words)),
    correctionsHtml(story, words),
  );
}

/** The story's corrections at its end, as on its page (dated in the site's zone, as on the page). */
function correctionsHtml(story: FeedStory, words: Words): Markup | undefined {
  const list = corrections(story.body);
  if (list.length === 0) return undefined;
  return el(
    "section",
    {},
    el("h2", {}, words.count("story.correction", list.length)),
    ...list.map((correction) =>
      el("p", {}, el("time", { datetime: correction.date }, words.time(correction.date)), `: ${correction.text}`),
    ),
  );
}

/** One block as feed HTML; `story` is what it belongs to (a YouTube video links its page). */
export function blockHtml(block: Block, story: Pick<FeedStory, "url">, absolute: Absolute, words: Words): Markup {
  switch (block.type) {
    case "paragraph":
      return el("p", {}, block.text);
    case "heading":
      return el("h2", {}, block.text);
    case "quote":
      // As on the page: who said it is a caption, not a <cite> (which names works, not people).
      return el(
        "figure",
        {},
        el("blockquote", {}, el("p", {}, block.text)),
        block.cite && el("figcaption", {}, block.cite),
      );
    case "image":
      return el("figure", {}, imageElement(block, absolute), pictureCaption(block, words));
    case "related":
      return el(
        "p",
        {},
        block.slug ? el("a", { href: absolute(`/stories/${block.slug}`) }, block.headline) : block.headline,
      );
    case "video":
      return videoHtml(block, story, absolute, words);
    case "correction":
      return fragment();
    default:
      return unknownBlock(block);
  }
}

function unknownBlock(block: never): never {
  throw new Error(`No feed renderer for story block ${JSON.stringify(block)}`);
}

/** What a picture shows and who made it, as under it on the page. */
function pictureCaption({ caption, credit }: Image, words: Words): Markup | undefined {
  if (!caption && !credit) return undefined;
  return el(
    "figcaption",
    {},
    [caption, credit && words.text("story.pictureCredit", { credit })].filter(Boolean).join(" "),
  );
}

function imageElement(image: Image, absolute: Absolute): Markup {
  return el("img", { src: absolute(image.src), alt: image.alt, width: image.width, height: image.height });
}

function videoHtml(video: VideoBlock, story: Pick<FeedStory, "url">, absolute: Absolute, words: Words): Markup {
  if (video.sources.length === 0) return el("p", {}, words.text("video.unavailable"));
  // A YouTube video plays on the story page, behind its privacy facade; the feed links there.
  if (video.sources.some((source) => source.type === "video/youtube"))
    return el("p", {}, el("a", { href: story.url }, words.text("video.titled", { title: video.title })));
  const download = video.sources.find((s) => s.type === "video/mp4" || s.type === "video/webm");
  return el(
    "figure",
    {},
    el(
      "video",
      { controls: "controls", preload: "metadata", poster: video.poster && absolute(video.poster) },
      ...video.sources.map((source) => el("source", { src: absolute(source.src), type: source.type })),
      ...(video.captions ?? []).map((track) =>
        el("track", { kind: "captions", src: absolute(track.src), srclang: track.srclang, label: track.label }),
      ),
      download && el("p", {}, el("a", { href: absolute(download.src) }, words.text("video.download"))),
    ),
    el("figcaption", {}, video.title),
  );
}

/** Videos with a file a feed reader can fetch, each with that file. */
export function playableVideos(body: Block[]): { video: VideoBlock; file: VideoBlock["sources"][number] }[] {
  return body.flatMap((block) => {
    if (block.type !== "video") return [];
    const file = videoFile(block);
    return file ? [{ video: block, file }] : [];
  });
}
