import { useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { prefetchStory } from "./prefetchStory";

/** A real link to a story that starts fetching it when the reader points at it or focuses it. */
export function HeadlineLink({ slug, className, children }: { slug: string; className?: string; children: ReactNode }) {
  const queryClient = useQueryClient();
  const prefetch = () => prefetchStory(queryClient, slug);
  return (
    <Link
      to={`/stories/${slug}`}
      className={className}
      onMouseEnter={prefetch}
      onFocus={prefetch}
      onTouchStart={prefetch}
    >
      {children}
    </Link>
  );
}
