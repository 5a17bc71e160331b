import { useWords } from "../words/useWords";
import { useShareOutcome } from "./ShareBar";
import styles from "./ShareBar.module.css";

/**
 * "Share this quote": a link to the story's quote URL, which shares or copies that URL when the
 * page runs; without JavaScript it opens the quote URL, ready to copy. An aside: it is about the
 * quote, not part of the story, so reader views and read-later apps leave it out.
 */
export function ShareQuote({ url, title, text }: { url: string; title: string; text: string }) {
  const [message, share] = useShareOutcome();
  const words = useWords();
  return (
    <aside className={styles.quoteShare}>
      <a
        href={url}
        onClick={(event) => {
          event.preventDefault();
          void share({ url, title, text });
        }}
      >
        {words.text("share.quote")}
      </a>{" "}
      <span className={styles.status} role="status">
        {message}
      </span>
    </aside>
  );
}
