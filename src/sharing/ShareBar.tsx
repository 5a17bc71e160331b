import { useState } from "react";
import { useHydrated } from "../app/useHydrated";
import styles from "./ShareBar.module.css";
import { canUseShareSheet, outcomeMessage, type Shareable, shareLink } from "./shareLink";

/** Plain links to share a URL on each platform: they work without JavaScript. */
export function shareTargets({ url, title }: Shareable) {
  const u = encodeURIComponent(url);
  const both = encodeURIComponent(`${title} ${url}`);
  return [
    { name: "X", href: `https://x.com/intent/post?url=${u}&text=${encodeURIComponent(title)}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${u}` },
    { name: "WhatsApp", href: `https://wa.me/?text=${both}` },
    { name: "Bluesky", href: `https://bsky.app/intent/compose?text=${both}` },
    { name: "Email", href: `mailto:?subject=${encodeURIComponent(title)}&body=${u}` },
  ];
}

/**
 * Share the story: a link per platform, then the share sheet or copy link once the page runs
 * (in a slot of its size, so its arrival moves nothing).
 */
export function ShareBar({ url, title, label }: Shareable & { label: string }) {
  const hydrated = useHydrated();
  const [message, setMessage] = useState("");
  const item = { url, title };
  return (
    <nav className={styles.bar} aria-label={label}>
      <ul className={styles.targets}>
        {shareTargets(item).map((target) => (
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
      <span className={styles.primarySlot}>
        {hydrated && (
          <button
            type="button"
            className={styles.primary}
            onClick={async () => setMessage(outcomeMessage[await shareLink(item)])}
          >
            {canUseShareSheet(item) ? "Share" : "Copy link"}
          </button>
        )}
      </span>
      <span className={styles.status} role="status">
        {message}
      </span>
    </nav>
  );
}
