import { useSuspenseQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { authorQuery, sectionsQuery, storiesQuery, tagQuery } from "../api/queries";
import { HeadlineList } from "../headlines/HeadlineList";
import type { StoryListParams } from "../model/storyList";
import styles from "./ListingPage.module.css";
import { LISTING_PAGE_SIZE } from "./queries";

/** A section front, a tag page or an author page: a heading and the newest stories under it. */
export function ListingPage() {
  const { section, tag, author } = useParams();
  if (section) return <SectionListing slug={section} />;
  if (tag) return <TagListing slug={tag} />;
  return <AuthorListing slug={author ?? ""} />;
}

function SectionListing({ slug }: { slug: string }) {
  const { data: sections } = useSuspenseQuery(sectionsQuery());
  return <Listing title={sections.find((s) => s.slug === slug)?.name ?? slug} filter={{ section: slug }} />;
}

function TagListing({ slug }: { slug: string }) {
  const { data: tag } = useSuspenseQuery(tagQuery(slug));
  return <Listing title={`Stories about ${tag.name}`} filter={{ tag: slug }} />;
}

function AuthorListing({ slug }: { slug: string }) {
  const { data: author } = useSuspenseQuery(authorQuery(slug));
  return <Listing title={`Stories by ${author.name}`} filter={{ author: slug }} />;
}

function Listing({ title, filter }: { title: string; filter: StoryListParams }) {
  const { data } = useSuspenseQuery(storiesQuery({ ...filter, limit: LISTING_PAGE_SIZE }));
  return (
    <section aria-labelledby="listing-heading">
      <h1 id="listing-heading" className={styles.heading} tabIndex={-1}>
        {title}
      </h1>
      <HeadlineList stories={data.items} level={2} />
    </section>
  );
}
