// Beside the kicker, headline and deck: the story as a social post shows its share card and as a
// search engine lists it, from the draft as it is typed (sharePreview.ts), each text cut where the
// platform cuts it and the cut part struck through, so the writer sees what readers will miss.
import { useId, useState } from "react";
import { useSite } from "../app/siteContext";
import { useWords } from "../words/useWords";
import styles from "./newsroom.module.css";
import { type CutText, type PreviewedStory, sharePreview } from "./sharePreview";

export function SharePreviews({ story }: { story: PreviewedStory }) {
  const words = useWords();
  const site = useSite();
  const headingId = useId();
  const { card, search } = sharePreview(story, site);
  // The picture from this server when the site's address is this server's (a proxy's, a test's).
  const siteOrigin = new URL(site.url).origin;
  const here = (href: string) => {
    const url = new URL(href);
    return url.origin === siteOrigin ? `${url.pathname}${url.search}` : href;
  };
  return (
    <section className={styles.previews} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.previewsTitle}>
        {words.text("newsroom.previews")}
      </h2>
      <figure className={styles.previewFigure} data-preview="card">
        <figcaption className={styles.previewName}>{words.text("newsroom.shareCard")}</figcaption>
        <div className={styles.shareCard}>
          <CardPicture key={card.image.src} src={here(card.image.src)} alt={card.image.alt} />
          <div className={styles.shareCardText}>
            <p className={styles.shareCardSite}>{card.siteName}</p>
            <p className={styles.shareCardTitle} data-part="title">
              <Cut text={card.title} />
            </p>
            <p className={styles.shareCardDescription} data-part="description">
              <Cut text={card.description} />
            </p>
          </div>
        </div>
      </figure>
      <figure className={styles.previewFigure} data-preview="search">
        <figcaption className={styles.previewName}>{words.text("newsroom.searchResult")}</figcaption>
        <div className={styles.searchResult}>
          <p className={styles.searchUrl} data-part="url">
            {search.url}
          </p>
          <p className={styles.searchTitle} data-part="title">
            <Cut text={search.title} />
          </p>
          <p className={styles.searchDescription} data-part="description">
            <Cut text={search.description} />
          </p>
        </div>
      </figure>
    </section>
  );
}

/** The share picture; until the story is published its drawn card does not exist, so its words stand in. */
function CardPicture({ src, alt }: { src: string; alt: string }) {
  const words = useWords();
  const [missing, setMissing] = useState(false);
  if (missing) return <p className={styles.shareCardMissing}>{words.text("newsroom.cardWhenPublished")}</p>;
  return (
    <img
      className={styles.shareCardPicture}
      src={src}
      alt={alt}
      width={1200}
      height={630}
      loading="lazy"
      onError={() => setMissing(true)}
    />
  );
}

/** A text as shown: "…" where it was cut, how far it goes, and the cut part struck through. */
function Cut({ text }: { text: CutText }) {
  const words = useWords();
  if (!text.rest) return <>{text.kept}</>;
  return (
    <>
      {text.kept}… <small className={styles.cutNote}>{words.count("newsroom.cutAfter", text.max)}</small>{" "}
      <del className={styles.cut}>{text.rest.trimStart()}</del>
    </>
  );
}
