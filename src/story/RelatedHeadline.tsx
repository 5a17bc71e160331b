import { HeadlineLink } from "../headlines/HeadlineLink";
import styles from "./Story.module.css";

/** A headline of another story, set in the body where the story links to it. */
export function RelatedHeadline({ slug, headline }: { slug: string; headline: string }) {
  return (
    <p className={styles.relatedHeadline}>
      <span className={styles.relatedLabel}>Related</span> <HeadlineLink slug={slug}>{headline}</HeadlineLink>
    </p>
  );
}
