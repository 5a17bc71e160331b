import { useState } from "react";
import styles from "./ShareBar.module.css";
import { outcomeMessage, shareLink } from "./shareLink";

/**
 * "Share this quote": a link to the story's quote URL, which shares or copies that URL when the
 * page runs; without JavaScript it opens the quote URL, ready to copy. An aside: it is about the
 * quote, not part of the story, so reader views and read-later apps leave it out.
 */
export function ShareQuote({ url, title, text }: { url: string; title: string; text: string }) {
  const [message, setMessage] = useState("");
  return (
    <aside className={styles.quoteShare}>
      <a
        href={url}
        onClick={async (event) => {
          event.preventDefault();
          setMessage(outcomeMessage[await shareLink({ url, title, text })]);
        }}
      >
        Share this quote
      </a>{" "}
      <span className={styles.status} role="status">
        {message}
      </span>
    </aside>
  );
}
