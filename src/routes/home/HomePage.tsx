// The front page (declared in route.ts; this is its chunk): the top story, the latest and the most
// read, then each section's newest. Its loader has put all of it in the cache.

import { useSuspenseData } from "../../api/cachedQuery";
import { sectionsQuery, storiesQuery } from "../../api/queries";
import { ownLanguage } from "../../app/ownLanguage";
import { ReaderLink } from "../../app/ReaderLink";
import { useSite } from "../../app/siteContext";
import { HeadlineLink } from "../../headlines/HeadlineLink";
import { HeadlineList } from "../../headlines/HeadlineList";
import { Kicker } from "../../headlines/Kicker";
import { MostRead } from "../../headlines/MostRead";
import type { Section, StorySummary } from "../../model/story";
import { Picture } from "../../story/Picture";
import { NewStoriesNotice } from "../../updates/NewStoriesNotice";
import { useWords } from "../../words/useWords";
import styles from "./HomePage.module.css";
import { HOME_LATEST, homeSectionQuery } from "./queries";

export default function HomePage() {
  const { data: latest } = useSuspenseData(storiesQuery({ limit: HOME_LATEST }));
  const { data: sections } = useSuspenseData(sectionsQuery());
  const [top, ...rest] = latest.items;
  const site = useSite();
  const words = useWords();
  return (
    <>
      <h1 className="visually-hidden" tabIndex={-1}>
        {words.text("home.heading", { site: site.name })}
      </h1>
      <NewStoriesNotice filter={{}} shown={latest.items} queryKeys={[["stories"]]} />
      <div className={styles.front}>
        {top && <TopStory story={top} />}
        <section aria-labelledby="latest-heading" className={styles.latest}>
          <h2 id="latest-heading" className={styles.sectionHeading}>
            {words.text("home.latest")}
          </h2>
          <HeadlineList stories={rest} showDeck={false} />
          <MostRead />
        </section>
        <div className={styles.sections}>
          {sections.map((section) => (
            <SectionTeaser key={section.slug} section={section} />
          ))}
        </div>
      </div>
    </>
  );
}

function TopStory({ story }: { story: StorySummary }) {
  const site = useSite();
  return (
    <article className={styles.top} {...ownLanguage(story.language, site)}>
      {story.image && (
        <Picture
          image={story.image}
          className={styles.topImage}
          alt={story.image.alt}
          sizes="(min-width: 64rem) 40rem, 100vw"
          fetchPriority="high"
        />
      )}
      <Kicker story={story} className={styles.kicker} />
      <h2 className={styles.topHeadline}>
        <HeadlineLink slug={story.slug}>
          <bdi>{story.headline}</bdi>
        </HeadlineLink>
      </h2>
      {story.deck && <p className={styles.deck}>{story.deck}</p>}
    </article>
  );
}

function SectionTeaser({ section }: { section: Section }) {
  const { data } = useSuspenseData(homeSectionQuery(section.slug));
  const id = `section-${section.slug}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className={styles.sectionHeading}>
        <ReaderLink to={`/sections/${section.slug}`}>{section.name}</ReaderLink>
      </h2>
      <HeadlineList stories={data.items} showDeck={false} />
    </section>
  );
}
