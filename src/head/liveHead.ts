// The head of a live story's page: its NewsArticle becomes a LiveBlogPosting (schema.org), with
// when the coverage started and ended and the entries the page shows as its updates. A page of
// older entries (?before=) keeps the story as its canonical URL and asks not to be indexed: it is
// the story's own page, cut further down, and search engines should send readers to the story.
import type { LiveEntry } from "../model/liveEntry";
import type { Block, Story } from "../model/story";
import { type Head, meta } from "./head";

export function liveHead(head: Head, story: Story, entries: LiveEntry[], olderPage: boolean): Head {
  const [article, ...rest] = head.jsonLd ?? [];
  const newest = entries.reduce((time, entry) => (entry.updatedAt > time ? entry.updatedAt : time), story.updatedAt);
  const posting = article && {
    ...article,
    "@type": "LiveBlogPosting",
    dateModified: newest,
    ...(story.coverage
      ? {
          coverageStartTime: story.coverage.startedAt,
          ...(story.coverage.endedAt ? { coverageEndTime: story.coverage.endedAt } : {}),
        }
      : {}),
    liveBlogUpdate: entries.map((entry) => ({
      "@type": "BlogPosting",
      headline: entryTitle(entry, story.headline),
      datePublished: entry.postedAt,
      dateModified: entry.updatedAt,
      articleBody: entryText(entry),
      url: `${story.url}#entry-${entry.id}`,
    })),
  };
  return {
    ...head,
    tags: [
      ...head.tags.map((tag) =>
        tag.attrs.property === "article:modified_time" ? meta("property", "article:modified_time", newest) : tag,
      ),
      {
        tag: "link",
        attrs: {
          rel: "alternate",
          type: "application/rss+xml",
          href: liveFeedUrl(story.url),
          title: `${story.headline}: updates`,
        },
      },
      ...(olderPage ? [meta("name", "robots", "noindex, follow")] : []),
    ],
    jsonLd: posting ? [posting, ...rest] : rest,
  };
}

/** The feed of a live story's entries, beside its page. */
export const liveFeedUrl = (storyUrl: string): string => `${storyUrl}/feed.xml`;

function textOf(block: Block): string[] {
  switch (block.type) {
    case "paragraph":
    case "heading":
    case "quote":
    case "embed":
      return [block.text];
    case "image":
      return block.caption ? [block.caption] : [];
    case "related":
      return [block.headline];
    case "video":
      return [block.title];
    default:
      return [];
  }
}

/** An entry's title where one is needed (JSON-LD, feeds): its headline, else the start of its text. */
export const entryTitle = (entry: LiveEntry, fallback: string): string =>
  entry.headline ?? clip(entry.body.flatMap(textOf)[0] ?? fallback, 110);

/** An entry's text, block by block. */
export const entryText = (entry: LiveEntry): string => entry.body.flatMap(textOf).join("\n\n");

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
