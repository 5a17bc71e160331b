import type { TextKey } from "../words/catalogue";

// Sends a link on: the platform's share sheet where the browser offers one, else the clipboard.
export type ShareOutcome = "shared" | "copied" | "cancelled" | "failed";

export interface Shareable {
  url: string;
  title: string;
  text?: string;
}

export const canUseShareSheet = (item: Shareable): boolean =>
  typeof navigator.share === "function" && (navigator.canShare?.(item) ?? true);

export async function shareLink(item: Shareable): Promise<ShareOutcome> {
  if (canUseShareSheet(item)) {
    try {
      await navigator.share(item);
      return "shared";
    } catch (error) {
      if ((error as DOMException).name === "AbortError") return "cancelled";
    }
  }
  try {
    await navigator.clipboard.writeText(item.url);
    return "copied";
  } catch {
    return "failed";
  }
}

/** What the reader is told of each outcome: a key of the site's catalogue, or nothing. */
export const outcomeMessage = {
  shared: "share.shared",
  copied: "share.copied",
  cancelled: undefined,
  failed: "share.failed",
} as const satisfies Record<ShareOutcome, TextKey | undefined>;
