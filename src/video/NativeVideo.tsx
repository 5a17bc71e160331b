import { useEffect, useRef } from "react";
import type { VideoBlock } from "../model/story";
import { useWords } from "../words/useWords";
import styles from "./VideoPlayer.module.css";

const HLS = "application/vnd.apple.mpegurl";

/**
 * The browser's own player with every source and captions track, named by the video's title (the
 * figure's caption names the figure, not the video in it). A start time rides on the
 * sources as a media fragment (#t=), so it works before any script runs. hls.js is fetched only
 * when the only playable source is an HLS playlist and the browser cannot play HLS itself.
 */
export function NativeVideo({ video, startAt }: { video: VideoBlock; startAt?: number }) {
  const ref = useRef<HTMLVideoElement>(null);
  const words = useWords();
  const fragment = startAt ? `#t=${startAt}` : "";
  const playlist = video.sources.find((source) => source.type === HLS);

  useEffect(() => {
    const element = ref.current;
    if (!element || !playlist) return;
    const playable = video.sources.some((source) => element.canPlayType(source.type) !== "");
    if (playable) return;
    let cancelled = false;
    let destroy = () => {};
    void import("hls.js").then(({ default: Hls }) => {
      if (cancelled || !Hls.isSupported()) return;
      const hls = new Hls({ startPosition: startAt ?? -1 });
      hls.loadSource(playlist.src);
      hls.attachMedia(element);
      destroy = () => hls.destroy();
    });
    return () => {
      cancelled = true;
      destroy();
    };
  }, [playlist, video.sources, startAt]);

  const download = video.sources.find((source) => source.type === "video/mp4" || source.type === "video/webm");
  return (
    // biome-ignore lint/a11y/useMediaCaption: the captions tracks are rendered from the story's data below
    <video
      ref={ref}
      className={styles.native}
      controls
      playsInline
      preload="metadata"
      poster={video.poster}
      aria-label={video.title}
    >
      {video.sources.map((source) => (
        <source key={source.src} src={`${source.src}${fragment}`} type={source.type} />
      ))}
      {video.captions?.map((track, index) => (
        <track
          key={track.src}
          kind="captions"
          src={track.src}
          srcLang={track.srclang}
          label={track.label}
          default={index === 0}
        />
      ))}
      {download && (
        <p>
          {words.text("video.cannotPlay")} <a href={download.src}>{words.text("video.download")}</a>
        </p>
      )}
    </video>
  );
}
