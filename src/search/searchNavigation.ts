// Results that follow typing are navigations too; they must not take the reader's focus away
// from the search box, as a navigation otherwise would (focus goes to the new page's heading).
export const typingState = { keepFocus: true } as const;

export const keepsFocus = (state: unknown): boolean =>
  typeof state === "object" && state !== null && "keepFocus" in state && state.keepFocus === true;
