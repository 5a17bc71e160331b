import { HeadlineList } from "../headlines/HeadlineList";
import type { StorySummary } from "../model/story";
import { useWords } from "../words/useWords";
import styles from "./Story.module.css";

export function RelatedStories({ stories }: { stories: StorySummary[] }) {
  const words = useWords();
  if (stories.length === 0) return null;
  return (
    <section className={styles.related} aria-labelledby="related-stories">
      <h2 id="related-stories">{words.text("story.related")}</h2>
      <HeadlineList stories={stories} />
    </section>
  );
}
