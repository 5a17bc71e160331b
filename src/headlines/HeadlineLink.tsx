// A headline's link to its story, which fetches the story (and the story page's code) as soon as
// the reader shows intent: pointing at it, focusing it or touching it.
import type { ReactNode } from "react";
import { ReaderLink } from "../app/ReaderLink";
import { usePrefetchStory } from "./prefetchStory";

/** A real link to a story that starts fetching it when the reader points at it or focuses it. */
export function HeadlineLink({ slug, className, children }: { slug: string; className?: string; children: ReactNode }) {
  const prefetchStory = usePrefetchStory();
  const prefetch = () => prefetchStory(slug);
  return (
    <ReaderLink
      to={`/stories/${slug}`}
      className={className}
      onMouseEnter={prefetch}
      onFocus={prefetch}
      onTouchStart={prefetch}
    >
      {children}
    </ReaderLink>
  );
}
