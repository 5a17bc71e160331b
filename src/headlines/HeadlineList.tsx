import type { StorySummary } from "../model/story";
import { LocalTime } from "../time/LocalTime";
import { HeadlineLink } from "./HeadlineLink";
import styles from "./HeadlineList.module.css";

/** A list of stories: kicker, headline (a prefetching link), deck, time and a thumbnail. */
interface Props {
  stories: StorySummary[];
  /** The level of each headline: one below the heading the list sits under. */
  level?: 2 | 3;
  showDeck?: boolean;
}

export function HeadlineList({ stories, level = 3, showDeck = true }: Props) {
  if (stories.length === 0) return <p className={styles.empty}>No stories yet.</p>;
  return (
    <ul className={styles.list}>
      {stories.map((story) => (
        <li key={story.slug} className={styles.item}>
          <HeadlineCard story={story} level={level} showDeck={showDeck} />
        </li>
      ))}
    </ul>
  );
}

function HeadlineCard({ story, level, showDeck }: { story: StorySummary; level: 2 | 3; showDeck: boolean }) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article className={styles.card}>
      {story.image && (
        <img
          className={styles.thumb}
          src={story.image.src}
          alt=""
          width={story.image.width}
          height={story.image.height}
          loading="lazy"
          decoding="async"
        />
      )}
      <div>
        {story.kicker && <p className={styles.kicker}>{story.kicker}</p>}
        <Heading className={styles.headline}>
          <HeadlineLink slug={story.slug}>{story.headline}</HeadlineLink>
        </Heading>
        {showDeck && story.deck && <p className={styles.deck}>{story.deck}</p>}
        <p className={styles.meta}>
          {story.section.name} · <LocalTime iso={story.publishedAt} />
          {story.hasVideo && <span className={styles.video}> · Video</span>}
        </p>
      </div>
    </article>
  );
}
