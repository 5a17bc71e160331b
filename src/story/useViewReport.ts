import { useEffect } from "react";

/**
 * Tells the server a reader opened this story (for "Most read"): once per story shown, with
 * sendBeacon, which never delays the page and carries no cookie of ours. Sent from a task of its
 * own: after a click the effect runs before the new story is painted, and the beacon need not.
 */
export function useViewReport(slug: string): void {
  useEffect(() => {
    setTimeout(() => {
      const body = new Blob([JSON.stringify({ slug })], { type: "application/json" });
      navigator.sendBeacon?.("/api/views", body);
    });
  }, [slug]);
}
