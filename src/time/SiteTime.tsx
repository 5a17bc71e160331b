import { useWords } from "../words/useWords";

/**
 * A time as the site writes it, in its locale and zone, zone named, the same on the server and in
 * the browser (the reader's own zone is unknown to the server, and rewriting the time after load
 * would change it, and perhaps its day, under the reader's eyes).
 */
export function SiteTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{useWords().time(iso)}</time>;
}
