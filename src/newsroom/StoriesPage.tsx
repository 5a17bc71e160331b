// The newsroom's stories.
import { useWords } from "../words/useWords";

export function StoriesPage() {
  const words = useWords();
  return <h1>{words.text("newsroom.stories")}</h1>;
}
