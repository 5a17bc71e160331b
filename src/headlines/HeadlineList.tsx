import type { ReactNode } from "react";
import { ownLanguage, siteLanguage } from "../app/ownLanguage";
import { useSite } from "../app/siteContext";
import type { StorySummary } from "../model/story";
import { SaveButton } from "../saved/SaveButton";
import { Picture } from "../story/Picture";
import { SiteTime } from "../time/SiteTime";
import { useWords } from "../words/useWords";
import { HeadlineLink } from "./HeadlineLink";
import styles from "./HeadlineList.module.css";
import { Kicker } from "./Kicker";

/** A list of stories: kicker, headline (a prefetching link), deck, time and a thumbnail. */
interface Props {
  stories: StorySummary[];
  /** The level of each headline: one below the heading the list sits under. */
  level?: 2 | 3;
  showDeck?: boolean;
  /** What the reader can do with each story, at the end of its line of details: Save, unless told. */
  action?: (story: StorySummary) => ReactNode;
}

const saveAction = (story: StorySummary) => <SaveButton story={story} place="card" />;

export function HeadlineList({ stories, level = 3, showDeck = true, action = saveAction }: Props) {
  const words = useWords();
  if (stories.length === 0) return <p className={styles.empty}>{words.text("list.empty")}</p>;
  return (
    <ul className={styles.list}>
      {stories.map((story) => (
        <li key={story.slug} className={styles.item}>
          <HeadlineCard story={story} level={level} showDeck={showDeck} action={action(story)} />
        </li>
      ))}
    </ul>
  );
}

function HeadlineCard({
  story,
  level,
  showDeck,
  action,
}: {
  story: StorySummary;
  level: 2 | 3;
  showDeck: boolean;
  action: ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  const site = useSite();
  const own = ownLanguage(story.language, site);
  const words = useWords();
  return (
    <article className={styles.card} {...own}>
      {story.image && (
        <Picture image={story.image} className={styles.thumb} alt="" sizes="9rem" loading="lazy" decoding="async" />
      )}
      <div>
        <Kicker story={story} className={styles.kicker} />
        <Heading className={styles.headline}>
          <HeadlineLink slug={story.slug}>
            <bdi>{story.headline}</bdi>
          </HeadlineLink>
        </Heading>
        {showDeck && story.deck && <p className={styles.deck}>{story.deck}</p>}
        <p className={styles.meta} {...siteLanguage(own, site)}>
          {story.section.name} · <SiteTime iso={story.publishedAt} />
          {story.hasVideo && <span className={styles.video}> · {words.text("list.video")}</span>}
          {action}
        </p>
      </div>
    </article>
  );
}
