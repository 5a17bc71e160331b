import { useQueryData } from "../api/cachedQuery";
import { mostReadQuery } from "../api/queries";
import { ownLanguage } from "../app/ownLanguage";
import { useSite } from "../app/siteContext";
import { useWords } from "../words/useWords";
import { HeadlineLink } from "./HeadlineLink";
import styles from "./MostRead.module.css";

/** Where readers without JavaScript find the most read stories: the search page, before a search. */
const MOST_READ_PATH = "/search";

/**
 * The stories read most in the last 24 hours, most first. They change by the minute, not when a
 * story is published, so they are not in the page the server keeps and a CDN holds for hours
 * (docs/decisions/026): the page carries a link to the search page, which lists them before a
 * search, and the browser fetches the list (kept a minute everywhere) once it runs. Extra to every
 * page it is on: when it cannot be had (offline, say) or there is no count yet, the page simply
 * goes without it. Beside a story it is an aside, the site's rather than the story's, so reader
 * views leave it out, and it leaves that story out; in a list of stories it is one more section.
 */
export function MostRead({
  as: Element = "section",
  besides,
}: {
  as?: "section" | "aside";
  /** The story the page is of, left out of the list. */
  besides?: string;
}) {
  const { data } = useQueryData(mostReadQuery());
  const site = useSite();
  const heading = useWords().text("mostRead.heading");
  const stories = data?.filter((story) => story.slug !== besides);
  if (stories?.length === 0) return null;
  return (
    <Element className={styles.mostRead} aria-labelledby="most-read-heading">
      <h2 id="most-read-heading" className={styles.heading}>
        {/* Until the list comes (or without JavaScript), the heading leads to where it is listed. */}
        {stories ? heading : <a href={MOST_READ_PATH}>{heading}</a>}
      </h2>
      {stories ? (
        <ol className={styles.list}>
          {stories.map((story) => (
            <li key={story.slug} {...ownLanguage(story.language, site)}>
              <HeadlineLink slug={story.slug}>
                <bdi>{story.headline}</bdi>
              </HeadlineLink>
            </li>
          ))}
        </ol>
      ) : (
        <div className={styles.pending} />
      )}
    </Element>
  );
}
