import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/**
 * False while the server renders and while React hydrates, true after: for what only the browser
 * can show (the reader's time zone, a share button) without a hydration mismatch.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
