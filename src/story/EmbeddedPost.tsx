import { useSite } from "../app/siteContext";
import { type EmbedProvider, providerName } from "../model/embeddedPost";
import { linkRel } from "../model/runs";
import type { EmbedBlock } from "../model/story";
import { SiteTime } from "../time/SiteTime";
import { useWords } from "../words/useWords";
import { MarkedText } from "./MarkedText";
import styles from "./Story.module.css";

/**
 * A post from another platform (block "embed", docs/decisions/045), set as a quotation: which
 * platform, the post's words as stored, who posted it and when, and a link to the original. Nothing
 * is loaded from the platform (no script, no frame): the page stays fast, private and readable
 * without scripts, and says the same whatever becomes of the post. Who posted it is isolated
 * (`<bdi>`): a handle in Latin letters keeps its order on a right-to-left page.
 */
export function EmbeddedPost({ post }: { post: EmbedBlock }) {
  const words = useWords();
  const site = useSite();
  const provider = providerName(post.provider as EmbedProvider);
  return (
    <figure className={styles.embeddedPost}>
      <p className={styles.embeddedPostLabel}>{words.text("story.embeddedPostLabel", { provider })}</p>
      <blockquote cite={post.url}>
        <p>
          <MarkedText text={post.text} runs={post.runs} />
        </p>
      </blockquote>
      <figcaption>
        {(post.author || post.date) && (
          <>
            <span className={styles.embeddedPostBy}>
              {post.author && post.date ? (
                words.parts("story.embeddedPostBy", (name) =>
                  name === "author" ? (
                    <bdi key={name}>{post.author}</bdi>
                  ) : (
                    <SiteTime key={name} iso={post.date as string} />
                  ),
                )
              ) : post.author ? (
                <bdi>{post.author}</bdi>
              ) : (
                <SiteTime iso={post.date as string} />
              )}
            </span>{" "}
          </>
        )}
        <a className={styles.embeddedPostLink} href={post.url} rel={linkRel(post.url, site)}>
          {words.text("story.embeddedPostView", { provider })}
        </a>
      </figcaption>
    </figure>
  );
}
