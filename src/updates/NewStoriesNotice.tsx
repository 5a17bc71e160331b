// "Show 2 new stories": on a list of the newest stories (front, section, tag, author), once the
// change stream says stories were published, the list's newest are fetched apart (their own
// query) and those not on screen yet are counted. Nothing on screen moves until the reader asks;
// then the list is fetched again in place and focus goes to the first new headline. The reader may
// dismiss it instead: it comes back only when more stories arrive.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { newestStoriesQuery } from "../api/queries";
import type { StorySummary } from "../model/story";
import type { StoryListParams } from "../model/storyList";
import { useWords } from "../words/useWords";
import { usePublishedCount } from "./changesSeen";
import styles from "./Notice.module.css";

interface Props {
  /** The list's filter (none: every section). */
  filter: Omit<StoryListParams, "cursor" | "limit">;
  /** The stories on screen, newest first. */
  shown: StorySummary[];
  /** The queries whose refetch shows the new stories in place. */
  queryKeys: readonly (readonly unknown[])[];
}

export function NewStoriesNotice({ filter, shown, queryKeys }: Props) {
  const published = usePublishedCount();
  const queryClient = useQueryClient();
  const words = useWords();
  const [revealing, setRevealing] = useState(false);
  /** The newest story waiting when the reader dismissed the notice: it comes back for a newer one. */
  const [dismissed, setDismissed] = useState<string>();
  /** The first new story, to take focus once it is on screen. */
  const [focusOn, setFocusOn] = useState<string | null>(null);
  const { data: newest } = useQuery(newestStoriesQuery(filter, published));
  const onScreen = new Set(shown.map((story) => story.slug));
  const top = shown[0]?.publishedAt ?? "";
  const waiting = (newest?.items ?? []).filter((story) => !onScreen.has(story.slug) && story.publishedAt >= top);

  useEffect(() => {
    if (focusOn === null || !shown.some((story) => story.slug === focusOn)) return;
    setFocusOn(null);
    document.querySelector<HTMLElement>(`main a[href="/stories/${CSS.escape(focusOn)}"]`)?.focus();
  }, [focusOn, shown]);

  async function reveal() {
    setFocusOn(waiting[0]?.slug ?? null);
    setRevealing(true);
    await Promise.all(queryKeys.map((queryKey) => queryClient.refetchQueries({ queryKey, type: "active" })));
    setRevealing(false);
  }

  const count = waiting.length;
  return (
    <div className={styles.notice} role="status">
      {count > 0 && waiting[0]?.slug !== dismissed && (
        <p className={styles.message}>
          <button type="button" className={styles.button} onClick={() => void reveal()} disabled={revealing}>
            {revealing ? words.text("notice.loading") : words.count("notice.newStories", count)}
          </button>
          <button
            type="button"
            className={styles.button}
            aria-label={words.text("notice.dismiss")}
            onClick={() => setDismissed(waiting[0]?.slug)}
          >
            ×
          </button>
        </p>
      )}
    </div>
  );
}
