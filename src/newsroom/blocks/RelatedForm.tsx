// A related headline: found by typing a few words of it (the site's search), and linked to its
// story. The number of headlines found is announced; choosing one links it.
import { useEffect, useId, useState } from "react";
import { useWords } from "../../words/useWords";
import { type FoundHeadline, findHeadlines } from "./blockApi";
import styles from "./blocks.module.css";
import type { BlockFormProps } from "./TextBlocks";

/** How long typing must pause before a search goes out. */
const PAUSE_MS = 250;

export function RelatedForm({ block, onChange, label, fieldId }: BlockFormProps<"related">) {
  const words = useWords();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<FoundHeadline[] | null>(null);
  const resultsId = useId();

  useEffect(() => {
    const asked = query.trim();
    if (asked.length < 3) {
      setFound(null);
      return;
    }
    const stop = new AbortController();
    const timer = setTimeout(() => {
      findHeadlines(asked, stop.signal).then(setFound, () => undefined);
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      stop.abort();
    };
  }, [query]);

  return (
    <>
      {block.headline ? (
        <p className={styles.hint}>
          {words.parts("newsroom.relatedLinked", (part) =>
            block.slug ? (
              <a key={part} href={`/stories/${block.slug}`} target="_blank" rel="noopener">
                {block.headline}
              </a>
            ) : (
              <span key={part}>{block.headline}</span>
            ),
          )}
        </p>
      ) : null}
      <label className={styles.field}>
        <span className={styles.label}>{words.text("newsroom.relatedFind", { label })}</span>
        <input
          id={fieldId}
          type="search"
          value={query}
          aria-describedby={resultsId}
          onChange={(event) => setQuery(event.target.value)}
        />
      </label>
      <div id={resultsId}>
        <p role="status" className={styles.hint}>
          {found === null ? words.text("newsroom.relatedHint") : words.count("newsroom.relatedFound", found.length)}
        </p>
        {found && found.length > 0 ? (
          <ul className={styles.found}>
            {found.map((hit) => (
              <li key={hit.slug}>
                <button
                  type="button"
                  className={styles.button}
                  onClick={() => {
                    onChange({ type: "related", headline: hit.headline, slug: hit.slug });
                    setQuery("");
                  }}
                >
                  {words.text("newsroom.relatedChoose", { headline: hit.headline })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </>
  );
}
