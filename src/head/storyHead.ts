// The head of a story page: title, description, canonical, Open Graph, Twitter card, JSON-LD.

import { corrections } from "../model/corrections";
import { embedPath, embedSize, storyVideo } from "../model/embed";
import { cropPath, PICTURE_CROPS, STRUCTURED_DATA_CROPS } from "../model/picture";
import { passage } from "../model/quotes";
import type { Story, VideoBlock } from "../model/story";
import { videoFile } from "../model/videoFile";
import { type Head, type HeadTag, meta, ogLocale, type Site, siteLinks, socialTags } from "./head";
import { breadcrumbs, organization } from "./structuredData";

/** Platforms crop share images below this width; a smaller lead image gives way to the share card. */
const SHARE_IMAGE_MIN_WIDTH = 1200;
export const SHARE_CARD_SIZE = { width: 1200, height: 630 } as const;

/**
 * The image that stands for the story where it is shared, 1200×630 (the 1.91:1 platforms show):
 * its lead picture's crop when it is a site picture, an https lead picture as it is when big
 * enough, else its share card.
 */
export function storyShareImage(story: Pick<Story, "image" | "slug" | "headline">, site: Site) {
  const image = story.image;
  if (image?.version)
    return {
      src: new URL(cropPath({ ...image, version: image.version }, "og"), site.url).href,
      alt: image.alt,
      ...PICTURE_CROPS.og,
    };
  return image && image.width >= SHARE_IMAGE_MIN_WIDTH
    ? { ...image, src: new URL(image.src, site.url).href }
    : { src: new URL(`/og/${story.slug}.png`, site.url).href, alt: story.headline, ...SHARE_CARD_SIZE };
}

/**
 * The story's pictures for JSON-LD: 16:9, 4:3 and 1:1, as Google asks, cropped from its lead
 * picture, or its share card set in each shape; an https lead picture as it is.
 */
export function structuredDataImages(story: Story, site: Site) {
  const image = story.image;
  const absolute = (path: string) => new URL(path, site.url).href;
  if (image && !image.version) return [{ url: absolute(image.src), width: image.width, height: image.height }];
  return STRUCTURED_DATA_CROPS.map((crop) => ({
    url: absolute(
      image?.version ? cropPath({ ...image, version: image.version }, crop) : `/og/${story.slug}/${crop}.png`,
    ),
    ...PICTURE_CROPS[crop],
  }));
}

/** What a story's page says of it (meta description, og:description): its deck, else its first paragraph cut, else its headline. */
export const storyDescription = (story: Pick<Story, "deck" | "body" | "headline">): string =>
  story.deck ?? firstParagraph(story) ?? story.headline;

/** The story page's `<title>`, which search engines show as the result's title. */
export const storyTitle = (story: Pick<Story, "headline">, site: Pick<Site, "name">): string =>
  `${story.headline} | ${site.name}`;

/** The head of a story page; with `quote`, the page of one of its passages (`?quote=N`). */
export function storyHead(story: Story, site: Site, quote?: number): Head {
  const summary = storyDescription(story);
  const quoted = quote ? passage(story.body, quote)?.text : undefined;
  const description = quoted ? clip(quoted, 300) : summary;
  const video = storyVideo(story);
  const absolute = (path: string) => new URL(path, site.url).href;
  const shareImage = storyShareImage(story, site);
  const mp4 = video?.sources.find((s) => s.type === "video/mp4");
  const player = video && { url: absolute(embedPath(story.slug)), ...embedSize(video) };
  const tags: HeadTag[] = [
    meta("name", "description", description),
    { tag: "link", attrs: { rel: "canonical", href: story.url } },
    ...siteLinks(site),
    {
      tag: "link",
      attrs: {
        rel: "alternate",
        type: "application/json+oembed",
        href: absolute(`/oembed?${new URLSearchParams({ url: story.url, format: "json" })}`),
        title: story.headline,
      },
    },
    meta("property", "og:site_name", site.name),
    meta("property", "og:type", "article"),
    meta("property", "og:locale", ogLocale(story.language ?? site.language)),
    ...translationLinks(story, site),
    meta("property", "og:title", story.headline),
    meta("property", "og:description", description),
    meta("property", "og:url", story.url),
    meta("property", "og:image", shareImage.src),
    meta("property", "og:image:width", String(shareImage.width)),
    meta("property", "og:image:height", String(shareImage.height)),
    meta("property", "og:image:alt", shareImage.alt),
    // The player first (a page that plays inside a post or chat), then the file itself.
    ...(player
      ? [
          meta("property", "og:video", player.url),
          ...(player.url.startsWith("https:") ? [meta("property", "og:video:secure_url", player.url)] : []),
          meta("property", "og:video:type", "text/html"),
          meta("property", "og:video:width", String(player.width)),
          meta("property", "og:video:height", String(player.height)),
        ]
      : []),
    ...(mp4 && video
      ? [
          meta("property", "og:video", absolute(mp4.src)),
          ...(absolute(mp4.src).startsWith("https:")
            ? [meta("property", "og:video:secure_url", absolute(mp4.src))]
            : []),
          meta("property", "og:video:type", "video/mp4"),
          ...(video.width && video.height
            ? [
                meta("property", "og:video:width", String(video.width)),
                meta("property", "og:video:height", String(video.height)),
              ]
            : []),
        ]
      : []),
    meta("property", "article:published_time", story.publishedAt),
    meta("property", "article:modified_time", story.updatedAt),
    meta("property", "article:section", story.section.name),
    ...story.tags.map((tag) => meta("property", "article:tag", tag.name)),
    meta("name", "twitter:card", player ? "player" : "summary_large_image"),
    meta("name", "twitter:title", story.headline),
    meta("name", "twitter:description", description),
    meta("name", "twitter:image", shareImage.src),
    meta("name", "twitter:image:alt", shareImage.alt),
    ...(player
      ? [
          meta("name", "twitter:player", player.url),
          meta("name", "twitter:player:width", String(player.width)),
          meta("name", "twitter:player:height", String(player.height)),
        ]
      : []),
    ...socialTags(site),
  ];
  return {
    title: storyTitle(story, site),
    tags,
    jsonLd: [newsArticle(story, site, description), storyBreadcrumbs(story, site)],
  };
}

/**
 * The story's translations, as search engines pair them: an hreflang link to each, and to itself
 * (a set that leaves a page out of its own list is ignored). None when it has no translations.
 */
function translationLinks(story: Story, site: Site): HeadTag[] {
  if (!story.translations?.length) return [];
  const own = { language: story.language ?? site.language, href: story.url };
  const others = story.translations.map((t) => ({
    language: t.language,
    href: new URL(`/stories/${t.slug}`, site.url).href,
  }));
  return [own, ...others].map(({ language, href }) => ({
    tag: "link" as const,
    attrs: { rel: "alternate", hreflang: language, href },
  }));
}

/** The story as Google and other readers of schema.org take a news article: its video too. */
function newsArticle(story: Story, site: Site, description: string) {
  const video = storyVideo(story);
  const absolute = (path: string) => new URL(path, site.url).href;
  // schema.org's `correction`: a CorrectionComment per correction (one alone, several as a list).
  const corrected = corrections(story.body).map((correction) => ({
    "@type": "CorrectionComment",
    text: correction.text,
    datePublished: correction.date,
  }));
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: story.headline,
    description,
    inLanguage: story.language ?? site.language,
    datePublished: story.publishedAt,
    dateModified: story.updatedAt,
    articleSection: story.section.name,
    keywords: story.tags.map((t) => t.name),
    author: story.authors.map((a) => ({ "@type": "Person", name: a.name, url: absolute(`/authors/${a.slug}`) })),
    // A story without a photo stands for itself by its share card, as where it is shared.
    image: structuredDataImages(story, site).map((picture) => ({ "@type": "ImageObject", ...picture })),
    publisher: organization(site),
    mainEntityOfPage: { "@type": "WebPage", "@id": story.url },
    ...(corrected.length > 0 ? { correction: corrected.length === 1 ? corrected[0] : corrected } : {}),
    ...(video
      ? {
          video: {
            "@type": "VideoObject",
            name: video.title,
            description,
            // A thumbnail is required of a video: its poster, or else the story's card.
            thumbnailUrl: [absolute(video.poster ?? `/og/${story.slug}.png`)],
            uploadDate: story.publishedAt,
            ...(video.durationS ? { duration: `PT${Math.round(video.durationS)}S` } : {}),
            ...contentUrl(video, absolute),
            // Where the video plays alone; a YouTube video's is YouTube's own player (contentUrl above).
            ...(videoFile(video) ? { embedUrl: absolute(embedPath(story.slug)) } : {}),
          },
        }
      : {}),
  };
}

function storyBreadcrumbs(story: Story, site: Site) {
  return breadcrumbs(site, [
    { name: story.section.name, path: `/sections/${story.section.slug}` },
    { name: story.headline, path: `/stories/${story.slug}` },
  ]);
}

function firstParagraph(story: Pick<Story, "body">): string | undefined {
  const paragraph = story.body.find((b) => b.type === "paragraph");
  return paragraph ? clip(paragraph.text, 200) : undefined;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

function contentUrl(video: VideoBlock, absolute: (path: string) => string) {
  const file = videoFile(video);
  if (file) return { contentUrl: absolute(file.src) };
  const youtube = video.sources.find((s) => s.type === "video/youtube");
  return youtube ? { embedUrl: `https://www.youtube-nocookie.com/embed/${youtube.src}` } : {};
}
