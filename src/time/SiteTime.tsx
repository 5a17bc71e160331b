import { useSite } from "../app/siteContext";
import { formatSiteTime } from "./siteTime";

/**
 * A time as the site writes it, zone named, the same on the server and in the browser (the reader's
 * own zone is unknown to the server, and rewriting the time after load would change it, and perhaps
 * its day, under the reader's eyes).
 */
export function SiteTime({ iso }: { iso: string }) {
  const { timeZone } = useSite();
  return <time dateTime={iso}>{formatSiteTime(iso, timeZone)}</time>;
}
