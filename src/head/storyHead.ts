// The head of a story page: title, description, canonical, Open Graph, Twitter card, JSON-LD.
import type { Story, VideoBlock } from "../model/story";
import { type Head, type HeadTag, meta, SITE_NAME, type Site } from "./head";

export function storyHead(story: Story, site: Site): Head {
  const description = story.deck ?? firstParagraph(story) ?? story.headline;
  const image = story.image;
  const video = story.body.find((b): b is VideoBlock => b.type === "video" && b.sources.length > 0);
  const absolute = (path: string) => new URL(path, site.url).href;
  const tags: HeadTag[] = [
    meta("name", "description", description),
    { tag: "link", attrs: { rel: "canonical", href: story.url } },
    meta("property", "og:site_name", SITE_NAME),
    meta("property", "og:type", "article"),
    meta("property", "og:title", story.headline),
    meta("property", "og:description", description),
    meta("property", "og:url", story.url),
    ...(image
      ? [
          meta("property", "og:image", absolute(image.src)),
          meta("property", "og:image:width", String(image.width)),
          meta("property", "og:image:height", String(image.height)),
          meta("property", "og:image:alt", image.alt),
        ]
      : []),
    meta("property", "article:published_time", story.publishedAt),
    meta("property", "article:modified_time", story.updatedAt),
    meta("property", "article:section", story.section.name),
    ...story.tags.map((tag) => meta("property", "article:tag", tag.name)),
    meta("name", "twitter:card", image ? "summary_large_image" : "summary"),
    meta("name", "twitter:title", story.headline),
    meta("name", "twitter:description", description),
    ...(image
      ? [meta("name", "twitter:image", absolute(image.src)), meta("name", "twitter:image:alt", image.alt)]
      : []),
  ];
  return {
    title: `${story.headline} | ${SITE_NAME}`,
    tags,
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: story.headline,
      description,
      datePublished: story.publishedAt,
      dateModified: story.updatedAt,
      articleSection: story.section.name,
      keywords: story.tags.map((t) => t.name),
      author: story.authors.map((a) => ({ "@type": "Person", name: a.name, url: absolute(`/authors/${a.slug}`) })),
      ...(image
        ? { image: [{ "@type": "ImageObject", url: absolute(image.src), width: image.width, height: image.height }] }
        : {}),
      publisher: {
        "@type": "Organization",
        name: SITE_NAME,
        logo: { "@type": "ImageObject", url: absolute("/icon-512.png") },
      },
      mainEntityOfPage: { "@type": "WebPage", "@id": story.url },
      ...(video
        ? {
            video: {
              "@type": "VideoObject",
              name: video.title,
              description,
              ...(video.poster ? { thumbnailUrl: [absolute(video.poster)] } : {}),
              uploadDate: story.publishedAt,
              ...(video.durationS ? { duration: `PT${Math.round(video.durationS)}S` } : {}),
              ...contentUrl(video, absolute),
            },
          }
        : {}),
    },
  };
}

function firstParagraph(story: Story): string | undefined {
  const paragraph = story.body.find((b) => b.type === "paragraph");
  if (!paragraph) return undefined;
  return paragraph.text.length > 200 ? `${paragraph.text.slice(0, 197).trimEnd()}…` : paragraph.text;
}

function contentUrl(video: VideoBlock, absolute: (path: string) => string) {
  const file =
    video.sources.find((s) => s.type === "video/mp4") ?? video.sources.find((s) => s.type !== "video/youtube");
  if (file) return { contentUrl: absolute(file.src) };
  const youtube = video.sources.find((s) => s.type === "video/youtube");
  return youtube ? { embedUrl: `https://www.youtube-nocookie.com/embed/${youtube.src}` } : {};
}
