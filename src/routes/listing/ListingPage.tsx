// The section, tag and author pages (declared in route.ts; this is their one chunk): a heading and
// the newest stories under it, page by page.

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useLocation, useParams, useSearchParams } from "react-router";
import { useSuspenseData } from "../../api/cachedQuery";
import { authorQuery, sectionsQuery, tagQuery } from "../../api/queries";
import { ReaderLink } from "../../app/ReaderLink";
import { HeadlineList } from "../../headlines/HeadlineList";
import { NewStoriesNotice } from "../../updates/NewStoriesNotice";
import { useWords } from "../../words/useWords";
import styles from "./ListingPage.module.css";
import { type ListingFilter, listingQuery } from "./queries";

/** A section front, a tag page or an author page: a heading and the newest stories under it. */
export default function ListingPage() {
  const { section, tag, author } = useParams();
  if (section) return <SectionListing slug={section} />;
  if (tag) return <TagListing slug={tag} />;
  return <AuthorListing slug={author ?? ""} />;
}

function SectionListing({ slug }: { slug: string }) {
  const { data: sections } = useSuspenseData(sectionsQuery());
  return <Listing title={sections.find((s) => s.slug === slug)?.name ?? slug} filter={{ section: slug }} />;
}

function TagListing({ slug }: { slug: string }) {
  const { data: tag } = useSuspenseData(tagQuery(slug));
  return <Listing title={useWords().text("listing.tagTitle", { tag: tag.name })} filter={{ tag: slug }} />;
}

function AuthorListing({ slug }: { slug: string }) {
  const { data: author } = useSuspenseData(authorQuery(slug));
  return <Listing title={useWords().text("listing.authorTitle", { author: author.name })} filter={{ author: slug }} />;
}

/**
 * The stories, page by page. "More stories" is a link to the next page (`?before=`), so it works
 * without JavaScript; with it, the next page is added in place, the address records where it
 * starts (a reload or a bookmark comes back there), and focus moves to its first story.
 */
function Listing({ title, filter }: { title: string; filter: ListingFilter }) {
  const [search] = useSearchParams();
  const { pathname } = useLocation();
  const words = useWords();
  const before = search.get("before") ?? undefined;
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useSuspenseInfiniteQuery(
    listingQuery(filter, before),
  );
  const list = useRef<HTMLDivElement>(null);
  const stories = data.pages.flatMap((page) => page.items);
  const next = data.pages.at(-1)?.nextCursor;

  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const first = focusFrom.current;
    if (first === null || stories.length <= first) return;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLAnchorElement>("li h2 a")[first]?.focus();
  }, [stories.length]);

  async function showMore() {
    if (!next) return;
    focusFrom.current = stories.length;
    await fetchNextPage();
    window.history.replaceState(window.history.state, "", `?before=${encodeURIComponent(next)}`);
  }

  return (
    <section aria-labelledby="listing-heading">
      <h1 id="listing-heading" className={styles.heading} tabIndex={-1}>
        {title}
      </h1>
      {before && (
        <p className={styles.paging}>
          <ReaderLink to={pathname}>{words.text("listing.newest")}</ReaderLink>
        </p>
      )}
      {!before && <NewStoriesNotice filter={filter} shown={stories} queryKeys={[listingQuery(filter).queryKey]} />}
      <div ref={list}>
        <HeadlineList stories={stories} level={2} />
      </div>
      {hasNextPage && next && (
        <p className={styles.paging}>
          <ReaderLink
            className={styles.more}
            to={`${pathname}?before=${encodeURIComponent(next)}`}
            aria-disabled={isFetchingNextPage}
            onClick={(event) => {
              event.preventDefault();
              if (!isFetchingNextPage) void showMore();
            }}
          >
            {words.text(isFetchingNextPage ? "listing.loadingMore" : "listing.more")}
          </ReaderLink>
        </p>
      )}
    </section>
  );
}
