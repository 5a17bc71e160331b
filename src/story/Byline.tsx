import { Fragment } from "react";
import { Link } from "react-router";
import type { Story } from "../model/story";
import { SiteTime } from "../time/SiteTime";
import { readingMinutes } from "./readingTime";
import styles from "./Story.module.css";

const authorList = new Intl.ListFormat("en", { type: "conjunction" });

/** Who wrote the story, when it was published and updated, and how long it takes to read. */
export function Byline({ story }: { story: Story }) {
  const names = new Map(story.authors.map((a) => [a.name, a]));
  const parts = story.authors.length ? authorList.formatToParts(story.authors.map((a) => a.name)) : [];
  return (
    <div className={styles.byline}>
      {parts.length > 0 && (
        <p className={styles.authors}>
          By{" "}
          {parts.map((part, index) => {
            const author = part.type === "element" ? names.get(part.value) : undefined;
            return author ? (
              <Link key={author.slug} to={`/authors/${author.slug}`} rel="author">
                {author.name}
              </Link>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the separators have no identity but their place
              <Fragment key={index}>{part.value}</Fragment>
            );
          })}
        </p>
      )}
      <p className={styles.dates}>
        Published <SiteTime iso={story.publishedAt} />
        {story.updatedAt !== story.publishedAt && (
          <>
            {" "}
            · Updated <SiteTime iso={story.updatedAt} />
          </>
        )}{" "}
        · {readingMinutes(story.body)} min read
      </p>
    </div>
  );
}
