// "This story has been updated": on an open story the change stream said changed, a way to the new
// version that keeps the reader's place (the story is fetched again and rendered in place; the
// browser's scroll anchoring holds what is on screen). A deleted story says so.

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { storyQuery } from "../api/queries";
import { ReaderLink } from "../app/ReaderLink";
import { useWords } from "../words/useWords";
import { useStoryChange } from "./changesSeen";
import styles from "./Notice.module.css";

interface Props {
  /** The slug the page was opened at. */
  slug: string;
  /** When the story on screen was fetched (ms). */
  shownSince: number;
}

export function StoryUpdateNotice({ slug, shownSince }: Props) {
  const seen = useStoryChange(slug);
  const queryClient = useQueryClient();
  const words = useWords();
  const [loading, setLoading] = useState(false);
  const current = seen !== undefined && seen.heardAt > shownSince;

  async function showLatest() {
    setLoading(true);
    await queryClient.refetchQueries({ queryKey: storyQuery(slug).queryKey, exact: true });
    setLoading(false);
    document.querySelector<HTMLElement>("main h1")?.focus({ preventScroll: true });
  }

  return (
    <div className={styles.notice} role="status">
      {current &&
        (seen.change === "deleted" ? (
          <p className={styles.message}>
            {words.text("notice.storyRemoved")} <ReaderLink to="/">{words.text("error.frontPage")}</ReaderLink>
          </p>
        ) : (
          <p className={styles.message}>
            {words.text("notice.storyUpdated")}
            <button type="button" className={styles.button} onClick={() => void showLatest()} disabled={loading}>
              {words.text(loading ? "notice.loading" : "notice.showLatest")}
            </button>
          </p>
        ))}
    </div>
  );
}
