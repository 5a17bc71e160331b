import type { VideoBlock } from "../model/story";
import { useWords } from "../words/useWords";
import type { Words } from "../words/words";
import { NativeVideo } from "./NativeVideo";
import styles from "./VideoPlayer.module.css";
import { YouTubeFacade } from "./YouTubeFacade";

/** A story's video, a figure with its caption, in a box of fixed aspect ratio so nothing moves when it loads. */
export function VideoPlayer({ video, startAt }: { video: VideoBlock; startAt?: number }) {
  const youtube = video.sources.find((source) => source.type === "video/youtube");
  const words = useWords();
  return (
    <figure className={styles.player}>
      {video.sources.length === 0 ? (
        <div className={styles.frame}>
          <p className={styles.unavailable}>{words.text("video.unavailable")}</p>
        </div>
      ) : youtube ? (
        <div className={styles.frame}>
          <YouTubeFacade id={youtube.src} title={video.title} poster={video.poster} startAt={startAt} />
        </div>
      ) : (
        // The video itself is the figure's box (no wrapper): reader views keep a figure's video,
        // but drop a bare box around one as empty.
        <NativeVideo video={video} startAt={startAt} />
      )}
      <figcaption className={styles.caption}>
        <span className={styles.label}>{words.text("video.label")}</span> {video.title}
        {video.durationS ? (
          <span className={styles.duration}> ({formatDuration(video.durationS, words.number)})</span>
        ) : null}
      </figcaption>
    </figure>
  );
}

/** "4:05", in the site's digits. */
export function formatDuration(seconds: number, number: Words["number"]): string {
  const whole = Math.round(seconds);
  return `${number(Math.floor(whole / 60))}:${number(whole % 60, 2)}`;
}
