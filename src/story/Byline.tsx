import { Fragment } from "react";
import { ReaderLink } from "../app/ReaderLink";
import type { Story } from "../model/story";
import { SiteTime } from "../time/SiteTime";
import { useWords } from "../words/useWords";
import { readingMinutes } from "./readingTime";
import styles from "./Story.module.css";

/** Who wrote the story, when it was published and updated, and how long it takes to read. */
export function Byline({ story }: { story: Story }) {
  const words = useWords();
  const names = new Map(story.authors.map((a) => [a.name, a]));
  const parts = story.authors.length ? words.list(story.authors.map((a) => a.name)) : [];
  const authors = parts.map((part, index) => {
    const author = part.type === "element" ? names.get(part.value) : undefined;
    return author ? (
      <ReaderLink key={author.slug} to={`/authors/${author.slug}`} rel="author">
        {author.name}
      </ReaderLink>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the separators have no identity but their place
      <Fragment key={index}>{part.value}</Fragment>
    );
  });
  return (
    <div className={styles.byline}>
      {parts.length > 0 && (
        <p className={styles.authors}>
          {words.parts("story.by", (name) => (name === "authors" ? <Fragment key={name}>{authors}</Fragment> : name))}
        </p>
      )}
      <p className={styles.dates}>
        {words.parts("story.published", (name) => (
          <SiteTime key={name} iso={story.publishedAt} />
        ))}
        {story.updatedAt !== story.publishedAt && (
          <>
            {" · "}
            {words.parts("story.updated", (name) => (
              <SiteTime key={name} iso={story.updatedAt} />
            ))}
          </>
        )}
        {" · "}
        {words.count("story.readingTime", readingMinutes(story.body))}
      </p>
    </div>
  );
}
