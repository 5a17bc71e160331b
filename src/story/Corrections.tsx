import type { CorrectionBlock } from "../model/story";
import { SiteTime } from "../time/SiteTime";
import { useWords } from "../words/useWords";
import styles from "./Story.module.css";

/**
 * The story's corrections, oldest first, as one labelled section closing its body: part of the
 * article (reader views keep it), named by its heading for assistive technology, each dated.
 */
export function Corrections({ corrections }: { corrections: CorrectionBlock[] }) {
  const words = useWords();
  if (corrections.length === 0) return null;
  return (
    <section className={styles.correction} aria-labelledby="correction">
      <h2 id="correction" className={styles.correctionHeading}>
        {words.count("story.correction", corrections.length)}
      </h2>
      {corrections.map((correction, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: corrections have no identity but their order
        <p key={index}>
          <SiteTime iso={correction.date} />: {correction.text}
        </p>
      ))}
    </section>
  );
}
