// The saved stories page (declared in route.ts; this is its chunk): the stories this browser keeps
// for the reader, with Remove and Undo.
import { useCallback, useEffect, useRef, useState } from "react";
import { useHydrated } from "../../app/useHydrated";
import { HeadlineList } from "../../headlines/HeadlineList";
import type { StorySummary } from "../../model/story";
import { type Removal, removeFromSaved } from "../../saved/savedActions";
import { useSavedStories } from "../../saved/savedStories";
import { useWords } from "../../words/useWords";
import styles from "./SavedPage.module.css";

/**
 * The reader's saved stories, newest saved first. The server cannot know them: it sends the heading
 * and the note, and the list appears once the page runs, from this browser's storage.
 */
export default function SavedPage() {
  const hydrated = useHydrated();
  const words = useWords();
  const stories = useSavedStories();
  const [removal, setRemoval] = useState<Removal>();
  const [message, setMessage] = useState("");
  const [restoredSlug, setRestoredSlug] = useState<string>();
  const undoButton = useRef<HTMLButtonElement>(null);
  // Focus follows the reader's action: to Undo when their story leaves the list, back to it on Undo.
  useEffect(() => {
    if (removal) undoButton.current?.focus();
  }, [removal]);
  const focusRestored = useCallback((button: HTMLButtonElement | null) => button?.focus(), []);

  const remove = (story: StorySummary) => {
    const removed = removeFromSaved(story.slug);
    if (!removed) return;
    setRemoval(removed);
    setMessage(words.text("saved.removed", { headline: removed.story.headline }));
  };
  const undo = () => {
    if (!removal) return;
    removal.undo();
    setRemoval(undefined);
    setRestoredSlug(removal.story.slug);
    setMessage(words.text("saved.putBack", { headline: removal.story.headline }));
  };

  return (
    <section className={styles.saved}>
      <h1 className={styles.heading} tabIndex={-1}>
        {words.text("saved.title")}
      </h1>
      <p className={styles.note}>{words.text("saved.note")}</p>
      <div className={styles.notice}>
        <p role="status" className={styles.status}>
          {message}
        </p>
        {removal && (
          <button ref={undoButton} type="button" className={styles.undo} onClick={undo}>
            {words.text("saved.undo")}
          </button>
        )}
      </div>
      {hydrated &&
        (stories.length > 0 ? (
          <HeadlineList
            stories={stories}
            level={2}
            action={(story) => (
              <button
                ref={story.slug === restoredSlug ? focusRestored : undefined}
                type="button"
                className={styles.remove}
                onClick={() => remove(story)}
              >
                {words.text("saved.remove")} <span className="visually-hidden">{story.headline}</span>
              </button>
            )}
          />
        ) : (
          <p className={styles.empty}>{words.text("saved.empty")}</p>
        ))}
    </section>
  );
}
