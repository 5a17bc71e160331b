// The site's words for components: the app puts its Words in this context (entry-server.tsx on the
// server, main.tsx in the browser), and every component takes its messages, times and numbers here.
import { createContext, useContext } from "react";
import type { Words } from "./words";

export const WordsContext = createContext<Words | null>(null);

export function useWords(): Words {
  const words = useContext(WordsContext);
  if (!words) throw new Error("useWords: no WordsContext above this component");
  return words;
}
