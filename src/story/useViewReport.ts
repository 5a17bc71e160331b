import { useEffect } from "react";

/**
 * Tells the server a reader opened this story (for "Most read"): once per story shown, with
 * sendBeacon, which never delays the page and carries no cookie of ours.
 */
export function useViewReport(slug: string): void {
  useEffect(() => {
    const body = new Blob([JSON.stringify({ slug })], { type: "application/json" });
    navigator.sendBeacon?.("/api/views", body);
  }, [slug]);
}
