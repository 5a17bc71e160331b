import { useHydrated } from "../app/useHydrated";
import type { StorySummary } from "../model/story";
import { useWords } from "../words/useWords";
import styles from "./SaveButton.module.css";
import { removeFromSaved, saveForLater } from "./savedActions";
import { useIsSaved } from "./savedStories";

interface Props {
  story: StorySummary;
  /** On a story page the story is the page's; in a list each button names its headline. */
  place: "story" | "card";
}

/**
 * Save a story to read later, offline too: a toggle (aria-pressed) that says "Saved" once pressed,
 * so its state is not told by colour alone (its name is what it shows). It works only with JavaScript,
 * so it appears only once the page runs, in a slot of its own size that keeps the page still.
 */
export function SaveButton({ story, place }: Props) {
  const hydrated = useHydrated();
  const saved = useIsSaved(story.slug);
  const words = useWords();
  return (
    <span className={place === "story" ? styles.storySlot : styles.cardSlot}>
      {hydrated && (
        <button
          type="button"
          className={styles.button}
          aria-pressed={saved}
          onClick={() => (saved ? removeFromSaved(story.slug) : saveForLater(story))}
        >
          <svg className={styles.icon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 1.5h8a.5.5 0 0 1 .5.5v12.5L8 11.5l-4.5 3V2a.5.5 0 0 1 .5-.5Z" />
          </svg>
          {words.text(saved ? "save.saved" : "save.save")}
          {place === "card" && (
            <>
              {" "}
              <span className="visually-hidden">{story.headline}</span>
            </>
          )}
        </button>
      )}
    </span>
  );
}
