import { useState } from "react";
import { useHydrated } from "../app/useHydrated";
import { useWords } from "../words/useWords";
import styles from "./ShareBar.module.css";
import { canUseShareSheet, outcomeMessage, type Shareable, shareLink } from "./shareLink";

/** Plain links to share a URL on each platform: they work without JavaScript. */
export function shareTargets({ url, title }: Shareable, email: string) {
  const u = encodeURIComponent(url);
  const both = encodeURIComponent(`${title} ${url}`);
  return [
    { name: "X", href: `https://x.com/intent/post?url=${u}&text=${encodeURIComponent(title)}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: "WhatsApp", href: `https://wa.me/?text=${both}` },
    { name: "Bluesky", href: `https://bsky.app/intent/compose?text=${both}` },
    { name: email, href: `mailto:?subject=${encodeURIComponent(title)}&body=${u}` },
  ];
}

/** Share the story: a link per platform, each a whole target on a phone. */
export function ShareLinks({ url, title, label }: Shareable & { label: string }) {
  const words = useWords();
  return (
    <nav className={styles.bar} aria-label={label}>
      <ul className={styles.targets}>
        {shareTargets({ url, title }, words.text("share.email")).map((target) => (
          <li key={target.name}>
            <a
              href={target.href}
              {...(target.href.startsWith("mailto:") ? {} : { target: "_blank", rel: "noopener noreferrer" })}
            >
              {target.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The share sheet, or copy link where there is none: it needs the page's script, so it arrives
 * with it, in a slot of its size that keeps the page still (and takes no room without scripts).
 */
export function ShareButton(item: Shareable) {
  const hydrated = useHydrated();
  const words = useWords();
  const [message, share] = useShareOutcome();
  return (
    <>
      <span className={styles.primarySlot}>
        {hydrated && (
          <button type="button" className={styles.primary} onClick={() => void share(item)}>
            {words.text(canUseShareSheet(item) ? "share.share" : "share.copyLink")}
          </button>
        )}
      </span>
      <span className={styles.status} role="status">
        {message}
      </span>
    </>
  );
}

/** How long "Link copied." stays on screen (it is announced at once). */
const OUTCOME_SHOWN_MS = 5_000;

/** Shares an item and says how it went, for a few seconds. */
export function useShareOutcome(): [string, (item: Shareable) => Promise<void>] {
  const [message, setMessage] = useState("");
  const words = useWords();
  return [
    message,
    async (item) => {
      const key = outcomeMessage[await shareLink(item)];
      setMessage(key ? words.text(key) : "");
      setTimeout(setMessage, OUTCOME_SHOWN_MS, "");
    },
  ];
}
