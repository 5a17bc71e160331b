import { useState } from "react";
import { useWords } from "../words/useWords";
import styles from "./VideoPlayer.module.css";

/**
 * A YouTube video as a poster and a play button. Nothing is fetched from YouTube until the
 * reader asks to play; then the privacy-enhanced (no-cookie) player loads and starts. Without
 * JavaScript the button is a plain link to the video on YouTube.
 */
export function YouTubeFacade({
  id,
  title,
  poster,
  startAt,
}: {
  id: string;
  title: string;
  poster?: string;
  startAt?: number;
}) {
  const [playing, setPlaying] = useState(false);
  const words = useWords();
  if (playing) {
    const params = new URLSearchParams({ autoplay: "1", ...(startAt ? { start: String(startAt) } : {}) });
    return (
      <iframe
        className={styles.video}
        src={`https://www.youtube-nocookie.com/embed/${id}?${params}`}
        title={title}
        allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
      />
    );
  }
  return (
    <a
      className={styles.facade}
      href={`https://www.youtube.com/watch?v=${id}${startAt ? `&t=${startAt}` : ""}`}
      onClick={(event) => {
        event.preventDefault();
        setPlaying(true);
      }}
    >
      {poster && <img className={styles.poster} src={poster} alt="" loading="lazy" decoding="async" />}
      <span className={styles.play} aria-hidden="true" />
      <span className="visually-hidden">{words.text("video.play", { title })}</span>
    </a>
  );
}
