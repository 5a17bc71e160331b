// A story as self-contained HTML for a feed's content:encoded: every block of the model with
// absolute URLs, videos as <video> with a download link, and nothing that needs the page's code.
import { corrections } from "../../model/corrections";
import { providerName } from "../../model/embeddedPost";
import { hasMark, isStoryPath, linkGroups, linkRel, type Run } from "../../model/runs";
import type { Block, EmbedBlock, Image, Story, VideoBlock } from "../../model/story";
import { videoFile } from "../../model/videoFile";
import type { Words } from "../../words/words";
import { el, fragment, type Markup } from "./xml";

/** Makes a site path (or an https URL, left as it is) absolute against PUBLIC_URL. */
export type Absolute = (path: string) => string;

/** A story as feeds carry it: whole and with its URL, but without the related list its page adds. */
export type FeedStory = Omit<Story, "related">;

/** What of the site a feed's links follow: whether links to other sites say `nofollow` (model/runs.ts linkRel). */
export type LinkSite = { nofollowLinks?: true };

export function storyHtml(story: FeedStory, absolute: Absolute, words: Words, site: LinkSite): Markup {
  return fragment(
    story.image &&
      el("figure", {}, imageElement(story.image, absolute), pictureCaption(story.image, words, absolute, site)),
    ...story.body.map((block) => blockHtml(block, story, absolute, words, site)),
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
export function blockHtml(
  block: Block,
  story: Pick<FeedStory, "url">,
  absolute: Absolute,
  words: Words,
  site: LinkSite,
): Markup {
  switch (block.type) {
    case "paragraph":
      return el("p", {}, markedText(block, absolute, site));
    case "heading":
      return el("h2", {}, block.text);
    case "quote":
      // As on the page: who said it is a caption, not a <cite> (which names works, not people).
      return el(
        "figure",
        {},
        el("blockquote", {}, el("p", {}, markedText(block, absolute, site))),
        block.cite && el("figcaption", {}, block.cite),
      );
    case "image":
      return el("figure", {}, imageElement(block, absolute), pictureCaption(block, words, absolute, site));
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
    case "embed":
      return embeddedPostHtml(block, absolute, words, site);
    default:
      return unknownBlock(block);
  }
}

function unknownBlock(block: never): never {
  throw new Error(`No feed renderer for story block ${JSON.stringify(block)}`);
}

/**
 * A passage's text with its marks and links (model/runs.ts), as on the page: every run's text
 * escaped, story paths made absolute, other links with their `rel`.
 */
export function markedText(passage: { text: string; runs?: Run[] }, absolute: Absolute, site: LinkSite): Markup {
  if (!passage.runs) return fragment(passage.text);
  return fragment(
    ...linkGroups(passage.runs).map((group) => {
      const content = fragment(...group.runs.map(markedRun));
      if (group.href === undefined) return content;
      return isStoryPath(group.href)
        ? el("a", { href: absolute(group.href) }, content)
        : el("a", { href: group.href, rel: linkRel(group.href, site) }, content);
    }),
  );
}

function markedRun(run: Run): Markup {
  let content = fragment(run.text);
  if (hasMark(run, "em")) content = el("em", {}, content);
  if (hasMark(run, "strong")) content = el("strong", {}, content);
  return content;
}

/** A post from another platform, as on the page: its words quoted, who and when, a link to it; no script. */
function embeddedPostHtml(post: EmbedBlock, absolute: Absolute, words: Words, site: LinkSite): Markup {
  const provider = providerName(post.provider);
  const time = post.date && el("time", { datetime: post.date }, words.time(post.date));
  const author = post.author && el("bdi", {}, post.author);
  const by =
    author && time
      ? fragment(...words.parts("story.embeddedPostBy", (name) => (name === "author" ? author : time)))
      : (author ?? time);
  return el(
    "figure",
    {},
    el("p", {}, words.text("story.embeddedPostLabel", { provider })),
    el("blockquote", { cite: post.url }, el("p", {}, markedText(post, absolute, site))),
    el(
      "figcaption",
      {},
      by && fragment(by, " "),
      el("a", { href: post.url, rel: linkRel(post.url, site) }, words.text("story.embeddedPostView", { provider })),
    ),
  );
}

/** What a picture shows and who made it, as under it on the page. */
function pictureCaption(image: Image, words: Words, absolute: Absolute, site: LinkSite): Markup | undefined {
  const { caption, credit } = image;
  if (!caption && !credit) return undefined;
  return el(
    "figcaption",
    {},
    caption && markedText({ text: caption, runs: image.captionRuns }, absolute, site),
    caption && credit && " ",
    credit && words.text("story.pictureCredit", { credit }),
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
