import { HeadlineLink } from "../headlines/HeadlineLink";
import { useWords } from "../words/useWords";
import styles from "./Story.module.css";

/**
 * A headline of another story, set in the body where the story refers to it: a link when that
 * story is here, plain text when it is not (never a dead link).
 */
export function RelatedHeadline({ slug, headline }: { slug?: string; headline: string }) {
  return (
    <p className={styles.relatedHeadline}>
      <span className={styles.relatedLabel}>{useWords().text("story.relatedLabel")}</span>{" "}
      {slug ? <HeadlineLink slug={slug}>{headline}</HeadlineLink> : headline}
    </p>
  );
}
