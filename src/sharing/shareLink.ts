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

export const outcomeMessage: Record<ShareOutcome, string> = {
  shared: "Shared.",
  copied: "Link copied.",
  cancelled: "",
  failed: "Could not copy the link: copy it from the address bar.",
};
