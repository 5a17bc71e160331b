// A story (declared in route.ts; this is its chunk): header, lead image, body with its video and
// related headlines, sharing and saving; its footer of sharing, tags and related stories; and,
// beside the story, the most read.
import { memo, useEffect } from "react";
import { useParams, useSearchParams } from "react-router";
import { useSuspenseData } from "../../api/cachedQuery";
import { storyQuery } from "../../api/queries";
import { ownLanguage, siteLanguage } from "../../app/ownLanguage";
import { ReaderLink } from "../../app/ReaderLink";
import { useSite } from "../../app/siteContext";
import { MostRead } from "../../headlines/MostRead";
import { quoteParam } from "../../model/quotes";
import type { Story } from "../../model/story";
import { SaveButton } from "../../saved/SaveButton";
import { ShareButton, ShareLinks } from "../../sharing/ShareBar";
import { Byline } from "../../story/Byline";
import { LiveEntriesOnDemand } from "../../story/LiveEntriesOnDemand";
import { Picture } from "../../story/Picture";
import { PictureCaption } from "../../story/PictureCaption";
import { RelatedStories } from "../../story/RelatedStories";
import styles from "../../story/Story.module.css";
import { StoryBody } from "../../story/StoryBody";
import { useViewReport } from "../../story/useViewReport";
import { StoryUpdateNotice } from "../../updates/StoryUpdateNotice";
import { useWords } from "../../words/useWords";

/** The lead picture spans the column (about 42rem) on wide screens, the screen on narrow ones. */
const LEAD_SIZES = "(min-width: 48rem) 42rem, 100vw";

export default function StoryPage() {
  const { slug = "" } = useParams();
  const { data: story, dataUpdatedAt } = useSuspenseData(storyQuery(slug));
  const [search] = useSearchParams();
  const marked = quoteParam(search.get("quote"));
  useScrollToPassage(marked);
  useViewReport(story.slug);
  return (
    <>
      <StoryUpdateNotice slug={slug} shownSince={dataUpdatedAt} />
      <StoryArticle story={story} search={search} marked={marked} />
      <div className={styles.beside}>
        <MostRead as="aside" besides={story.slug} />
      </div>
    </>
  );
}

/**
 * Memoized: a navigation renders the page as it starts (the router's state
 * says "loading") and again with the new story, and the first need not redo the story.
 */
const StoryArticle = memo(function StoryArticle({
  story,
  search,
  marked,
}: {
  story: Story;
  search: URLSearchParams;
  marked?: number;
}) {
  const site = useSite();
  const own = ownLanguage(story.language, site);
  const words = useWords();
  return (
    <article className={styles.story} {...own}>
      <header className={styles.header}>
        <p className={styles.section}>
          <ReaderLink to={`/sections/${story.section.slug}`}>{story.section.name}</ReaderLink>
          {story.kicker && <span className={styles.kicker}>{story.kicker}</span>}
          {story.live && <span className={styles.kicker}>{words.text("list.live")}</span>}
        </p>
        <h1 className={styles.headline} tabIndex={-1}>
          {story.headline}
        </h1>
        {story.deck && <p className={styles.deck}>{story.deck}</p>}
        {/* The byline is the site's words around the story's names: in the site's language and direction. */}
        <div {...siteLanguage(own, site)}>
          <Byline story={story} />
        </div>
        <div className={styles.actions}>
          <SaveButton story={story} place="story" />
          <ShareButton url={story.url} title={story.headline} />
        </div>
        <ShareLinks url={story.url} title={story.headline} label={words.text("story.shareStory")} />
      </header>
      {story.image && (
        <figure className={styles.lead}>
          <Picture image={story.image} alt={story.image.alt} sizes={LEAD_SIZES} fetchPriority="high" />
          <PictureCaption image={story.image} />
        </figure>
      )}
      <StoryBody
        blocks={story.body}
        startAt={startTime(search.get("t"))}
        marked={marked}
        share={{ url: story.url, title: story.headline }}
      />
      {story.coverage && <LiveEntriesOnDemand story={story} />}
      {/* The story's footer: sharing, its tags and related stories, about the story but not of it
          (reader views leave an article's footer out). */}
      <footer className={styles.footer}>
        <div className={styles.actions}>
          <ShareButton url={story.url} title={story.headline} />
        </div>
        <ShareLinks url={story.url} title={story.headline} label={words.text("story.shareStoryEnd")} />
        {story.tags.length > 0 && (
          <ul className={styles.tags} aria-label={words.text("story.tags")}>
            {story.tags.map((tag) => (
              <li key={tag.slug}>
                <ReaderLink to={`/tags/${tag.slug}`}>{tag.name}</ReaderLink>
              </li>
            ))}
          </ul>
        )}
        <RelatedStories stories={story.related} />
      </footer>
    </article>
  );
});

/** `?t=SECONDS` on a story URL: where its video starts. */
function startTime(value: string | null): number | undefined {
  if (!value || !/^\d{1,6}$/.test(value)) return undefined;
  return Number(value) || undefined;
}

/** A quote URL opens at its passage, in the middle of the screen. */
function useScrollToPassage(passage: number | undefined) {
  useEffect(() => {
    if (passage) document.getElementById(`p-${passage}`)?.scrollIntoView({ block: "center" });
  }, [passage]);
}
