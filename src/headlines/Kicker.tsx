// The line above a headline: "Live" while the story's coverage goes on, then its kicker.
import type { StorySummary } from "../model/story";
import { useWords } from "../words/useWords";
import styles from "./Kicker.module.css";

export function Kicker({ story, className }: { story: Pick<StorySummary, "kicker" | "live">; className?: string }) {
  const words = useWords();
  if (!story.kicker && !story.live) return null;
  return (
    <p className={className}>
      {story.live && <span className={styles.live}>{words.text("list.live")}</span>}
      {story.kicker}
    </p>
  );
}
